import { SendDurableExecutionCallbackSuccessCommand, StopDurableExecutionCommand } from '@aws-sdk/client-lambda';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DurableExecutionStatusChange } from './status-event.ts';
import { type DurableHarness, startDurableHarness } from './test-support.ts';

let h: DurableHarness;
beforeAll(async () => {
  h = await startDurableHarness();
  await Promise.all([
    h.deploy('stepwait', 'step-wait.mjs'),
    h.deploy('timeout', 'long-wait.mjs', { executionTimeout: 2 }),
    h.deploy('broken', 'not-durable.mjs'),
    h.deploy('cb', 'create-callback.mjs'),
    h.deploy('longwait', 'long-wait.mjs'),
    h.deploy('retry', 'retry.mjs'),
  ]);
}, 30_000);
afterAll(async () => {
  await h?.close();
});

describe('execution lifecycle', () => {
  it('emits status-change events in EventBridge shape and forwards the durable logger', async () => {
    const changes: DurableExecutionStatusChange[] = [];
    const lines: string[] = [];
    const off = h.engine.onExecutionChanged((e) => changes.push(e));
    const offLog = h.service.onLog((l) => lines.push(JSON.stringify(l)));
    const arn = await h.start('stepwait', { x: 3 });
    await h.finish(arn);
    off();
    offLog();
    const mine = changes.filter((c) => c.detail.durableExecutionArn === arn);
    expect(mine[0]).toMatchObject({ 'detail-type': 'Durable Execution Status Change', source: 'aws.lambda', account: '000000000000', region: 'us-east-1', resources: [arn] });
    expect(mine[0]?.detail.status).toBe('RUNNING');
    expect(mine.at(-1)?.detail.status).toBe('SUCCEEDED');
    expect(mine.at(-1)?.detail.endTimestamp).toMatch(/^\d{4}-\d\d-\d\dT/);
    expect(lines.some((l) => l.includes('starting with'))).toBe(true);
  }, 30_000);

  it('times an execution out after its ExecutionTimeout', async () => {
    const arn = await h.start('timeout');
    const done = await h.finish(arn, 10_000);
    expect(done.Status).toBe('TIMED_OUT');
    expect(done.Error?.ErrorMessage).toBe('Execution timed out after 2 seconds.');
    const events = await h.history(arn);
    expect(events.at(-1)?.EventType).toBe('ExecutionTimedOut');
  }, 30_000);

  it('retries failed invocations with back-off, then fails the execution', async () => {
    h.engine.setVirtualClock(true);
    try {
      const arn = await h.start('broken');
      const done = await h.finish(arn, 20_000);
      expect(done.Status).toBe('FAILED');
      expect(done.Error?.ErrorType).toBe('InvalidDurableOutput');
      const invocations = (await h.history(arn)).filter((e) => e.EventType === 'InvocationCompleted');
      expect(invocations).toHaveLength(5);
      expect(invocations[0]?.InvocationCompletedDetails?.Error?.Payload?.ErrorType).toBe('InvalidDurableOutput');
    } finally {
      h.engine.setVirtualClock(false);
    }
  }, 30_000);

  it('fast-forwards every wait with the studio-wide virtual clock', async () => {
    h.engine.setVirtualClock(true);
    try {
      const arn = await h.start('stepwait', { x: 2 });
      const done = await h.finish(arn);
      expect(done.Status).toBe('SUCCEEDED');
      const events = h.engine.store.events(arn, 1, 100, false);
      const waitStarted = events.find((e) => e['EventType'] === 'WaitStarted');
      const waitSucceeded = events.find((e) => e['EventType'] === 'WaitSucceeded');
      expect(waitSucceeded?.['Skipped']).toBe(true);
      // The wait is 2 s; on the virtual clock it ends as soon as the timer is seen.
      expect(Number(waitSucceeded?.['EventTimestamp']) - Number(waitStarted?.['EventTimestamp'])).toBeLessThan(1.5);
    } finally {
      h.engine.setVirtualClock(false);
    }
  }, 30_000);

  it('puts one execution on the virtual clock, leaving others on real time', async () => {
    const fast = await h.start('longwait');
    const slow = await h.start('longwait');
    await h.waitForEvent(fast, 'InvocationCompleted');
    await h.waitForEvent(slow, 'InvocationCompleted');
    h.engine.setVirtualClock(true, fast);
    expect((await h.finish(fast, 10_000)).Status).toBe('SUCCEEDED');
    expect(h.engine.store.getExecution(slow)?.status).toBe('RUNNING');
    await h.client.send(new StopDurableExecutionCommand({ DurableExecutionArn: slow }));
  }, 30_000);

  it('skips an hour-long retry delay and marks the next attempt as skipped', async () => {
    const counterFile = join(mkdtempSync(join(tmpdir(), 'durable-skip-')), 'attempts');
    const arn = await h.start('retry', { counterFile, failTimes: 1, maxAttempts: 3, delaySeconds: 3600 });
    await h.waitForEvent(arn, 'InvocationCompleted');
    expect((await h.engine.skip(arn))?.kind).toBe('retry');
    const done = await h.finish(arn, 10_000);
    expect(done.Status).toBe('SUCCEEDED');
    const starts = h.engine.store.events(arn, 1, 100, false).filter((e) => e['EventType'] === 'StepStarted');
    expect(starts.map((e) => e['Skipped'] === true)).toEqual([false, true]);
  }, 30_000);

  it('refuses a callback result over 256 KB and keeps the callback open', async () => {
    const arn = await h.start('cb', {});
    const started = await h.waitForEvent(arn, 'CallbackStarted');
    const id = started.CallbackStartedDetails?.CallbackId;
    const big = await h.client.send(new SendDurableExecutionCallbackSuccessCommand({ CallbackId: id, Result: Buffer.alloc(256 * 1024 + 1, 97) })).catch((e: unknown) => e as Error);
    expect((big as Error).name).toBe('RequestTooLargeException');
    await h.client.send(new SendDurableExecutionCallbackSuccessCommand({ CallbackId: id, Result: Buffer.from('"small"') }));
    expect((await h.finish(arn)).Status).toBe('SUCCEEDED');
  }, 30_000);

  it('resumes a waiting execution in a new engine on the same database', async () => {
    const { createDurableEngine } = await import('./engine.ts');
    const arn = await h.start('cb', {});
    await h.waitForEvent(arn, 'InvocationCompleted');
    h.engine.close();
    const engine = createDurableEngine({ dbPath: h.dbPath, invoker: h.service, region: 'us-east-1', accountId: '000000000000' });
    h.service.attachDurable(engine);
    h.engine = engine;
    await engine.start();
    const started = await h.waitForEvent(arn, 'CallbackStarted');
    await h.client.send(new SendDurableExecutionCallbackSuccessCommand({ CallbackId: started.CallbackStartedDetails?.CallbackId, Result: Buffer.from('later') }));
    const done = await h.finish(arn);
    expect(done.Status).toBe('SUCCEEDED');
    expect(JSON.parse(done.Result ?? 'null')).toEqual({ value: 'later' });
  }, 30_000);
});
