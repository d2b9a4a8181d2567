import { readdir, readFile, rm, stat } from 'node:fs/promises';
import { dirname, join, resolve } from 'node:path';
import { WORKFLOW_RUNNER_FUNCTION } from '../../../shared/workflow/runner-event.ts';
import { FunctionConfig } from '../../../shared/workspace/function-config.ts';
import type { LocalLambdaService } from '../lambda/lambda-service.ts';

/** The built-in durable function every workflow run is an execution of. */
export interface WorkflowRunner {
  /** Registers (once, and again after the runner's source changes) the runner with the local Lambda service. */
  ready(): Promise<void>;
}

/**
 * Lambda's limits where a run needs room: an execution may wait a year for an approval; one
 * invocation may replay a Map of a thousand items.
 */
export const RUNNER_CONFIG: FunctionConfig = FunctionConfig.parse({
  description: 'Runs workflows: one durable execution per run.',
  runtime: 'nodejs22.x',
  handler: 'index.handler',
  memorySize: 512,
  timeout: 900,
  durable: { enabled: true, executionTimeout: 31_622_400, retentionPeriodInDays: 14 },
  runner: 'process',
});

/** The module the bundler writes for `index.handler`, and the source map beside it. */
const SOURCE_MAP = 'index.mjs.map';

/**
 * Each file the last bundle was built from (read off its source map) with its size and
 * modification time. Packages are left out: they change with the studio, which bundles
 * anew on its first `ready()` anyway.
 */
async function bundleInputs(codeDir: string, builtFromMs: number): Promise<Map<string, string>> {
  const map = JSON.parse(await readFile(join(codeDir, SOURCE_MAP), 'utf8')) as { sources?: unknown };
  const sources = Array.isArray(map.sources) ? map.sources.filter((s): s is string => typeof s === 'string') : [];
  const inputs = new Map<string, string>();
  for (const source of sources) {
    const path = resolve(dirname(join(codeDir, SOURCE_MAP)), source);
    if (path.includes('/node_modules/') || path.includes('\\node_modules\\')) continue;
    inputs.set(path, await stampOf(path, builtFromMs));
  }
  return inputs;
}

/**
 * A file edited after `builtFromMs` may or may not be in the bundle: its stamp then never
 * matches, so the next check builds again. (A modification time in the future is a clock
 * matter, not an edit, and would otherwise rebuild on every check.)
 */
async function stampOf(path: string, builtFromMs = Infinity): Promise<string> {
  const info = await stat(path).catch(() => undefined);
  if (info === undefined) return 'missing';
  const editedDuringBuild = info.mtimeMs >= builtFromMs && info.mtimeMs <= Date.now();
  return editedDuringBuild ? 'edited during the build' : `${info.size}:${info.mtimeMs}`;
}

const BUILD_PREFIX = 'build-';

/**
 * Each build goes to a folder of its own, so a sandbox that is starting from the previous
 * bundle (a run resuming while the runner is rebuilt) still finds it; older ones are removed.
 */
async function pruneBuilds(buildDir: string, keep: number): Promise<void> {
  const builds = (await readdir(buildDir, { withFileTypes: true }).catch(() => [])).filter((e) => e.isDirectory() && e.name.startsWith(BUILD_PREFIX)).map((e) => e.name);
  // Names hold the build time in a fixed-width base 36, so they sort by age.
  for (const name of builds.sort().slice(0, -keep)) await rm(join(buildDir, name), { recursive: true, force: true });
}

async function changed(inputs: Map<string, string>): Promise<boolean> {
  for (const [path, stamp] of inputs) if ((await stampOf(path)) !== stamp) return true;
  return false;
}

/**
 * Keeps the workflow runner registered with the local Lambda service as a workspace-style
 * function: bundled with esbuild from `<resourcesDir>/workflow-runner/` (with the shared
 * interpreter, CEL and zod inside; the SDK comes from the runtime, as on AWS) into `buildDir`.
 */
export function createWorkflowRunner(options: {
  lambda: LocalLambdaService;
  resourcesDir: string;
  buildDir: string;
  log?: (message: string, error?: unknown) => void;
}): WorkflowRunner {
  const log = options.log ?? (() => {});
  const dir = join(options.resourcesDir, 'workflow-runner');
  /** What the registered bundle was built from; undefined until the first registration. */
  let inputs: Map<string, string> | undefined;
  let pending: Promise<void> | undefined;

  const register = async () => {
    if (inputs !== undefined && !(await changed(inputs))) return;
    const builtFromMs = Date.now();
    const buildDir = join(options.buildDir, `${BUILD_PREFIX}${builtFromMs.toString(36).padStart(9, '0')}`);
    const { codeDir, warnings } = await options.lambda.syncWorkspaceFunction({ name: WORKFLOW_RUNNER_FUNCTION, dir, config: RUNNER_CONFIG, buildDir });
    for (const warning of warnings) log(`Workflow runner: ${warning}`);
    inputs = await bundleInputs(codeDir, builtFromMs);
    await pruneBuilds(options.buildDir, 2);
  };

  return {
    ready() {
      // Callers at the same time share one check (and one build).
      pending ??= register()
        .catch((error: unknown) => {
          log('The workflow runner could not be registered', error);
          throw error;
        })
        .finally(() => {
          pending = undefined;
        });
      return pending;
    },
  };
}
