// Start-up of the headless durable backend a CI job runs (`lambda-studio serve --no-ui`): from
// spawning the command to its JSON line, which comes after the workspace's functions are deployed
// and the engine has resumed its store, so it is the wait a job pays before its first request.
// The workspace holds one durable function; each start is a fresh process, as in CI.
// Target: under 1 s (p50).
// Run: node bench/headless.ts [starts]
import { spawn } from 'node:child_process';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { figuresOf } from './stats.ts';

const starts = Number(process.argv[2] ?? 10);
const cli = join(import.meta.dirname, '..', 'electron', 'server', 'cli.ts');
const TARGET_MS = 1000;

async function workspace(): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), 'bench-headless-'));
  const folder = join(dir, 'functions', 'flow');
  await mkdir(folder, { recursive: true });
  await writeFile(
    join(folder, 'index.mjs'),
    "import { withDurableExecution } from '@aws/durable-execution-sdk-js';\nexport const handler = withDurableExecution(async (event, context) => context.step('one', async () => event));\n",
  );
  await writeFile(join(folder, 'function.json'), JSON.stringify({ runtime: 'nodejs22.x', handler: 'index.handler', durable: { enabled: true, executionTimeout: 60, retentionPeriodInDays: 1 } }));
  return dir;
}

/** Milliseconds from spawn to the JSON line; the process is stopped and awaited before returning. */
async function startOnce(dir: string): Promise<number> {
  const began = performance.now();
  const child = spawn(process.execPath, ['--disable-warning=ExperimentalWarning', cli, 'serve', '--no-ui', '--workspace', dir, '--lambda-port', '0'], { stdio: ['ignore', 'pipe', 'pipe'] });
  let stderr = '';
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  const line = await new Promise<string>((resolve, reject) => {
    createInterface({ input: child.stdout }).once('line', resolve);
    child.once('exit', (code) => reject(new Error(`serve --no-ui exited with ${code}: ${stderr}`)));
  });
  const elapsed = performance.now() - began;
  const ready = JSON.parse(line) as { functions: string[] };
  if (!ready.functions.includes('flow')) throw new Error(`the workspace function was not deployed: ${line}`);
  const exited = new Promise((resolve) => child.once('exit', resolve));
  child.kill('SIGTERM');
  await exited;
  return elapsed;
}

const dir = await workspace();
try {
  // The first start bundles the function; later ones find its bundle current, as a cached CI job would.
  const first = await startOnce(dir);
  const samples: number[] = [];
  for (let i = 0; i < starts; i++) samples.push(await startOnce(dir));
  const { p50, p99 } = figuresOf(samples);
  console.log(`serve --no-ui start (spawn to JSON line), ${starts} starts: p50 ${p50.toFixed(0)} ms, max ${p99.toFixed(0)} ms; first start (bundling) ${first.toFixed(0)} ms`);
  console.log(`target p50 < ${TARGET_MS} ms: ${p50 < TARGET_MS ? 'met' : 'NOT met'}`);
} finally {
  await rm(dir, { recursive: true, force: true });
}
