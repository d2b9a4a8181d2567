#!/usr/bin/env node
// `npm run setup`: checks that this checkout can run the studio and says what to do if not,
// then builds the web interface so the first `npm start` or `npm run serve` is quick.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';

const root = join(import.meta.dirname, '..');
const problems = [];

const [major, minor] = process.versions.node.split('.').map(Number);
if (major < 22 || (major === 22 && minor < 12)) {
  problems.push(`Node.js ${process.version} is running this; the studio needs 22.12+. Use \`npm run setup\` so npm picks the project's own Node.js.`);
}
for (const pkg of ['zod', 'ws', 'chokidar', 'commander', 'vite', 'react', 'monaco-editor', '@aws/durable-execution-sdk-js', '@types/aws-lambda']) {
  if (!existsSync(join(root, 'node_modules', ...pkg.split('/'), 'package.json'))) problems.push(`The package ${pkg} is missing: run \`npm install\`.`);
}
if (problems.length > 0) {
  for (const problem of problems) console.error(`✗ ${problem}`);
  process.exit(1);
}
console.log(`✓ Node.js ${process.version} and the studio's packages are in place.`);

const electronBinary = existsSync(join(root, 'node_modules', 'electron', 'path.txt'));
console.log(
  electronBinary
    ? '✓ Electron is installed: `npm start` opens the desktop app.'
    : '• Electron\'s binary is not installed: `npm start` serves the studio to your browser instead.',
);

const build = spawnSync(join(root, 'node_modules', '.bin', 'vite'), ['build', '--config', 'renderer/vite.config.ts', '--logLevel', 'warn'], {
  cwd: root,
  stdio: 'inherit',
});
if (build.status !== 0) {
  console.error('✗ Building the web interface failed; see the messages above.');
  process.exit(build.status ?? 1);
}
console.log('✓ Web interface built (renderer/dist). Next: `npm start`.');
