import { CheckpointDurableExecutionCommand, InvokeCommand } from '@aws-sdk/client-lambda';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type DurableHarness, startDurableHarness } from './test-support.ts';
import { MAX_ERROR_BYTES, MAX_UPDATE_PAYLOAD } from './wire.ts';

let h: DurableHarness;
beforeAll(async () => {
  h = await startDurableHarness();
  await h.deploy('slow', 'slow-step.mjs');
}, 30_000);
afterAll(async () => {
  await h?.close();
});

/** A running invocation's token: the slow step holds the invocation open for 1.5 s. */
async function runningToken(arn: string): Promise<string> {
  await expect.poll(() => h.engine.store.getExecution(arn)?.token ?? null, { timeout: 10_000 }).not.toBeNull();
  return h.engine.store.getExecution(arn)?.token ?? '';
}

const start = (id: string) => ({ Id: id, Type: 'STEP' as const, Action: 'START' as const, Name: id });

describe("durable limits, refused with Lambda's error and nothing written", () => {
  it.each([
    ['a step result over 6,291,456 characters', { Payload: 'x'.repeat(MAX_UPDATE_PAYLOAD + 1), Action: 'SUCCEED' as const }],
    [`an error object over ${MAX_ERROR_BYTES} bytes`, { Error: { ErrorType: 'Big', ErrorMessage: 'm'.repeat(MAX_ERROR_BYTES) }, Action: 'FAIL' as const }],
  ])('a checkpoint carrying %s is refused whole: the update before it is not applied either', async (_label, oversized) => {
    const arn = await h.start('slow');
    const token = await runningToken(arn);
    const refused = await h.client
      .send(
        new CheckpointDurableExecutionCommand({
          DurableExecutionArn: arn,
          CheckpointToken: token,
          Updates: [start('fits'), { Id: 'too-big', Type: 'STEP', Name: 'too-big', ...oversized }],
        }),
      )
      .catch((error: unknown) => error as Error & { $metadata?: { httpStatusCode?: number } });
    expect(refused).toBeInstanceOf(Error);
    expect((refused as Error).name).toBe('InvalidParameterValueException');
    expect((refused as { $metadata?: { httpStatusCode?: number } }).$metadata?.httpStatusCode).toBe(400);
    expect(h.engine.store.getOperation(arn, 'fits')).toBeUndefined();
    expect(h.engine.store.getOperation(arn, 'too-big')).toBeUndefined();
    expect((await h.history(arn)).filter((e) => e.Name === 'fits' || e.Name === 'too-big')).toEqual([]);
    // The handler's own checkpoints go on with the token it holds.
    const done = await h.finish(arn);
    expect(done.Status).toBe('SUCCEEDED');
  }, 30_000);

  it('refuses an asynchronous start over 1 MB before any execution exists', async () => {
    const before = h.engine.store.statusCounts({ functionName: 'slow' });
    const refused = await h.client
      .send(new InvokeCommand({ FunctionName: 'slow:$LATEST', InvocationType: 'Event', Payload: JSON.stringify({ blob: 'x'.repeat(1024 * 1024) }), DurableExecutionName: 'too-big-start' }))
      .catch((error: unknown) => error as Error);
    // The name and message Lambda itself answers an oversized Invoke with.
    expect((refused as Error).name).toBe('RequestEntityTooLargeException');
    expect((refused as Error).message).toMatch(/byte payload is too large for the Event invocation type \(limit 1048576 bytes\)/);
    expect(h.engine.store.executionPage({ functionName: 'slow', nameContains: 'too-big-start' })).toEqual([]);
    expect(h.engine.store.statusCounts({ functionName: 'slow' })).toEqual(before);
  }, 30_000);
});
