import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { coalesce } from './coalesce.ts';

beforeEach(() => vi.useFakeTimers());
afterEach(() => vi.useRealTimers());

describe('coalesce', () => {
  it('runs regularly under a steady stream of asks, and once after the last ask', async () => {
    const starts: number[] = [];
    const c = coalesce(() => void starts.push(Date.now()), 100);
    const t0 = Date.now();
    let lastAsk = t0;
    for (let t = 0; t < 1000; t += 10) {
      c.request();
      lastAsk = Date.now();
      await vi.advanceTimersByTimeAsync(10);
    }
    // A debounce would not have run at all by now.
    expect(starts.length).toBeGreaterThanOrEqual(9);
    await vi.advanceTimersByTimeAsync(1000);
    expect(starts.length).toBeLessThanOrEqual(12);
    expect(starts.at(-1)).toBeGreaterThan(lastAsk);
    for (let i = 1; i < starts.length; i++) expect((starts[i] ?? 0) - (starts[i - 1] ?? 0)).toBeGreaterThanOrEqual(100);
  });

  it('never overlaps a slow run, and asks during it lead to one more run', async () => {
    let active = 0;
    let most = 0;
    const task = vi.fn(async () => {
      active += 1;
      most = Math.max(most, active);
      // A run slower than the interval, in fake time: no real time passes.
      await new Promise((resolve) => setTimeout(resolve, 250));
      active -= 1;
    });
    const c = coalesce(task, 50);
    c.request();
    await vi.advanceTimersByTimeAsync(10);
    c.request();
    c.request();
    await vi.advanceTimersByTimeAsync(1000);
    expect(most).toBe(1);
    expect(task).toHaveBeenCalledTimes(2);
  });

  it('forgets asks once cancelled', async () => {
    const task = vi.fn();
    const c = coalesce(task, 50);
    c.request();
    c.cancel();
    await vi.advanceTimersByTimeAsync(500);
    expect(task).not.toHaveBeenCalled();
  });
});
