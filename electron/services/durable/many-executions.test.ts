import { describe, expect, it } from 'vitest';
import { runManyExecutions } from './many-executions.ts';

// 200 executions of a step, a wait, a callback and a map, all started at once in the real
// service and engine. The bounds compare the executions with each other and with the run itself,
// so a slow or busy host makes every figure longer without failing the test.
describe('many durable executions at once', () => {
  it('all succeed, share the sandboxes fairly and keep memory bounded', async () => {
    const f = await runManyExecutions(200, { timeoutMs: 240_000 });
    expect(f.succeeded).toBe(200);
    // Fair sharing: waiting executions do not keep a new one from its first invocation, so every
    // execution has begun before half of them have ended (starvation would leave some unstarted
    // until the others are done).
    expect(f.lastFirstInvocationAt).toBeLessThan(f.medianEndAt);
    // And none waits much longer than the others: the slowest takes at most three times the median.
    const median = f.completionMs[Math.floor(f.completionMs.length / 2)] ?? NaN;
    expect(f.completionMs.at(-1)).toBeLessThanOrEqual(3 * median);
    expect(f.completionMs.at(-1)).toBeLessThanOrEqual(f.totalMs);
    // The engine and service hold 200 executions in far less than this.
    expect(f.rssPeak - f.rssBefore).toBeLessThan(400 * 1024 * 1024);
    // The renderer receives fewer events than the engine makes changes, and at least each execution's end.
    expect(f.rendererEvents).toBeLessThan(f.engineChanges);
    expect(f.rendererEvents).toBeGreaterThanOrEqual(200);
  }, 300_000);
});
