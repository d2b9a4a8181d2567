// Builds the docker runner's local base image (no registry needed): `node scripts/docker-base-image.ts`.
// `--status` only reports whether the engine answers (exit 0 when it does).
import { connectDockerEngine } from '../electron/services/runners/docker-engine.ts';
import { buildLocalBaseImage } from '../electron/services/runners/docker-images.ts';
import { defaultLauncherPaths } from '../electron/services/runners/launchers.ts';

const engine = connectDockerEngine();
const status = await engine.status();
if (status.state !== 'running') {
  console.error(`${status.message} ${status.fix ?? ''}`);
  process.exit(1);
}
if (process.argv.includes('--status')) {
  console.log(status.message);
  process.exit(0);
}
const paths = defaultLauncherPaths();
const quiet = process.argv.includes('--quiet');
const result = await buildLocalBaseImage(engine, paths, (line) => {
  if (!quiet) console.log(line);
});
console.log(`Built ${result.image} (${(result.sizeBytes / 1e6).toFixed(0)} MB) in ${(result.durationMs / 1000).toFixed(1)} s.`);
