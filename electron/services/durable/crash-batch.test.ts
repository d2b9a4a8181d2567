import { GetDurableExecutionCommand, GetDurableExecutionHistoryCommand, InvokeCommand, type LambdaClient } from '@aws-sdk/client-lambda';
import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { type CrashHost, startCrashHost } from './crash-host-process.ts';
import { seededRandom } from './seeded-random.ts';
import { storeInconsistencies } from './store-consistency.ts';

/**
 * Crash safety of the checkpoint path itself: 20 executions checkpoint as fast as the engine
 * answers (steps that return at once, a map whose items' updates arrive in batches), and the
 * host is SIGKILLed while those checkpoints stream in, after a seeded number of step runs. After
 * each kill, before anything reopens it, the database must hold whole checkpoints only
 * (see store-consistency.ts); after the last restart every execution succeeds with each step
 * succeeded exactly once. LAMBDA_STUDIO_CRASH_SEED=<n> replays the kill points of a logged seed.
 */
const EXECUTIONS = 20;
const ITEMS = 24;
const STEPS = 40;
const KILLS = 4;
const seed = Number(process.env['LAMBDA_STUDIO_CRASH_SEED'] ?? Math.floor(Math.random() * 2 ** 31));
const random = seededRandom(seed);
console.log(`crash-batch: seed ${seed} (replay with LAMBDA_STUDIO_CRASH_SEED=${seed})`);

const stateDir = mkdtempSync(join(tmpdir(), 'durable-crash-batch-'));
const log = join(stateDir, 'step-runs.log');
let host: CrashHost | undefined;

afterAll(async () => {
  await host?.kill();
  await rm(stateDir, { recursive: true, force: true });
});

const runsSoFar = (): number => (existsSync(log) ? readFileSync(log, 'utf8').split('\n').length - 1 : 0);

/** Resolves once `n` more step runs have been logged than `from` (the steps' own writes are the signal). */
async function runsReach(n: number): Promise<void> {
  await expect.poll(runsSoFar, { timeout: 60_000, interval: 5 }).toBeGreaterThanOrEqual(n);
}

async function statusOf(client: LambdaClient, arn: string): Promise<string> {
  return (await client.send(new GetDurableExecutionCommand({ DurableExecutionArn: arn }))).Status ?? 'UNKNOWN';
}

describe('a kill in the middle of a stream of checkpoints', () => {
  it('leaves whole checkpoints only, and every execution then succeeds with each step succeeded once', async () => {
    host = await startCrashHost(stateDir, 'checkpoint-burst');
    const arns: string[] = [];
    for (let i = 0; i < EXECUTIONS; i++) {
      const out = await host.client.send(
        new InvokeCommand({ FunctionName: 'checkpoint-burst:$LATEST', InvocationType: 'Event', Payload: JSON.stringify({ id: `e${i}`, log, items: ITEMS, steps: STEPS }) }),
      );
      arns.push(out.DurableExecutionArn ?? '');
    }
    const total = EXECUTIONS * (ITEMS + STEPS);
    for (let k = 0; k < KILLS; k++) {
      // Somewhere in the next stretch of step runs, while checkpoints are arriving back to back.
      const target = runsSoFar() + 20 + Math.floor(random() * (total / (KILLS * 3)));
      await runsReach(Math.min(target, total - 1));
      await host.kill();
      expect(storeInconsistencies(join(stateDir, 'durable.db'))).toEqual([]);
      host = await startCrashHost(stateDir, 'checkpoint-burst');
    }
    const client = host.client;
    for (const arn of arns) await expect.poll(() => statusOf(client, arn), { timeout: 90_000, interval: 100 }).toBe('SUCCEEDED');
    const expected = (ITEMS * (ITEMS - 1)) / 2 + (STEPS * (STEPS - 1)) / 2;
    for (const arn of arns) {
      const done = await client.send(new GetDurableExecutionCommand({ DurableExecutionArn: arn }));
      expect(Number(done.Result)).toBe(expected);
      const events = (await client.send(new GetDurableExecutionHistoryCommand({ DurableExecutionArn: arn, MaxItems: 1000 }))).Events ?? [];
      const succeeded = events.filter((e) => e.EventType === 'StepSucceeded').map((e) => e.Name ?? '');
      expect(succeeded).toHaveLength(ITEMS + STEPS);
      expect(new Set(succeeded).size).toBe(ITEMS + STEPS);
    }
    await host.kill();
    expect(storeInconsistencies(join(stateDir, 'durable.db'))).toEqual([]);
  }, 240_000);
});
