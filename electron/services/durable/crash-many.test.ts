import {
  GetDurableExecutionCommand,
  GetDurableExecutionHistoryCommand,
  GetFunctionCommand,
  InvokeCommand,
  LambdaClient,
} from '@aws-sdk/client-lambda';
import { existsSync, readdirSync, readFileSync, readlinkSync } from 'node:fs';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { serveProcess, type ServeReady } from '../../server/test-support.ts';
import { seededRandom } from './seeded-random.ts';

/**
 * The whole studio (`serve`, the composition the desktop app uses) is SIGKILLed, process group
 * and all, at random moments while 100 executions of a workspace function run, and started again
 * on the same workspace each time, so every restart rebuilds the function under its running
 * executions. Every execution must succeed, and every step's recorded result must be the value its
 * last run wrote: a step whose success was recorded never runs again, and a run cut short by a
 * kill leaves nothing behind that outlives the run after it.
 * LAMBDA_STUDIO_CRASH_SEED=<n> replays the kill timings of a logged seed.
 */
const EXECUTIONS = 100;
const KILLS = 10;
const STEPS = 3;
const seed = Number(process.env['LAMBDA_STUDIO_CRASH_SEED'] ?? Math.floor(Math.random() * 2 ** 31));
const random = seededRandom(seed);
console.log(`crash-many: seed ${seed} (replay with LAMBDA_STUDIO_CRASH_SEED=${seed})`);

const root = await mkdtemp(join(tmpdir(), 'crash-many-'));
const workspace = join(root, 'workspace');
const runsFile = join(root, 'step-runs.log');
const studio = serveProcess(workspace, join(root, 'config'));

afterAll(async () => {
  await studio.kill();
  // Whatever a failed run left behind in this test's workspace.
  for (const pid of sandboxesLeft()) process.kill(pid, 'SIGKILL');
  await rm(root, { recursive: true, force: true });
});

// Each step run appends the value it returns, as `<execution> <step> <value>`, just before returning it.
const HANDLER = `import { appendFileSync } from 'node:fs';
import { randomUUID } from 'node:crypto';
import { withDurableExecution, type DurableContext } from '@aws/durable-execution-sdk-js';

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

export const handler = withDurableExecution(async (event: { id: string; log: string }, context: DurableContext) => {
  const values: string[] = [];
  for (let i = 1; i <= ${STEPS}; i++) {
    values.push(
      await context.step(\`s\${i}\`, async () => {
        const value = randomUUID();
        // Now and then a step outlasts a restart: a run cut off by a kill must not go on writing.
        await sleep(i === 2 && Math.random() < 0.05 ? 3_000 : 20 + Math.floor(Math.random() * 120));
        appendFileSync(event.log, \`\${event.id} s\${i} \${value}\\n\`);
        return value;
      }),
    );
    if (i === 2) await context.wait('pause', { seconds: 1 });
  }
  return values;
});
`;

function clientOf(ready: ServeReady): LambdaClient {
  return new LambdaClient({
    endpoint: ready.lambdaEndpoint,
    region: ready.region,
    credentials: { accessKeyId: ready.accessKeyId, secretAccessKey: ready.secretAccessKey },
    maxAttempts: 1,
  });
}

/** Processes running in the workspace's builds: the function's sandboxes (Linux, where /proc tells a process's folder). */
function sandboxesLeft(): number[] {
  const builds = join(workspace, '.studio', 'build');
  return readdirSync('/proc')
    .filter((name) => /^\d+$/.test(name))
    .filter((pid) => {
      try {
        return readlinkSync(`/proc/${pid}/cwd`).startsWith(builds);
      } catch {
        return false; // gone meanwhile
      }
    })
    .map(Number);
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

const runLines = () => (existsSync(runsFile) ? readFileSync(runsFile, 'utf8') : '').split('\n').filter(Boolean);
const stepRuns = () => runLines().length;

/** The last value each (execution, step) run wrote. */
function lastRuns(): Map<string, string> {
  const last = new Map<string, string>();
  for (const line of runLines()) {
    const [id, step, value] = line.split(' ');
    last.set(`${id} ${step}`, value ?? '');
  }
  return last;
}

describe('100 executions through repeated SIGKILLs of the whole studio', () => {
  it('ends every execution SUCCEEDED with each step holding the value its last run wrote', async () => {
    const first = await studio.start();
    let client = clientOf(first);
    const dir = join(workspace, 'functions', 'many');
    await mkdir(dir, { recursive: true });
    await writeFile(join(dir, 'index.ts'), HANDLER);
    await writeFile(
      join(dir, 'function.json'),
      JSON.stringify({ runtime: 'nodejs22.x', handler: 'index.handler', memorySize: 256, timeout: 30, durable: { enabled: true, executionTimeout: 3600, retentionPeriodInDays: 1 }, runner: 'process' }),
    );
    // Started the moment the watcher has registered the function.
    await expect.poll(() => client.send(new GetFunctionCommand({ FunctionName: 'many' })).then(() => true, () => false), { timeout: 30_000, interval: 50 }).toBe(true);
    const ids = Array.from({ length: EXECUTIONS }, (_, i) => `run-${i}`);
    const arns = await Promise.all(
      ids.map(async (id) => {
        const started = await client.send(new InvokeCommand({ FunctionName: 'many', InvocationType: 'Event', DurableExecutionName: id, Payload: JSON.stringify({ id, log: runsFile }) }));
        return started.DurableExecutionArn ?? '';
      }),
    );
    expect(arns.every((arn) => arn.includes('/durable-execution/'))).toBe(true);
    client.destroy();

    // A quarter of the kills land in the middle of a start-up (rebuilding under the executions),
    // the others while the restarted studio runs them.
    for (let kill = 0; kill < KILLS; kill++) {
      const during = kill === 0 ? undefined : studio.start();
      if (during !== undefined && random() < 0.25) await sleep(Math.floor(random() * 1_000));
      else await (during ?? Promise.resolve()).then(() => sleep(Math.floor(random() * 2_500)));
      await studio.kill();
      // The function's code dies with the studio: a run cut short must not go on to write after its rerun.
      await expect.poll(sandboxesLeft, { timeout: 2_000, interval: 50 }).toEqual([]);
    }

    const runsBeforeLastStart = stepRuns();
    client = clientOf(await studio.start());
    const statuses = new Map<string, string>();
    await expect
      .poll(
        async () => {
          for (const arn of arns) {
            const status = statuses.get(arn);
            if (status !== undefined && status !== 'RUNNING') continue;
            statuses.set(arn, (await client.send(new GetDurableExecutionCommand({ DurableExecutionArn: arn }))).Status ?? 'UNKNOWN');
          }
          return [...statuses.values()].filter((status) => status === 'RUNNING').length;
        },
        { timeout: 60_000, interval: 500 },
      )
      .toBe(0);
    const failed = arns.filter((arn) => statuses.get(arn) !== 'SUCCEEDED');
    if (failed.length > 0) console.log(`crash-many: seed ${seed}; the studio's log:\n${studio.log().slice(-20_000)}`);
    expect(failed.map((arn) => `${arn}: ${statuses.get(arn)}`)).toEqual([]);

    const last = lastRuns();
    console.log(`crash-many: ${stepRuns()} step runs for ${EXECUTIONS * STEPS} steps, ${runsBeforeLastStart} of them before the last start`);
    const mismatches: string[] = [];
    for (const [n, arn] of arns.entries()) {
      const id = ids[n] ?? '';
      const events = (await client.send(new GetDurableExecutionHistoryCommand({ DurableExecutionArn: arn, MaxItems: 1000, IncludeExecutionData: true }))).Events ?? [];
      const result = JSON.parse((await client.send(new GetDurableExecutionCommand({ DurableExecutionArn: arn }))).Result ?? 'null') as string[];
      for (let i = 1; i <= STEPS; i++) {
        const succeeded = events.filter((e) => e.EventType === 'StepSucceeded' && e.Name === `s${i}`);
        const recorded = JSON.parse(succeeded[0]?.StepSucceededDetails?.Result?.Payload ?? 'null') as string | null;
        const wrote = last.get(`${id} s${i}`);
        if (succeeded.length !== 1 || recorded !== wrote || result[i - 1] !== wrote) {
          mismatches.push(`${id} s${i}: ${succeeded.length} successes, recorded ${recorded}, returned ${result[i - 1]}, last run wrote ${wrote}`);
        }
      }
    }
    if (mismatches.length > 0) console.log(`crash-many: seed ${seed}`);
    expect(mismatches).toEqual([]);
    client.destroy();
    // Idle sandboxes too: nothing of the studio outlives it.
    await studio.kill();
    await expect.poll(sandboxesLeft, { timeout: 2_000, interval: 50 }).toEqual([]);
  }, 150_000);
});
