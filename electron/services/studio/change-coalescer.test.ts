import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createChangeCoalescer } from './change-coalescer.ts';

interface Change {
  key: string;
  n: number;
  final?: boolean;
}

let sent: Change[];
const coalescer = () =>
  createChangeCoalescer<Change>({ windowMs: 100, keyOf: (c) => c.key, isFinal: (c) => c.final === true, send: (c) => sent.push(c) });

beforeEach(() => {
  sent = [];
  vi.useFakeTimers();
});
afterEach(() => {
  vi.useRealTimers();
});

describe('change coalescer', () => {
  it('sends the first change at once and only the latest of the ones inside the window when it ends', () => {
    const c = coalescer();
    for (let n = 1; n <= 50; n++) c.push({ key: 'a', n });
    expect(sent).toEqual([{ key: 'a', n: 1 }]);
    vi.advanceTimersByTime(100);
    expect(sent).toEqual([{ key: 'a', n: 1 }, { key: 'a', n: 50 }]);
    // The window after a sent change holds the next ones too, so a steady stream is one per window.
    c.push({ key: 'a', n: 51 });
    expect(sent).toHaveLength(2);
    vi.advanceTimersByTime(100);
    expect(sent.at(-1)).toEqual({ key: 'a', n: 51 });
    // A quiet window closes; the next change goes out at once again.
    vi.advanceTimersByTime(100);
    c.push({ key: 'a', n: 52 });
    expect(sent.at(-1)).toEqual({ key: 'a', n: 52 });
  });

  it('keeps keys apart', () => {
    const c = coalescer();
    c.push({ key: 'a', n: 1 });
    c.push({ key: 'b', n: 1 });
    c.push({ key: 'a', n: 2 });
    c.push({ key: 'b', n: 2 });
    expect(sent).toEqual([{ key: 'a', n: 1 }, { key: 'b', n: 1 }]);
    vi.advanceTimersByTime(100);
    expect(sent.slice(2)).toEqual([{ key: 'a', n: 2 }, { key: 'b', n: 2 }]);
  });

  it('sends a final change at once, drops what it replaces and sends nothing stale after it', () => {
    const c = coalescer();
    c.push({ key: 'a', n: 1 });
    c.push({ key: 'a', n: 2 });
    c.push({ key: 'a', n: 3, final: true });
    expect(sent).toEqual([{ key: 'a', n: 1 }, { key: 'a', n: 3, final: true }]);
    vi.advanceTimersByTime(1_000);
    expect(sent).toHaveLength(2);
  });

  it('sends what it holds when closed', () => {
    const c = coalescer();
    c.push({ key: 'a', n: 1 });
    c.push({ key: 'a', n: 2 });
    c.push({ key: 'b', n: 1 });
    c.close();
    expect(sent).toEqual([{ key: 'a', n: 1 }, { key: 'b', n: 1 }, { key: 'a', n: 2 }]);
    vi.advanceTimersByTime(1_000);
    expect(sent).toHaveLength(3);
  });
});
