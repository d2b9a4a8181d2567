import { createHash } from 'node:crypto';
import { readdir, readFile } from 'node:fs/promises';
import { join, relative, sep } from 'node:path';
import { zipSync, type Zippable } from 'fflate';
import { StudioError } from '../../../shared/contract/errors.ts';
import type { FunctionConfig } from '../../../shared/workspace/function-config.ts';
import { BuildError, bundleFunction } from '../bundle/bundle-function.ts';
import type { FunctionStore } from '../workspace/function-store.ts';

/** A function ready to upload: its zip, the zip's hash as Lambda reports it, and its settings. */
export interface DeployPackage {
  zip: Uint8Array;
  /** Base64 SHA-256 of the zip: Lambda's `CodeSha256`. */
  codeSha256: string;
  config: FunctionConfig;
  handler: string;
}

/** Every entry gets the same time, so the same files make the same zip and the same hash. */
const FIXED_MTIME = new Date(2000, 0, 1);

async function filesOf(root: string): Promise<Zippable> {
  const files: Zippable = {};
  const walk = async (dir: string): Promise<void> => {
    const entries = (await readdir(dir, { withFileTypes: true })).sort((a, b) => a.name.localeCompare(b.name));
    for (const entry of entries) {
      const full = join(dir, entry.name);
      if (entry.isDirectory()) {
        if (entry.name !== '__pycache__' && entry.name !== 'node_modules' && entry.name !== '.git') await walk(full);
      } else if (entry.isFile() && entry.name !== 'function.json') {
        files[relative(root, full).split(sep).join('/')] = [await readFile(full), { mtime: FIXED_MTIME }];
      }
    }
  };
  await walk(root);
  return files;
}

/**
 * Builds a workspace function into the zip a deploy uploads: Node handlers go through the same
 * esbuild bundle the local runners run (into a folder of its own, so a running sandbox's files
 * are left alone); Python handlers are zipped from their folder as they are.
 */
export async function buildDeployPackage(functions: FunctionStore, name: string, buildDir: string): Promise<DeployPackage> {
  const detail = await functions.get(name);
  if (detail.config === null) {
    throw new StudioError('INVALID_CONFIG', `functions/${name}/function.json is not valid: ${detail.configError ?? 'fix it first'}.`);
  }
  const config = detail.config;
  const source = await functions.folderOf(name);
  let root = source;
  let handler = config.handler;
  if (config.runtime.startsWith('nodejs')) {
    try {
      const bundle = await bundleFunction({ functionName: name, sourceDir: source, handler: config.handler, outDir: join(buildDir, name) });
      root = bundle.outDir;
      handler = bundle.handler;
    } catch (error) {
      if (error instanceof BuildError) throw new StudioError('BAD_INPUT', error.message, error.problems.map((p) => p.text).join('\n'));
      throw error;
    }
  }
  return { ...(await zipFolder(root)), config, handler };
}

/** A built folder as the zip a deploy uploads, with its hash; the same files always give the same bytes. */
export async function zipFolder(root: string): Promise<Pick<DeployPackage, 'zip' | 'codeSha256'>> {
  const zip = zipSync(await filesOf(root), { level: 9 });
  return { zip, codeSha256: createHash('sha256').update(zip).digest('base64') };
}
