import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type DurableHarness, startDurableHarness } from './test-support.ts';

let h: DurableHarness;
beforeAll(async () => {
  h = await startDurableHarness();
  await h.deploy('stepwait', 'step-wait.mjs');
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
    console.log(events.map((e) => `${e.EventId} ${e.EventType} ${e.Name ?? ''}`).join('\n'));
    expect(events.filter((e) => e.EventType === 'InvocationCompleted')).toHaveLength(2);
    expect(events.at(-1)?.EventType).toBe('ExecutionSucceeded');
  }, 30_000);
});
