import { SendDurableExecutionCallbackSuccessCommand } from '@aws-sdk/client-lambda';
import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { StudioError } from '../../../shared/contract/errors.ts';
import type { HistoryEvent } from '../../../shared/contract/executions.ts';
import { FunctionConfig } from '../../../shared/workspace/function-config.ts';
import { decodeCallbackId } from '../durable/arns.ts';
import { historyToReplaySeed } from '../durable/history-replay.ts';
import { type DurableHarness, startDurableHarness } from '../durable/test-support.ts';
import { createDebugLocallyHandlers, historyFromLocal, type HistoryOf } from './debug-locally-handlers.ts';
import { createLambdaApiClient } from '../lambda-client/lambda-api-client.ts';

let h: DurableHarness;
let historyOf: HistoryOf;
const scratch = mkdtempSync(join(tmpdir(), 'debug-locally-'));
const durableConfig = FunctionConfig.parse({ runtime: 'nodejs22.x', handler: 'index.handler', durable: { enabled: true } });

/** How many times each side effect ran, from the lines the handler appended. */
const effects = (file: string): Record<string, number> => {
  const counts: Record<string, number> = {};
  if (!existsSync(file)) return counts;
  for (const line of readFileSync(file, 'utf8').split('\n').filter(Boolean)) counts[line] = (counts[line] ?? 0) + 1;
  return counts;
};

beforeAll(async () => {
  h = await startDurableHarness();
  await Promise.all([h.deploy('orders', 'replay-source.mjs'), h.deploy('replica', 'replay-source.mjs'), h.deploy('plain', 'not-durable.mjs', { durable: false })]);
  const call = createLambdaApiClient(() => ({ endpoint: h.service.endpoint, region: h.service.region, credentials: h.service.credentials }));
  historyOf = historyFromLocal(call);
}, 30_000);
afterAll(async () => {
  await h?.close();
});

/** Runs `orders` until it waits for its approval: two steps done, the second after one retry. */
async function record(effectsFile: string): Promise<{ arn: string; events: HistoryEvent[] }> {
  const arn = await h.start('orders', { x: 1, effects: effectsFile });
  const waiting = await h.engine.waitForAnswer(arn, 20_000);
  expect(waiting?.status).toBe('RUNNING');
  expect(effects(effectsFile)).toEqual({ first: 1, flaky: 2, submit: 1 });
  return { arn, events: await historyOf(arn, undefined) };
}

const handlers = () =>
  createDebugLocallyHandlers({
    prepare: async (name) => {
      if (name === 'orders' || name === 'replica') return durableConfig;
      if (name === 'plain') return { ...durableConfig, durable: undefined };
      throw new StudioError('NOT_FOUND', `There is no function "${name}" in this workspace.`);
    },
    engine: h.engine,
    historyOf,
  })['executions.debugLocally'];

describe('debugging a recorded execution locally', () => {
  it('replays what completed, keeps the retry count, and waits on a callback answered locally', async () => {
    const file = join(scratch, 'orders.effects');
    const recorded = await record(file);

    const { arn } = await handlers()({ arn: recorded.arn });
    expect(arn).not.toBe(recorded.arn);
    expect(arn).toContain(':function:orders:$LATEST/durable-execution/');
    const waiting = await h.engine.waitForAnswer(arn, 20_000);
    expect(waiting?.status).toBe('RUNNING');
    // Nothing the record completed ran again: no side effect repeated.
    expect(effects(file)).toEqual({ first: 1, flaky: 2, submit: 1 });

    const ops = h.engine.store.operations(arn);
    expect(ops.find((o) => o.Name === 'flaky')?.StepDetails?.Attempt).toBe(2);
    const callback = ops.find((o) => o.Type === 'CALLBACK');
    expect(callback?.Status).toBe('STARTED');
    const callbackId = callback?.CallbackDetails?.CallbackId ?? '';
    expect(decodeCallbackId(callbackId)?.arn).toBe(arn);

    const events = await historyOf(arn, undefined);
    expect(events[0]?.['ExecutionStartedDetails']).toMatchObject({ ReplayOf: { DurableExecutionArn: recorded.arn } });
    const seeded = events.filter((e) => e['Seeded'] === true);
    expect(seeded.map((e) => `${e.EventType}:${e.Name ?? ''}`)).toContain('StepFailed:flaky');
    expect(events.find((e) => e.EventType === 'CallbackStarted')?.['CallbackStartedDetails']).toMatchObject({ CallbackId: callbackId });

    await h.client.send(new SendDurableExecutionCallbackSuccessCommand({ CallbackId: callbackId, Result: Buffer.from('approved') }));
    const done = await h.finish(arn);
    expect(done.Status).toBe('SUCCEEDED');
    expect(JSON.parse(done.Result ?? 'null')).toEqual({ first: 'A:1', flaky: 'A:1+B', approval: 'approved', last: 'C' });
    expect(effects(file)).toEqual({ first: 1, flaky: 2, submit: 1, last: 1 });

    // The record is untouched: still waiting, its history as it was.
    expect(h.engine.store.getExecution(recorded.arn)?.status).toBe('RUNNING');
    expect(await historyOf(recorded.arn, undefined)).toEqual(recorded.events);
  }, 30_000);

  it('starts the seed under another function name on the engine', async () => {
    const file = join(scratch, 'replica.effects');
    const recorded = await record(file);
    const started = await h.engine.startSeeded({ functionName: 'replica', seed: historyToReplaySeed(recorded.events), replayOf: recorded.arn });
    expect(started.functionName).toBe('replica');
    expect((await h.engine.waitForAnswer(started.arn, 20_000))?.status).toBe('RUNNING');
    expect(effects(file)).toEqual({ first: 1, flaky: 2, submit: 1 });
  }, 30_000);

  it('says so when the workspace has no durable function of that name, or the record lives elsewhere', async () => {
    const debug = handlers();
    const arnOf = (fn: string) => `arn:aws:lambda:eu-west-1:123456789012:function:${fn}:$LATEST/durable-execution/run-1/0f8e`;
    await expect(debug({ arn: arnOf('missing') })).rejects.toMatchObject({ code: 'NOT_FOUND', message: expect.stringContaining('no function "missing"') });
    await expect(debug({ arn: arnOf('plain') })).rejects.toMatchObject({ code: 'BAD_INPUT', message: expect.stringContaining('not durable') });
    await expect(debug({ arn: arnOf('orders'), target: 'prod' })).rejects.toMatchObject({ code: 'UNAVAILABLE' });
    await expect(debug({ arn: 'not-an-arn' })).rejects.toMatchObject({ code: 'BAD_INPUT' });
  });
});
