import { build, type Message } from 'esbuild';
import { existsSync } from 'node:fs';
import { mkdir, rm } from 'node:fs/promises';
import { dirname, join, relative } from 'node:path';

/** Packages a Lambda Node.js runtime provides, so bundles leave them out (as a deploy to AWS does). */
export const PROVIDED_PACKAGES = ['@aws-sdk/*', '@smithy/*', '@aws/durable-execution-sdk-js', '@aws/durable-execution-sdk-js/*'];

const SOURCE_EXTENSIONS = ['.ts', '.mts', '.tsx', '.js', '.mjs', '.cjs', '.jsx'];

/** One problem esbuild found, in a shape the editor can point at. */
export interface BuildProblem {
  text: string;
  file?: string;
  line?: number;
  column?: number;
}

/** A build that failed: what went wrong, where, and what to do about it. */
export class BuildError extends Error {
  readonly problems: BuildProblem[];

  constructor(functionName: string, problems: BuildProblem[]) {
    const first = problems[0];
    const where = first?.file === undefined ? '' : ` (${first.file}:${first.line ?? 0}:${first.column ?? 0})`;
    super(`Function ${functionName} did not build: ${first?.text ?? 'unknown error'}${where}. Fix the handler source and save again.`);
    this.name = 'BuildError';
    this.problems = problems;
  }
}

/** A finished bundle. */
export interface BundleResult {
  /** The folder to run (and to zip for AWS): `<outDir>/<module>.mjs` plus its source map. */
  outDir: string;
  /** The handler string for the bundle; the same `file.export` as the source's. */
  handler: string;
  warnings: BuildProblem[];
}

const toProblem = (message: Message): BuildProblem => ({
  text: message.text,
  ...(message.location === null ? {} : { file: message.location.file, line: message.location.line, column: message.location.column }),
});

/**
 * Bundles a TypeScript/JavaScript handler with esbuild into one ESM `.mjs` file (with a
 * source map) in `outDir`: the artifact local sandboxes run and a deploy to AWS uploads.
 */
export async function bundleFunction(options: { functionName: string; sourceDir: string; handler: string; outDir: string }): Promise<BundleResult> {
  const slash = options.handler.lastIndexOf('/');
  const dot = options.handler.indexOf('.', slash + 1);
  const modulePath = options.handler.slice(0, dot);
  const entry = SOURCE_EXTENSIONS.map((ext) => join(options.sourceDir, modulePath + ext)).find((file) => existsSync(file));
  if (entry === undefined) {
    throw new BuildError(options.functionName, [
      { text: `the handler ${options.handler} names the file ${modulePath}, but there is no ${modulePath}.ts or ${modulePath}.js in ${options.sourceDir}` },
    ]);
  }
  await rm(options.outDir, { recursive: true, force: true });
  await mkdir(join(options.outDir, dirname(modulePath)), { recursive: true });
  try {
    const result = await build({
      entryPoints: [entry],
      outfile: join(options.outDir, `${modulePath}.mjs`),
      bundle: true,
      platform: 'node',
      target: 'node22',
      format: 'esm',
      sourcemap: 'linked',
      sourcesContent: false,
      external: PROVIDED_PACKAGES,
      logLevel: 'silent',
      absWorkingDir: options.sourceDir,
      // CommonJS dependencies inside an ESM bundle may call require() for Node built-ins.
      banner: { js: "import { createRequire as __studioCreateRequire } from 'node:module'; const require = __studioCreateRequire(import.meta.url);" },
    });
    return { outDir: options.outDir, handler: options.handler, warnings: result.warnings.map(toProblem) };
  } catch (error) {
    const failure = error as { errors?: Message[] };
    if (Array.isArray(failure.errors)) {
      throw new BuildError(
        options.functionName,
        failure.errors.map((message) => {
          const problem = toProblem(message);
          return problem.file === undefined ? problem : { ...problem, file: relative(options.sourceDir, join(options.sourceDir, problem.file)) };
        }),
      );
    }
    throw error;
  }
}
