import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import type { LocalBaseKind } from '../../../shared/contract/docker.ts';
import { RUNTIME_CLIENT_VERSION } from './runtime-client.ts';

/** Label a local base image carries with the hash of what it was built from (see {@link localBaseRecipeHash}). */
export const LOCAL_BASE_RECIPE_LABEL = 'lambda-studio.recipe';

/** Raise when the way a local base image is laid out changes, so images built the old way are rebuilt. */
export const LOCAL_BASE_RECIPE_VERSION = 1;

const BOOTSTRAP_FOLDER: Record<LocalBaseKind, string> = { nodejs: 'node', python: 'python' };

function filesUnder(dir: string): string[] {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => join(entry.parentPath, entry.name))
    .sort();
}

/**
 * A hash of what a local base image is built from: the studio's bootstrap files for the
 * image's runtime, the aws-lambda-ric version (Node.js) and the recipe's version. An image whose
 * label differs was built by another studio and behaves differently from the process runner.
 */
export function localBaseRecipeHash(bootstrapDir: string, kind: LocalBaseKind): string {
  const hash = createHash('sha256');
  hash.update(`recipe ${LOCAL_BASE_RECIPE_VERSION}\n${kind}\n`);
  if (kind === 'nodejs') hash.update(`aws-lambda-ric ${RUNTIME_CLIENT_VERSION}\n`);
  const root = join(bootstrapDir, BOOTSTRAP_FOLDER[kind]);
  for (const file of filesUnder(root)) {
    const content = readFileSync(file);
    hash.update(`${relative(root, file)}\0${content.length}\0`);
    hash.update(content);
  }
  return hash.digest('hex').slice(0, 16);
}
