#!/usr/bin/env node
// `npm start`: the desktop app where Electron's binary exists, otherwise the same studio as a
// local web app in the default browser. Arguments after `--` go to the app (e.g. --workspace DIR).
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { buildRendererIfStale } from './build-renderer.mjs';

const root = join(import.meta.dirname, '..');
const args = process.argv.slice(2);
const bin = (name) => join(root, 'node_modules', '.bin', name);

/** Electron's binary, found the way its own package does, without loading it (that would try to download). */
function electronBinary() {
  const pkg = join(root, 'node_modules', 'electron');
  const pathFile = join(pkg, 'path.txt');
  if (!existsSync(pathFile)) return undefined;
  const binary = join(pkg, 'dist', readFileSync(pathFile, 'utf8').trim());
  return existsSync(binary) ? binary : undefined;
}

function run(command, commandArgs, what) {
  const result = spawnSync(command, commandArgs, { cwd: root, stdio: 'inherit' });
  if (result.status !== 0) {
    console.error(`${what} failed (exit ${result.status ?? result.signal}). See the messages above.`);
    process.exit(result.status ?? 1);
  }
}

/** Runs the app in the foreground, passing Ctrl+C on and leaving with its exit code. */
function foreground(command, commandArgs) {
  const child = spawn(command, commandArgs, { cwd: root, stdio: 'inherit' });
  for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => child.kill(signal));
  child.on('exit', (code, signal) => process.exit(code ?? (signal ? 0 : 1)));
}

const [major, minor] = process.versions.node.split('.').map(Number);
if (major < 22 || (major === 22 && minor < 12)) {
  console.error(`Lambda Studio needs Node.js 22.12 or newer; this is ${process.version}. Run it through npm (\`npm start\`), which uses the Node.js installed with the project.`);
  process.exit(1);
}

const electron = electronBinary();
if (electron !== undefined) {
  run(bin('electron-vite'), ['build', '--logLevel', 'warn'], 'Building the desktop app');
  foreground(electron, ['.', ...args]);
} else {
  console.log("Electron's binary is not installed here (it could not be downloaded); starting Lambda Studio as a local web app instead.");
  // `npm install` built it; this builds again only after an edit to what it is built from.
  buildRendererIfStale(root);
  foreground(process.execPath, ['--disable-warning=ExperimentalWarning', join(root, 'electron', 'server', 'cli.ts'), 'serve', ...args]);
}
