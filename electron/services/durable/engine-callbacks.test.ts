import {
  SendDurableExecutionCallbackFailureCommand,
  SendDurableExecutionCallbackHeartbeatCommand,
  SendDurableExecutionCallbackSuccessCommand,
} from '@aws-sdk/client-lambda';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type DurableHarness, startDurableHarness } from './test-support.ts';

let h: DurableHarness;
beforeAll(async () => {
  h = await startDurableHarness();
  await Promise.all([h.deploy('approval', 'callback.mjs'), h.deploy('cb', 'create-callback.mjs'), h.deploy('catcher', 'callback-catch.mjs')]);
}, 30_000);
afterAll(async () => {
  await h?.close();
});

async function callbackIdOf(arn: string): Promise<string> {
  const started = await h.waitForEvent(arn, 'CallbackStarted');
  const id = started.CallbackStartedDetails?.CallbackId;
  if (id === undefined) throw new Error('CallbackStarted without CallbackId');
  return id;
}

const errorName = (e: unknown): string => (e instanceof Error ? e.name : 'none');

describe('callbacks', () => {
  it('waitForCallback resumes with the result a client sends, and a second completion is refused', async () => {
    const arn = await h.start('approval', { timeout: 60 });
    const callbackId = await callbackIdOf(arn);
    await h.waitForEvent(arn, 'InvocationCompleted');
    await h.client.send(new SendDurableExecutionCallbackSuccessCommand({ CallbackId: callbackId, Result: Buffer.from('yes') }));
    const done = await h.finish(arn);
    expect(done.Status).toBe('SUCCEEDED');
    expect(JSON.parse(done.Result ?? 'null')).toEqual({ approved: 'yes' });
    const again = await h.client.send(new SendDurableExecutionCallbackSuccessCommand({ CallbackId: callbackId, Result: Buffer.from('"no"') })).catch((e: unknown) => e);
    expect(errorName(again)).toBe('CallbackTimeoutException');
    const events = await h.history(arn);
    const started = events.find((e) => e.EventType === 'CallbackStarted');
    const context = events.find((e) => e.EventType === 'ContextStarted');
    expect(started?.ParentId).toBe(context?.Id);
    expect(started?.CallbackStartedDetails?.Timeout).toBe(60);
    expect(events.find((e) => e.EventType === 'CallbackSucceeded')?.CallbackSucceededDetails?.Result?.Payload).toBe('yes');
    expect(events.at(-1)?.EventType).toBe('ExecutionSucceeded');
  }, 30_000);

  it('fails the waiting handler when the client sends a failure', async () => {
    const arn = await h.start('cb', {});
    const callbackId = await callbackIdOf(arn);
    await h.client.send(new SendDurableExecutionCallbackFailureCommand({ CallbackId: callbackId, Error: { ErrorType: 'Rejected', ErrorMessage: 'ERROR' } }));
    const done = await h.finish(arn);
    expect(done.Status).toBe('FAILED');
    expect(done.Error?.ErrorMessage).toBe('ERROR');
    const failed = (await h.history(arn)).find((e) => e.EventType === 'CallbackFailed');
    expect(failed?.CallbackFailedDetails?.Error?.Payload).toEqual({ ErrorType: 'Rejected', ErrorMessage: 'ERROR' });
  }, 30_000);

  it('keeps the error type a client sends in the history; the handler gets it as the official SDK hands it on', async () => {
    const fail = async (payload: object) => {
      const arn = await h.start('catcher', payload);
      const callbackId = await callbackIdOf(arn);
      await h.client.send(new SendDurableExecutionCallbackFailureCommand({ CallbackId: callbackId, Error: { ErrorType: 'OrderRejected', ErrorMessage: 'over the limit', ErrorData: '{"limit":1000}' } }));
      const done = await h.finish(arn);
      const failed = (await h.history(arn)).find((e) => e.EventType === 'CallbackFailed');
      expect(failed?.CallbackFailedDetails?.Error?.Payload).toEqual({ ErrorType: 'OrderRejected', ErrorMessage: 'over the limit', ErrorData: '{"limit":1000}' });
      return JSON.parse(done.Result ?? 'null') as unknown;
    };
    // createCallback: CallbackExternalError whose cause carries the type sent.
    expect(await fail({ create: true })).toEqual({ name: 'CallbackExternalError', message: 'over the limit', causeName: 'OrderRejected', data: '{"limit":1000}' });
    // waitForCallback: the SDK checkpoints its context's failure as CallbackExternalError and
    // rebuilds the error from that record, so the type sent is no longer on what the handler
    // catches. That is the SDK's own doing, the same on AWS; the history keeps the type.
    expect(await fail({})).toEqual({ name: 'CallbackExternalError', message: 'over the limit', causeName: 'CallbackExternalError', data: '{"limit":1000}' });
  }, 30_000);

  it('times out a callback nobody completes, and refuses a late result', async () => {
    const arn = await h.start('cb', { timeout: 1 });
    const callbackId = await callbackIdOf(arn);
    const done = await h.finish(arn);
    expect(done.Status).toBe('FAILED');
    const timedOut = (await h.history(arn)).find((e) => e.EventType === 'CallbackTimedOut');
    expect(timedOut?.CallbackTimedOutDetails?.Error?.Payload?.ErrorMessage).toBe('Callback timed out');
    const late = await h.client.send(new SendDurableExecutionCallbackSuccessCommand({ CallbackId: callbackId, Result: Buffer.from('1') })).catch((e: unknown) => e);
    expect(errorName(late)).toBe('CallbackTimeoutException');
  }, 30_000);

  it('times out on a missed heartbeat; heartbeats keep it alive until then', async () => {
    const arn = await h.start('approval', { timeout: 60, heartbeat: 3 });
    const callbackId = await callbackIdOf(arn);
    for (let i = 0; i < 3; i++) {
      // Time must pass for a heartbeat timeout to be due: 3 s in all, each beat within the 3 s allowed.
      await new Promise((r) => setTimeout(r, 1000));
      await h.client.send(new SendDurableExecutionCallbackHeartbeatCommand({ CallbackId: callbackId }));
    }
    expect(h.engine.store.getExecution(arn)?.status).toBe('RUNNING');
    const done = await h.finish(arn);
    expect(done.Status).toBe('FAILED');
    const timedOut = (await h.history(arn)).find((e) => e.EventType === 'CallbackTimedOut');
    expect(timedOut?.CallbackTimedOutDetails?.Error?.Payload?.ErrorMessage).toBe('Callback timed out on heartbeat');
  }, 30_000);

  it('skips a callback timeout with the virtual clock', async () => {
    const arn = await h.start('cb', { timeout: 3600 });
    await callbackIdOf(arn);
    await h.waitForEvent(arn, 'InvocationCompleted');
    expect((await h.engine.skip(arn))?.kind).toBe('callback-timeout');
    const done = await h.finish(arn, 10_000);
    expect(done.Status).toBe('FAILED');
  }, 30_000);

  it('rejects malformed and unknown callback ids without changing anything', async () => {
    const malformed = await h.client.send(new SendDurableExecutionCallbackSuccessCommand({ CallbackId: 'not*base64', Result: Buffer.from('1') })).catch((e: unknown) => e);
    expect(errorName(malformed)).toBe('InvalidParameterValueException');
    const forged = Buffer.from(JSON.stringify({ a: 'arn:aws:lambda:us-east-1:000000000000:function:cb:$LATEST/durable-execution/x/y', o: 'abc', n: 'zz' })).toString('base64');
    const unknown = await h.client.send(new SendDurableExecutionCallbackSuccessCommand({ CallbackId: forged, Result: Buffer.from('1') })).catch((e: unknown) => e);
    expect(errorName(unknown)).toBe('ResourceNotFoundException');
  }, 30_000);
});
