import type { TypeLibrary } from '../../shared/contract/app.ts';
import { ts } from './setup.ts';

let added = false;

/**
 * Hands the host's declaration files (and their package.json files, which module
 * resolution reads for `types`) to the TypeScript worker, so `aws-lambda` and the durable
 * SDK resolve in handlers exactly as they would on disk.
 */
export function addTypeLibraries(libraries: readonly TypeLibrary[]): void {
  if (added) return;
  added = true;
  const extraLibs = libraries.map((lib) => ({ filePath: lib.path, content: lib.content }));
  ts.typescriptDefaults.setExtraLibs(extraLibs);
  ts.javascriptDefaults.setExtraLibs(extraLibs);
  // Setting the libraries makes the worker check every open model again.
}
