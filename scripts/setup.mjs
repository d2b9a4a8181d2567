#!/usr/bin/env node
// `npm run setup`: checks that this checkout can run the studio and says what to do if not,
// builds the web interface so the first `npm start` or `npm run serve` is quick, then reports
// the optional parts (Electron's binary, Docker and its images, the runtime client, Python),
// each with the command that adds it.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';

const root = join(import.meta.dirname, '..');
const problems = [];

const [major, minor] = process.versions.node.split('.').map(Number);
if (major < 22 || (major === 22 && minor < 12)) {
  problems.push(`Node.js ${process.version} is running this; the studio needs 22.12+. Use \`npm run setup\` so npm picks the project's own Node.js.`);
}
for (const pkg of ['zod', 'ws', 'chokidar', 'commander', 'vite', 'react', 'monaco-editor', 'dockerode', '@aws/durable-execution-sdk-js', '@types/aws-lambda']) {
  if (!existsSync(join(root, 'node_modules', ...pkg.split('/'), 'package.json'))) problems.push(`The package ${pkg} is missing: run \`npm install\`.`);
}
if (problems.length > 0) {
  for (const problem of problems) console.error(`✗ ${problem}`);
  process.exit(1);
}
console.log(`✓ Node.js ${process.version} and the studio's packages are in place.`);

const build = spawnSync(join(root, 'node_modules', '.bin', 'vite'), ['build', '--config', 'renderer/vite.config.ts', '--logLevel', 'warn'], {
  cwd: root,
  stdio: 'inherit',
});
if (build.status !== 0) {
  console.error('✗ Building the web interface failed; see the messages above.');
  process.exit(build.status ?? 1);
}
console.log('✓ Web interface built (renderer/dist). Next: `npm start`.');

console.log('\nOptional parts (the studio runs without them):');
const optional = (present, what, missing) => console.log(present ? `  ✓ ${what}` : `  • ${missing}`);

optional(
  existsSync(join(root, 'node_modules', 'electron', 'path.txt')),
  'Electron is installed: `npm start` opens the desktop app.',
  "Electron's binary is not installed: `npm start` serves the studio to your browser instead. Add it: `npx install-electron` (downloads from GitHub).",
);

const { findPython } = await import('../electron/services/runners/launchers.ts');
const python = findPython();
optional(python !== undefined, `Python 3 for Python functions: ${python}`, 'No python3 on PATH: Python functions cannot run. Add it: `sudo apt-get install python3` (or your system\'s package).');

const { runtimeClientDir, runtimeClientInstalled, RUNTIME_CLIENT_VERSION } = await import('../electron/services/runners/runtime-client.ts');
optional(
  runtimeClientInstalled(),
  `aws-lambda-ric ${RUNTIME_CLIENT_VERSION} (for the local Node.js base image): ${runtimeClientDir()}`,
  `aws-lambda-ric ${RUNTIME_CLIENT_VERSION} is not installed; the first build of the local Node.js base image installs it (compiled once per machine). Ahead of time: \`node scripts/runtime-client.ts\`.`,
);

const { connectDockerEngine } = await import('../electron/services/runners/docker-engine.ts');
const { listRunnerImages } = await import('../electron/services/runners/docker-images.ts');
const engine = connectDockerEngine();
const status = await engine.status();
if (status.state !== 'running') {
  console.log(`  • Docker engine: ${status.message} ${status.fix ?? ''} Functions with "runner": "docker" need it; the process runner does not.`);
} else {
  console.log(`  ✓ Docker engine ${status.version ?? ''} at ${status.socket}`);
  for (const image of await listRunnerImages(engine, join(root, 'resources', 'bootstrap'))) {
    const runtime = image.runtime === 'python' ? 'Python' : 'Node.js';
    const add = image.kind === 'official' ? `\`docker pull ${image.name}\` (needs the registry)` : `\`node scripts/docker-base-image.ts ${image.runtime}\` (no registry needed)`;
    const label = `${image.kind === 'official' ? 'Official' : 'Local base'} image for ${runtime}: ${image.name}`;
    if (image.outdated === true) {
      optional(false, '', `${label} is out of date (built from an older bootstrap than this checkout's). Rebuild it: ${add}, or let the next invoke of such a function rebuild it.`);
    } else {
      optional(image.present, `${label} (${Math.round((image.sizeBytes ?? 0) / 1e6)} MB)`, `${label} is not on the engine. Add it: ${add}, or let the first invoke of such a function fetch or build it.`);
    }
  }
}
