import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type DurableHarness, startDurableHarness } from './test-support.ts';

let h: DurableHarness;
beforeAll(async () => {
  h = await startDurableHarness();
  await h.deploy('many', 'many-steps.mjs', { timeout: 60 });
}, 30_000);
afterAll(async () => {
  await h?.close();
});

describe('large executions', () => {
  it('replays more than one page of operations (the SDK pages the rest with GetDurableExecutionState)', async () => {
    const arn = await h.start('many', { steps: 1100 });
    const done = await h.finish(arn, 90_000);
    expect(done.Status).toBe('SUCCEEDED');
    expect(JSON.parse(done.Result ?? 'null')).toEqual({ sum: (1099 * 1100) / 2, last: 'done' });
    const events = await h.history(arn);
    expect(events.filter((e) => e.EventType === 'StepSucceeded')).toHaveLength(1101);
    expect(events.filter((e) => e.EventType === 'InvocationCompleted')).toHaveLength(2);
  }, 120_000);
});
