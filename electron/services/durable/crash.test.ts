import type {
  LambdaClient} from '@aws-sdk/client-lambda';
import {
  GetDurableExecutionCommand,
  GetDurableExecutionHistoryCommand,
  InvokeCommand,
  SendDurableExecutionCallbackSuccessCommand,
} from '@aws-sdk/client-lambda';
import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { type CrashHost, startCrashHost } from './crash-host-process.ts';
import { seededRandom } from './seeded-random.ts';
import { storeInconsistencies } from './store-consistency.ts';

/**
 * Crash safety: the process hosting the service and the engine is SIGKILLed at random
 * moments and restarted on the same state folder. The execution must finish with the
 * right result, every step must have succeeded exactly once in history, and a step may
 * only run again when a kill interrupted it. LAMBDA_STUDIO_CRASH_SEED=<n> replays the kill timings of a logged seed.
 */
const seed = Number(process.env['LAMBDA_STUDIO_CRASH_SEED'] ?? Math.floor(Math.random() * 2 ** 31));
const random = seededRandom(seed);
console.log(`crash: seed ${seed} (replay with LAMBDA_STUDIO_CRASH_SEED=${seed})`);
const stateDir = mkdtempSync(join(tmpdir(), 'durable-crash-'));
const counterFile = join(stateDir, 'side-effects.log');
let host: CrashHost | undefined;

afterAll(async () => {
  await host?.kill();
});

async function startHost(): Promise<LambdaClient> {
  host = await startCrashHost(stateDir);
  return host.client;
}

async function kill(): Promise<void> {
  await host?.kill();
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

describe('crash and restart', () => {
  it('finishes the execution with each step succeeded once despite SIGKILLs', async () => {
    let client = await startHost();
    const invoked = await client.send(new InvokeCommand({ FunctionName: 'crash:$LATEST', InvocationType: 'Event', Payload: JSON.stringify({ counterFile }), DurableExecutionName: 'crash-run' }));
    const arn = invoked.DurableExecutionArn ?? '';
    expect(arn).toMatch(/crash-run/);
    const kills = 5;
    for (let i = 0; i < kills; i++) {
      // The kill lands at a random (seeded) moment of the run: the timing is what is under test.
      await sleep(150 + Math.floor(random() * 900));
      await kill();
      expect(storeInconsistencies(join(stateDir, 'durable.db'))).toEqual([]);
      client = await startHost();
      // Re-invoking with the same name must not start a second execution.
      const again = await client.send(new InvokeCommand({ FunctionName: 'crash:$LATEST', InvocationType: 'Event', Payload: JSON.stringify({ counterFile }), DurableExecutionName: 'crash-run' }));
      expect(again.DurableExecutionArn).toBe(arn);
    }
    let status = 'RUNNING';
    let callbackSent = false;
    const deadline = Date.now() + 60_000;
    while (status === 'RUNNING' && Date.now() < deadline) {
      await sleep(300); // the interval of this poll, which ends on the execution's status
      if (!callbackSent) {
        const history = await client.send(new GetDurableExecutionHistoryCommand({ DurableExecutionArn: arn, MaxItems: 1000 }));
        const started = history.Events?.find((e) => e.EventType === 'CallbackStarted');
        if (started !== undefined) {
          await client.send(new SendDurableExecutionCallbackSuccessCommand({ CallbackId: started.CallbackStartedDetails?.CallbackId, Result: Buffer.from('approved') }));
          callbackSent = true;
        }
      }
      status = (await client.send(new GetDurableExecutionCommand({ DurableExecutionArn: arn }))).Status ?? 'UNKNOWN';
    }
    const done = await client.send(new GetDurableExecutionCommand({ DurableExecutionArn: arn }));
    expect(done.Status).toBe('SUCCEEDED');
    expect(JSON.parse(done.Result ?? 'null')).toEqual({ sum: 21, approval: 'approved' });
    const events = (await client.send(new GetDurableExecutionHistoryCommand({ DurableExecutionArn: arn, MaxItems: 1000 }))).Events ?? [];
    for (let i = 1; i <= 6; i++) expect(events.filter((e) => e.EventType === 'StepSucceeded' && e.Name === `s${i}`)).toHaveLength(1);
    expect(events.at(-1)?.EventType).toBe('ExecutionSucceeded');
    const log = existsSync(counterFile) ? readFileSync(counterFile, 'utf8').split('\n').filter(Boolean) : [];
    const starts = log.filter((l) => l.startsWith('start')).length;
    for (let i = 1; i <= 6; i++) expect(log).toContain(`end ${i}`);
    expect(starts - 6).toBeLessThanOrEqual(kills);
    await kill();
  }, 120_000);
});
