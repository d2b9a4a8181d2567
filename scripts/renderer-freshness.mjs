// Whether renderer/dist was built after the last change to what goes into it, so `npm start`
// can skip a build that takes seconds when nothing changed.
import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';

/** The newest modification time (ms) of the files under `dir`, skipping folders named in `skip`. */
function newestUnder(dir, skip) {
  let newest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    if (skip.has(entry.name)) continue;
    const path = join(dir, entry.name);
    if (entry.isDirectory()) newest = Math.max(newest, newestUnder(path, skip));
    else if (entry.isFile()) newest = Math.max(newest, statSync(path).mtimeMs);
  }
  return newest;
}

/** True when renderer/dist/index.html is newer than every source of the web interface. */
export function rendererBuildIsFresh(root) {
  let built;
  try {
    built = statSync(join(root, 'renderer', 'dist', 'index.html')).mtimeMs;
  } catch {
    return false;
  }
  const skip = new Set(['dist', 'node_modules']);
  const sources = Math.max(
    newestUnder(join(root, 'renderer'), skip),
    newestUnder(join(root, 'shared'), skip),
    statSync(join(root, 'package.json')).mtimeMs,
    statSync(join(root, 'package-lock.json'), { throwIfNoEntry: false })?.mtimeMs ?? 0,
  );
  return built > sources;
}
