import { GetDurableExecutionHistoryCommand, InvokeCommand, ListDurableExecutionsByFunctionCommand, StopDurableExecutionCommand } from '@aws-sdk/client-lambda';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type DurableHarness, startDurableHarness } from './test-support.ts';

let h: DurableHarness;
const scratch = mkdtempSync(join(tmpdir(), 'durable-core-'));
const lines = (file: string): number => readFileSync(file, 'utf8').split('\n').filter(Boolean).length;

beforeAll(async () => {
  h = await startDurableHarness();
  await Promise.all([
    h.deploy('stepwait', 'step-wait.mjs'),
    h.deploy('retry', 'retry.mjs'),
    h.deploy('condition', 'condition.mjs'),
    h.deploy('longwait', 'long-wait.mjs'),
    h.deploy('force', 'force-checkpoint.mjs'),
    h.deploy('slow', 'slow-step.mjs'),
  ]);
}, 30_000);
afterAll(async () => {
  await h?.close();
});

describe('durable engine with the official SDK', () => {
  it('runs steps and a wait across two invocations', async () => {
    const arn = await h.start('stepwait', { x: 1 });
    expect(arn).toMatch(/^arn:aws:lambda:us-east-1:000000000000:function:stepwait:\$LATEST\/durable-execution\/[\w-]+\/[\w-]+$/);
    const done = await h.finish(arn);
    expect(done.Status).toBe('SUCCEEDED');
    expect(JSON.parse(done.Result ?? 'null')).toEqual({ a: 'A:1', b: 'A:1+B' });
    const events = await h.history(arn);
    expect(events.map((e) => e.EventType)).toEqual([
      'ExecutionStarted', 'StepStarted', 'StepSucceeded', 'WaitStarted', 'InvocationCompleted',
      'WaitSucceeded', 'StepStarted', 'StepSucceeded', 'InvocationCompleted', 'ExecutionSucceeded',
    ]);
    const waitStarted = events.find((e) => e.EventType === 'WaitStarted');
    expect(waitStarted?.WaitStartedDetails?.Duration).toBe(2);
    const waitSucceeded = events.find((e) => e.EventType === 'WaitSucceeded');
    expect((waitSucceeded?.EventTimestamp?.getTime() ?? 0) - (waitStarted?.EventTimestamp?.getTime() ?? 0)).toBeGreaterThanOrEqual(1900);
    expect(events.map((e) => e.EventId)).toEqual(events.map((_, i) => i + 1));
  }, 30_000);

  it('updates a wait while an invocation runs, without a second invocation', async () => {
    const arn = await h.start('force');
    const done = await h.finish(arn);
    expect(done.Status).toBe('SUCCEEDED');
    expect(JSON.parse(done.Result ?? 'null')).toEqual({ slow: 'slow', after: 'after' });
    const events = await h.history(arn);
    expect(events.filter((e) => e.EventType === 'InvocationCompleted')).toHaveLength(1);
    expect(events.findIndex((e) => e.EventType === 'WaitSucceeded')).toBeLessThan(events.findIndex((e) => e.EventType === 'StepSucceeded' && e.Name === 'slow'));
  }, 30_000);

  it('answers a RequestResponse invoke with the execution result', async () => {
    const out = await h.client.send(new InvokeCommand({ FunctionName: 'stepwait:$LATEST', Payload: JSON.stringify({ x: 7 }) }));
    expect(out.StatusCode).toBe(200);
    expect(out.DurableExecutionArn).toMatch(/durable-execution/);
    expect(JSON.parse(new TextDecoder().decode(out.Payload))).toEqual({ a: 'A:7', b: 'A:7+B' });
  }, 30_000);

  it('retries a failing step with a delay between attempts, then succeeds', async () => {
    const counterFile = join(scratch, 'retry-ok');
    const arn = await h.start('retry', { counterFile, failTimes: 2, maxAttempts: 5 });
    const done = await h.finish(arn);
    expect(done.Status).toBe('SUCCEEDED');
    expect(JSON.parse(done.Result ?? 'null')).toBe('ok after 3');
    expect(lines(counterFile)).toBe(3);
    const events = await h.history(arn);
    const failed = events.filter((e) => e.EventType === 'StepFailed');
    expect(failed.map((e) => e.StepFailedDetails?.RetryDetails?.CurrentAttempt)).toEqual([1, 2]);
    expect(failed.map((e) => e.StepFailedDetails?.RetryDetails?.NextAttemptDelaySeconds)).toEqual([1, 1]);
    const gap = (events.filter((e) => e.EventType === 'StepStarted')[1]?.EventTimestamp?.getTime() ?? 0) - (failed[0]?.EventTimestamp?.getTime() ?? 0);
    expect(gap).toBeGreaterThanOrEqual(900);
  }, 30_000);

  it('fails the execution when a step exhausts its retries', async () => {
    const counterFile = join(scratch, 'retry-exhaust');
    const arn = await h.start('retry', { counterFile, failTimes: 99, maxAttempts: 3 });
    const done = await h.finish(arn);
    expect(done.Status).toBe('FAILED');
    expect(done.Error?.ErrorMessage).toBe('attempt 3 failed');
    expect(lines(counterFile)).toBe(3);
    const events = await h.history(arn);
    expect(events.at(-1)?.EventType).toBe('ExecutionFailed');
    expect(events.filter((e) => e.EventType === 'StepFailed').at(-1)?.StepFailedDetails?.RetryDetails?.CurrentAttempt).toBe(3);
  }, 30_000);

  it('polls with waitForCondition until the condition holds', async () => {
    const arn = await h.start('condition');
    const done = await h.finish(arn);
    expect(done.Status).toBe('SUCCEEDED');
    expect(JSON.parse(done.Result ?? 'null')).toEqual({ n: 3 });
    const events = await h.history(arn);
    expect(events.filter((e) => e.SubType === 'WaitForCondition' && e.EventType === 'StepSucceeded')).toHaveLength(3);
  }, 30_000);

  it('skips an hour-long wait with the virtual clock and records the skip', async () => {
    const arn = await h.start('longwait');
    await h.waitForEvent(arn, 'InvocationCompleted');
    const skipped = await h.engine.skip(arn);
    expect(skipped?.kind).toBe('wait');
    const done = await h.finish(arn, 10_000);
    expect(done.Status).toBe('SUCCEEDED');
    const stored = h.engine.store.events(arn, 1, 100, false).find((e) => e['EventType'] === 'WaitSucceeded');
    expect(stored?.['Skipped']).toBe(true);
  }, 30_000);

  it('returns the existing execution for a reused name and refuses a different input', async () => {
    const first = await h.start('longwait', { v: 1 }, 'named-run');
    const again = await h.start('longwait', { v: 1 }, 'named-run');
    expect(again).toBe(first);
    const conflict = await h.client
      .send(new InvokeCommand({ FunctionName: 'longwait:$LATEST', InvocationType: 'Event', Payload: JSON.stringify({ v: 2 }), DurableExecutionName: 'named-run' }))
      .catch((e: unknown) => e as Error);
    expect((conflict as Error).name).toBe('DurableExecutionAlreadyStartedException');
    await h.client.send(new StopDurableExecutionCommand({ DurableExecutionArn: first, Error: { ErrorMessage: 'not needed' } }));
  }, 30_000);

  it('stops an execution while its handler runs: the handler\'s next checkpoint is refused', async () => {
    // The handler's invocation is over, its step's checkpoint tried, once its REPORT line is written.
    const reported = new Promise<void>((resolve) => {
      const off = h.service.onLog(({ functionName, line }) => {
        if (functionName !== 'slow' || !line.startsWith('REPORT')) return;
        off();
        resolve();
      });
    });
    const arn = await h.start('slow');
    await h.waitForEvent(arn, 'StepStarted', 'slow');
    await h.client.send(new StopDurableExecutionCommand({ DurableExecutionArn: arn }));
    await reported;
    const events = await h.history(arn);
    expect(events.map((e) => e.EventType)).toEqual(['ExecutionStarted', 'StepStarted', 'InvocationCompleted', 'ExecutionStopped']);
    expect(h.engine.store.getExecution(arn)?.status).toBe('STOPPED');
  }, 30_000);

  it('stops an execution: status, last event, no further invocations', async () => {
    const arn = await h.start('longwait');
    await h.waitForEvent(arn, 'InvocationCompleted');
    const stop = await h.client.send(new StopDurableExecutionCommand({ DurableExecutionArn: arn, Error: { ErrorType: 'Manual', ErrorMessage: 'stopped by test' } }));
    expect(stop.StopTimestamp).toBeInstanceOf(Date);
    const done = await h.finish(arn);
    expect(done.Status).toBe('STOPPED');
    expect(done.Error).toEqual({ ErrorType: 'Manual', ErrorMessage: 'stopped by test' });
    expect(await h.engine.skip(arn)).toBeUndefined();
    const events = await h.history(arn);
    expect(events.at(-1)?.EventType).toBe('ExecutionStopped');
    expect(events.filter((e) => e.EventType === 'InvocationCompleted')).toHaveLength(1);
  }, 30_000);

  it('lists and pages through the official client', async () => {
    // Two executions of its own that succeeded, whatever else ran before.
    for (const x of [1, 2]) expect((await h.finish(await h.start('stepwait', { x }))).Status).toBe('SUCCEEDED');
    const list = await h.client.send(new ListDurableExecutionsByFunctionCommand({ FunctionName: 'stepwait', Statuses: ['SUCCEEDED'], StartedAfter: new Date(Date.now() - 600_000), MaxItems: 1 }));
    expect(list.DurableExecutions).toHaveLength(1);
    expect(list.DurableExecutions?.[0]?.Status).toBe('SUCCEEDED');
    expect(list.DurableExecutions?.[0]?.StartTimestamp).toBeInstanceOf(Date);
    expect(list.NextMarker).toBeDefined();
    const next = await h.client.send(new ListDurableExecutionsByFunctionCommand({ FunctionName: 'stepwait', Statuses: ['SUCCEEDED'], MaxItems: 1, Marker: list.NextMarker }));
    expect(next.DurableExecutions?.[0]?.DurableExecutionArn).not.toBe(list.DurableExecutions?.[0]?.DurableExecutionArn);
    const none = await h.client.send(new ListDurableExecutionsByFunctionCommand({ FunctionName: 'stepwait', DurableExecutionName: 'never-used' }));
    expect(none.DurableExecutions).toEqual([]);
    const arn = list.DurableExecutions?.[0]?.DurableExecutionArn;
    const newest = await h.client.send(new GetDurableExecutionHistoryCommand({ DurableExecutionArn: arn, ReverseOrder: true, MaxItems: 2, IncludeExecutionData: false }));
    expect(newest.Events?.map((e) => e.EventType)).toEqual(['ExecutionSucceeded', 'InvocationCompleted']);
    expect(newest.Events?.[0]?.ExecutionSucceededDetails?.Result?.Payload).toBeUndefined();
  }, 30_000);
});
