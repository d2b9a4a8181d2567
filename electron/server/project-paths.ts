import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';

/** The repository (or unpacked app) root: where package.json, resources/ and node_modules/ are. */
export const PROJECT_ROOT = resolve(import.meta.dirname, '..', '..');

/** Default locations of what `serve` needs, relative to the project root. */
export const projectPaths = {
  rendererDir: join(PROJECT_ROOT, 'renderer', 'dist'),
  resourcesDir: join(PROJECT_ROOT, 'resources'),
  nodeModulesDir: join(PROJECT_ROOT, 'node_modules'),
};

/** The studio's version, from package.json. */
export function projectVersion(): string {
  const pkg = JSON.parse(readFileSync(join(PROJECT_ROOT, 'package.json'), 'utf8')) as { version?: unknown };
  return typeof pkg.version === 'string' ? pkg.version : '0.0.0';
}
