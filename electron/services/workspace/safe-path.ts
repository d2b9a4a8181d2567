import { realpath } from 'node:fs/promises';
import { dirname, isAbsolute, relative, resolve } from 'node:path';
import { StudioError } from '../../../shared/contract/errors.ts';

function isInside(base: string, target: string): boolean {
  const rel = relative(base, target);
  return rel !== '' && !rel.startsWith('..') && !isAbsolute(rel);
}

/** The real path of `path`, or of its nearest existing ancestor joined with the rest. */
async function realpathOfNearest(path: string): Promise<string> {
  try {
    return await realpath(path);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
    const parent = dirname(path);
    if (parent === path) return path;
    return resolve(await realpathOfNearest(parent), relative(parent, path));
  }
}

/**
 * Resolves a `/`-separated relative path inside `base`, refusing anything that would land
 * outside it: `..`, absolute paths, and symbolic links pointing elsewhere.
 */
export async function resolveInside(base: string, relativePath: string, what: string): Promise<string> {
  const refuse = () =>
    new StudioError('BAD_INPUT', `"${relativePath}" is outside ${what}.`, 'Paths must be relative to the folder and may not use "..".');
  if (relativePath.includes('\0') || relativePath.includes('\\') || isAbsolute(relativePath)) throw refuse();
  const target = resolve(base, ...relativePath.split('/'));
  if (!isInside(base, target)) throw refuse();
  // A link inside the folder could still point out of it; compare where things really are.
  const realBase = await realpathOfNearest(base);
  const realTarget = await realpathOfNearest(target);
  if (!isInside(realBase, realTarget)) throw refuse();
  return target;
}
