// Builds the docker runner's local base images (no registry needed): `node scripts/docker-base-image.ts [nodejs|python]`
// (both when none is named). `--status` only reports whether the engine answers (exit 0 when it does).
// `--if-outdated` builds only the images that are missing or were built from another bootstrap than this checkout's.
import type { LocalBaseKind } from '../shared/contract/docker.ts';
import { connectDockerEngine } from '../electron/services/runners/docker-engine.ts';
import { buildLocalBaseImage, DEFAULT_LOCAL_IMAGES, localImageOutdated } from '../electron/services/runners/docker-images.ts';
import { defaultLauncherPaths } from '../electron/services/runners/launchers.ts';

const KINDS: LocalBaseKind[] = ['nodejs', 'python'];
const named = process.argv.slice(2).filter((arg) => !arg.startsWith('--'));
const unknown = named.filter((arg) => !KINDS.includes(arg as LocalBaseKind));
if (unknown.length > 0) {
  console.error(`Unknown image ${unknown.join(', ')}: name nodejs or python, or nothing for both.`);
  process.exit(2);
}
const kinds = named.length === 0 ? KINDS : (named as LocalBaseKind[]);

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
for (const kind of kinds) {
  if (process.argv.includes('--if-outdated') && (await localImageOutdated(engine, DEFAULT_LOCAL_IMAGES[kind], kind, paths.bootstrapDir)) === false) {
    console.log(`${DEFAULT_LOCAL_IMAGES[kind]} is up to date.`);
    continue;
  }
  const result = await buildLocalBaseImage(engine, paths, (line) => {
    if (!quiet) console.log(line);
  }, DEFAULT_LOCAL_IMAGES[kind], kind);
  console.log(`Built ${result.image} (${(result.sizeBytes / 1e6).toFixed(0)} MB) in ${(result.durationMs / 1000).toFixed(1)} s.`);
}
