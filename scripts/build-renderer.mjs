#!/usr/bin/env node
// Builds the web interface when anything it is built from changed since its last build. Run by
// `npm install` (the package's `prepare` step), so a fresh clone's first `npm start` has nothing
// to build, and by `npm start` itself after an edit.
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { rendererBuildIsFresh } from './renderer-freshness.mjs';

/** Builds renderer/dist unless it is fresh; exits the process when the build fails. */
export function buildRendererIfStale(root) {
  if (rendererBuildIsFresh(root)) return;
  console.error('Building the web interface (once after each change to it)...');
  const vite = join(root, 'node_modules', '.bin', 'vite');
  const result = spawnSync(vite, ['build', '--config', 'renderer/vite.config.ts', '--logLevel', 'warn'], { cwd: root, stdio: 'inherit' });
  if (result.status !== 0) {
    console.error(`Building the web interface failed (exit ${result.status ?? result.signal}). See the messages above.`);
    process.exit(result.status ?? 1);
  }
}

if (import.meta.filename === process.argv[1]) buildRendererIfStale(join(import.meta.dirname, '..'));
