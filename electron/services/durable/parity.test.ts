import { SendDurableExecutionCallbackSuccessCommand } from '@aws-sdk/client-lambda';
import { LocalDurableTestRunner, WaitingOperationStatus } from '@aws/durable-execution-sdk-js-testing';
import type { DurableLambdaHandler } from '@aws/durable-execution-sdk-js';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type DurableHarness, eventSignatures, HANDLERS_DIR, startDurableHarness } from './test-support.ts';

/**
 * The same handlers run in this engine (in sandboxes, over the Lambda API) and in the
 * official testing library's LocalDurableTestRunner; their history event signatures
 * (type, sub-type, name, counted; InvocationCompleted aside) must be equal.
 */
let h: DurableHarness;
const scratch = mkdtempSync(join(tmpdir(), 'durable-parity-'));

async function load(file: string): Promise<DurableLambdaHandler> {
  const mod = (await import(pathToFileURL(join(HANDLERS_DIR, file)).href)) as { handler: DurableLambdaHandler };
  return mod.handler;
}

beforeAll(async () => {
  await LocalDurableTestRunner.setupTestEnvironment({ skipTime: false });
  h = await startDurableHarness();
  await Promise.all(['step-wait', 'retry', 'condition', 'batch', 'map-tolerance', 'callback', 'create-callback', 'invoke-parent', 'child-durable', 'parallel-waits'].map((f) => h.deploy(f, `${f}.mjs`)));
}, 30_000);
afterAll(async () => {
  await h?.close();
  await LocalDurableTestRunner.teardownTestEnvironment();
});

async function ours(fn: string, payload: unknown): Promise<string[]> {
  const arn = await h.start(fn, payload);
  await h.finish(arn);
  return eventSignatures(await h.history(arn));
}

async function official(file: string, payload: unknown, register?: (r: LocalDurableTestRunner) => Promise<void>): Promise<string[]> {
  const runner = new LocalDurableTestRunner({ handlerFunction: await load(file) });
  await register?.(runner);
  const result = await runner.run({ payload });
  return eventSignatures(result.getHistoryEvents());
}

const cases: Array<[string, string, (tag: string) => unknown]> = [
  ['step + wait', 'step-wait', () => ({ x: 1 })],
  ['step retries then succeeds', 'retry', (tag) => ({ counterFile: join(scratch, `ok-${tag}`), failTimes: 1, maxAttempts: 3 })],
  ['step exhausts retries', 'retry', (tag) => ({ counterFile: join(scratch, `fail-${tag}`), failTimes: 9, maxAttempts: 2 })],
  ['waitForCondition', 'condition', () => ({})],
  ['parallel + map + child context', 'batch', () => ({})],
  ['map within tolerance', 'map-tolerance', () => ({ tolerated: 2 })],
  ['map over tolerance', 'map-tolerance', () => ({ tolerated: 0 })],
  ['callback timeout', 'create-callback', () => ({ timeout: 1 })],
  ['parallel waits, nested child contexts, at-most-once step', 'parallel-waits', () => ({})],
];

describe('history signatures equal the official LocalDurableTestRunner', () => {
  for (const [title, fn, payload] of cases) {
    it(title, async () => {
      const [a, b] = await Promise.all([ours(fn, payload('ours')), official(`${fn}.mjs`, payload('official'))]);
      expect(a.length).toBeGreaterThan(2);
      expect(a).toEqual(b);
    }, 60_000);
  }

  it('chained durable invoke', async () => {
    const payload = { target: 'child-durable:$LATEST', input: { n: 2 } };
    const [a, b] = await Promise.all([
      ours('invoke-parent', payload),
      official('invoke-parent.mjs', payload, async (r) => {
        r.registerDurableFunction('child-durable:$LATEST', await load('child-durable.mjs'));
      }),
    ]);
    expect(a).toEqual(b);
  }, 60_000);

  it('waitForCallback completed by a client', async () => {
    const oursRun = (async () => {
      const arn = await h.start('callback', { timeout: 60 });
      const started = await h.waitForEvent(arn, 'CallbackStarted');
      await h.client.send(new SendDurableExecutionCallbackSuccessCommand({ CallbackId: started.CallbackStartedDetails?.CallbackId, Result: Buffer.from('ok') }));
      await h.finish(arn);
      return eventSignatures(await h.history(arn));
    })();
    const officialRun = (async () => {
      const runner = new LocalDurableTestRunner({ handlerFunction: await load('callback.mjs') });
      const op = runner.getOperation('approval');
      const run = runner.run({ payload: { timeout: 60 } });
      await op.waitForData(WaitingOperationStatus.SUBMITTED);
      await op.sendCallbackSuccess('ok');
      return eventSignatures((await run).getHistoryEvents());
    })();
    const [a, b] = await Promise.all([oursRun, officialRun]);
    expect(a).toEqual(b);
  }, 60_000);
});
