import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type DurableHarness, startDurableHarness } from './test-support.ts';

let h: DurableHarness;
beforeAll(async () => {
  h = await startDurableHarness();
  await Promise.all([
    h.deploy('batch', 'batch.mjs'),
    h.deploy('tolerance', 'map-tolerance.mjs'),
    h.deploy('parent', 'invoke-parent.mjs'),
    h.deploy('child', 'child-durable.mjs'),
    h.deploy('plain', 'plain.mjs', { durable: false }),
  ]);
}, 30_000);
afterAll(async () => {
  await h?.close();
});

describe('parallel, map, child contexts and chained invokes', () => {
  it('runs parallel branches, a map with limited concurrency and a child context with a wait', async () => {
    const arn = await h.start('batch');
    const done = await h.finish(arn);
    expect(done.Status).toBe('SUCCEEDED');
    expect(JSON.parse(done.Result ?? 'null')).toEqual({ par: ['L', 'R'], mapped: [2, 4, 6, 8], child: 11 });
    const events = await h.history(arn);
    const subTypes = new Set(events.map((e) => e.SubType));
    for (const s of ['Parallel', 'ParallelBranch', 'Map', 'MapIteration', 'RunInChildContext', 'Step', 'Wait']) expect(subTypes).toContain(s);
    const ids = new Set(events.map((e) => e.Id));
    for (const e of events) if (e.ParentId !== undefined) expect(ids).toContain(e.ParentId);
  }, 30_000);

  it('completes a map within its failure tolerance', async () => {
    const done = await h.finish(await h.start('tolerance', { tolerated: 2 }));
    expect(done.Status).toBe('SUCCEEDED');
    expect(JSON.parse(done.Result ?? 'null')).toEqual({ reason: 'ALL_COMPLETED', ok: 2, failed: 2 });
  }, 30_000);

  it('stops a map that goes over its failure tolerance', async () => {
    const done = await h.finish(await h.start('tolerance', { tolerated: 0 }));
    expect(done.Status).toBe('FAILED');
    expect(done.Error?.ErrorMessage).toMatch(/too many failures/);
  }, 30_000);

  it('chains a durable function and returns its result', async () => {
    const arn = await h.start('parent', { target: 'child:$LATEST', input: { n: 21 } });
    const done = await h.finish(arn);
    expect(done.Status).toBe('SUCCEEDED');
    expect(JSON.parse(done.Result ?? 'null')).toEqual({ out: { doubled: 42 } });
    const events = await h.history(arn);
    const started = events.find((e) => e.EventType === 'ChainedInvokeStarted')?.ChainedInvokeStartedDetails;
    expect(started?.FunctionName).toBe('child:$LATEST');
    const childArn = started?.DurableExecutionArn ?? '';
    expect(childArn).toMatch(/:function:child:\$LATEST\/durable-execution\//);
    expect((await h.finish(childArn)).Status).toBe('SUCCEEDED');
    expect(events.find((e) => e.EventType === 'ChainedInvokeSucceeded')?.ChainedInvokeSucceededDetails?.Result?.Payload).toBe('{"doubled":42}');
  }, 30_000);

  it('chains a plain function', async () => {
    const done = await h.finish(await h.start('parent', { target: 'plain', input: { a: 1 } }));
    expect(done.Status).toBe('SUCCEEDED');
    expect(JSON.parse(done.Result ?? 'null')).toEqual({ out: { plain: { a: 1 } } });
  }, 30_000);

  it('fails the caller when a chained durable target fails', async () => {
    const arn = await h.start('parent', { target: 'child:$LATEST', input: { n: 1, fail: true } });
    const done = await h.finish(arn);
    expect(done.Status).toBe('FAILED');
    const failed = (await h.history(arn)).find((e) => e.EventType === 'ChainedInvokeFailed');
    expect(failed?.ChainedInvokeFailedDetails?.Error?.Payload?.ErrorMessage).toBe('child failed on purpose');
  }, 30_000);

  it('fails the caller when a chained plain target throws', async () => {
    const arn = await h.start('parent', { target: 'plain', input: { fail: true } });
    const done = await h.finish(arn);
    expect(done.Status).toBe('FAILED');
    const failed = (await h.history(arn)).find((e) => e.EventType === 'ChainedInvokeFailed');
    expect(failed?.ChainedInvokeFailedDetails?.Error?.Payload).toEqual({ ErrorType: 'TypeError', ErrorMessage: 'plain function failed' });
  }, 30_000);
});
