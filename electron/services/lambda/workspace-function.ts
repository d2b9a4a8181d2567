import { createHash } from 'node:crypto';
import { readdir, readFile } from 'node:fs/promises';
import { join, relative } from 'node:path';
import { FunctionConfig, FunctionName } from '../../../shared/workspace/function-config.ts';
import { bundleIntoFreshFolder, pruneBundles } from '../bundle/swap-bundle.ts';
import { type FunctionVersion, lambdaTimestamp, newRevisionId } from './function-registry.ts';

/** A function folder of the workspace, as the service registers it. */
export interface WorkspaceFunctionInput {
  name: string;
  /** `functions/<name>/`: the handler source and `function.json`. */
  dir: string;
  config: FunctionConfig;
  /** Where bundles go, each in a folder of its own; defaults to `<workspace>/.studio/build/<name>/`. */
  buildDir?: string;
}

async function hashTree(root: string): Promise<{ sha256: string; size: number }> {
  const hash = createHash('sha256');
  let size = 0;
  const walk = async (dir: string): Promise<void> => {
    const entries = (await readdir(dir, { withFileTypes: true })).sort((a, b) => a.name.localeCompare(b.name));
    for (const entry of entries) {
      const full = join(dir, entry.name);
      if (entry.isDirectory()) {
        if (entry.name !== '__pycache__' && entry.name !== 'node_modules') await walk(full);
      } else if (entry.isFile()) {
        const data = await readFile(full);
        size += data.length;
        hash.update(relative(root, full)).update('\0').update(data);
      }
    }
  };
  await walk(root);
  return { sha256: hash.digest('base64'), size };
}

/**
 * Turns a workspace function into a runnable `$LATEST`: Node handlers are bundled with
 * esbuild (throws a BuildError with the problems when the source does not build);
 * Python handlers run from their folder as they are.
 */
export async function prepareWorkspaceFunction(input: WorkspaceFunctionInput): Promise<{ version: FunctionVersion; warnings: string[] }> {
  const name = FunctionName.parse(input.name);
  const config = FunctionConfig.parse(input.config);
  let codeDir = input.dir;
  const warnings: string[] = [];
  if (config.runtime.startsWith('nodejs')) {
    const baseDir = input.buildDir ?? join(input.dir, '..', '..', '.studio', 'build', name);
    const bundle = await bundleIntoFreshFolder({ functionName: name, sourceDir: input.dir, handler: config.handler, baseDir });
    codeDir = bundle.outDir;
    // A minute past the timeout: by then no invocation can still be running a replaced bundle.
    await pruneBundles(baseDir, (config.timeout + 60) * 1000);
    warnings.push(...bundle.warnings.map((w) => `${w.file ?? ''}${w.line === undefined ? '' : `:${w.line}`} ${w.text}`.trim()));
  }
  const code = await hashTree(codeDir);
  return {
    warnings,
    version: {
      functionName: name,
      version: '$LATEST',
      runtime: config.runtime,
      handler: config.handler,
      memorySize: config.memorySize,
      timeout: config.timeout,
      environment: config.environment,
      description: config.description ?? '',
      role: '',
      ...(config.durable?.enabled === true
        ? { durable: { executionTimeout: config.durable.executionTimeout, retentionPeriodInDays: config.durable.retentionPeriodInDays } }
        : {}),
      runner: config.runner,
      ...(config.image === undefined ? {} : { image: config.image }),
      codeDir,
      codeSha256: code.sha256,
      codeSize: code.size,
      lastModified: lambdaTimestamp(),
      revisionId: newRevisionId(),
      origin: 'workspace',
    },
  };
}
