import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type DurableHarness, startDurableHarness } from '../durable/test-support.ts';
import { runDurable } from './durable-run.ts';

let h: DurableHarness;
beforeAll(async () => {
  h = await startDurableHarness();
  await h.deploy('approval', 'callback.mjs');
  await h.deploy('pause', 'step-wait.mjs');
  await h.deploy('hour', 'long-wait.mjs');
  await h.deploy('broken', 'not-durable.mjs');
});
afterAll(async () => {
  await h.close();
});

const run = async (functionName: string, payload: unknown) => {
  const started = performance.now();
  const result = await runDurable({ lambda: h.service, engine: h.engine, waitMs: 8_000 }, { functionName, payload: JSON.stringify(payload) });
  return { result, ms: performance.now() - started };
};

describe('a durable invoke from the panel', () => {
  it('answers Running as soon as the execution waits for a callback, with the log so far', async () => {
    const { result, ms } = await run('approval', {});
    expect(result.statusCode).toBe(202);
    expect(JSON.parse(result.payload)).toMatchObject({ Status: 'RUNNING' });
    expect(ms).toBeLessThan(4_000);
    expect(result.logs.some((line) => line.startsWith('REPORT RequestId'))).toBe(true);
  });

  it('answers Running at once for a long timer too', async () => {
    const { result, ms } = await run('hour', {});
    expect(result.statusCode).toBe(202);
    expect(ms).toBeLessThan(4_000);
  });

  it('waits for a timer due within its wait, and answers with the result', async () => {
    const { result, ms } = await run('pause', { x: 3 });
    expect(result.statusCode).toBe(200);
    expect(JSON.parse(result.payload)).toEqual({ a: 'A:3', b: 'A:3+B' });
    expect(ms).toBeGreaterThan(2_000);
  });

  it('answers Running with the engine retry state when the invocations fail, not as if it waited for a callback', async () => {
    const result = await runDurable({ lambda: h.service, engine: h.engine, waitMs: 2_500 }, { functionName: 'broken', payload: '{}' });
    expect(result.statusCode).toBe(202);
    expect(result.invocationRetry).toMatchObject({ maxInvocations: 5, lastError: { ErrorType: 'InvalidDurableOutput' } });
    expect(result.invocationRetry?.failedInvocations).toBeGreaterThanOrEqual(1);
    h.engine.setVirtualClock(true, result.durableExecutionArn);
    expect((await h.finish(result.durableExecutionArn ?? '', 20_000)).Status).toBe('FAILED');
  });
});
