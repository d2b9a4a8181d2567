import { CloudDurableTestRunner, WaitingOperationStatus } from '@aws/durable-execution-sdk-js-testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type DurableHarness, eventSignatures, startDurableHarness } from './test-support.ts';

/** The official testing library's cloud runner, pointed at the local service as it would be at AWS. */
let h: DurableHarness;
beforeAll(async () => {
  h = await startDurableHarness();
  await Promise.all([h.deploy('stepwait', 'step-wait.mjs'), h.deploy('approval', 'callback.mjs')]);
}, 30_000);
afterAll(async () => {
  await h?.close();
});

describe('CloudDurableTestRunner against the local service', () => {
  it('runs a step/wait execution and reads its operations from history', async () => {
    const runner = new CloudDurableTestRunner<{ a: string; b: string }>({ functionName: 'stepwait:$LATEST', client: h.client });
    const result = await runner.run({ payload: { x: 5 } });
    expect(result.getStatus()).toBe('SUCCEEDED');
    expect(result.getResult()).toEqual({ a: 'A:5', b: 'A:5+B' });
    expect(runner.getOperation('pause').getWaitDetails()?.waitSeconds).toBe(2);
    expect(runner.getOperation('first').getStepDetails()?.result).toBe('A:5');
    expect(eventSignatures(result.getHistoryEvents())).toContain('WaitSucceeded|Wait|pause');
  }, 60_000);

  it('sends a callback through the runner while the execution waits', async () => {
    const runner = new CloudDurableTestRunner<{ approved: string }>({ functionName: 'approval:$LATEST', client: h.client, config: { invocationType: 'Event' } });
    const callback = runner.getOperation('approval');
    const run = runner.run({ payload: { timeout: 60 } });
    await callback.waitForData(WaitingOperationStatus.STARTED);
    const child = callback.getChildOperations()?.find((op) => op.isCallback());
    expect(child).toBeDefined();
    await child?.sendCallbackSuccess('granted');
    const result = await run;
    expect(result.getStatus()).toBe('SUCCEEDED');
    expect(result.getResult()).toEqual({ approved: 'granted' });
  }, 60_000);
});
