import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type DurableHarness, startDurableHarness } from './test-support.ts';

let h: DurableHarness;
beforeAll(async () => {
  h = await startDurableHarness();
  await Promise.all([h.deploy('broken', 'not-durable.mjs'), h.deploy('cb', 'callback.mjs')]);
}, 30_000);
afterAll(async () => {
  await h?.close();
});

describe('what the engine says about a running execution', () => {
  it('tells how its failing invocations are retried: how many failed of how many, the last error, the next try', async () => {
    const arn = await h.start('broken');
    await expect.poll(() => h.engine.invocationRetry(arn)?.failedInvocations, { timeout: 10_000 }).toBeGreaterThanOrEqual(1);
    const retry = h.engine.invocationRetry(arn);
    expect(retry).toMatchObject({ maxInvocations: 5, lastError: { ErrorType: 'InvalidDurableOutput' } });
    expect(retry?.nextAttemptMs).toBeGreaterThan(Date.now() - 1000);
    // Retrying a failed invocation early fails nothing.
    expect(h.engine.nextTimer(arn)).toMatchObject({ kind: 'invoke-retry', failsExecution: false });

    h.engine.setVirtualClock(true, arn);
    expect((await h.finish(arn, 20_000)).Status).toBe('FAILED');
    expect(h.engine.invocationRetry(arn)).toBeUndefined();
  }, 30_000);

  it('has no retry state for a healthy execution, and names a callback timeout as what fails it', async () => {
    const arn = await h.start('cb', { timeout: 600 });
    await h.waitForEvent(arn, 'CallbackStarted');
    expect(h.engine.invocationRetry(arn)).toBeUndefined();
    await expect.poll(() => h.engine.nextTimer(arn)?.kind).toBe('callback-timeout');
    expect(h.engine.nextTimer(arn)).toMatchObject({ operationName: 'approval', failsExecution: true, description: expect.stringContaining('callback timeout of approval') });
  }, 30_000);
});
