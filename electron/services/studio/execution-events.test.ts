import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ExecutionChanged } from '../../../shared/contract/events.ts';
import { type DurableHarness, startDurableHarness } from '../durable/test-support.ts';
import { forwardExecutionChanges } from './execution-events.ts';

let h: DurableHarness;

beforeAll(async () => {
  h = await startDurableHarness({ virtualClock: true });
  await h.deploy('many', 'many-steps.mjs');
}, 30_000);
afterAll(async () => {
  await h?.close();
});

describe('executions.changed as the renderer receives it', () => {
  it('is a few events for an execution of many checkpoints, and its end is the last one', async () => {
    let engineChanges = 0;
    const offCount = h.engine.onExecutionChanged(() => (engineChanges += 1));
    const received: ExecutionChanged[] = [];
    const stop = forwardExecutionChanges(h.engine, { emit: (_event, payload) => received.push(payload as ExecutionChanged) }, 10_000);
    const arn = await h.start('many', { steps: 60 });
    const done = await h.finish(arn);
    expect(done.Status).toBe('SUCCEEDED');
    const mine = received.filter((e) => e.durableExecutionArn === arn);
    // 60 steps checkpoint at least 60 times; inside one 10 s window only the first change and the end go out.
    expect(engineChanges).toBeGreaterThanOrEqual(60);
    expect(mine.map((e) => e.status)).toEqual(['RUNNING', 'SUCCEEDED']);
    expect(mine.at(-1)?.endTimestamp).toBeDefined();
    offCount();
    stop();
  });
});
