import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type DurableHarness, startDurableHarness } from './test-support.ts';

// Lambda's memory limit counts anonymous memory only; these handlers run at 128 MB there
// although their whole resident set, file-backed pages included, goes past it.
let h: DurableHarness;

beforeAll(async () => {
  h = await startDurableHarness();
  // One function each: a fresh sandbox per handler, as when each is first invoked in Lambda.
  await Promise.all([h.deploy('heavy-map', 'data-heavy.mjs', { memorySize: 128 }), h.deploy('heavy-children', 'data-heavy.mjs', { memorySize: 128 })]);
}, 30_000);
afterAll(async () => {
  await h?.close();
});

describe('data-heavy durable handlers at 128 MB', () => {
  it('maps 50 items of 100 KB each without running out of memory', async () => {
    const arn = await h.start('heavy-map', { shape: 'map', items: 50, kb: 100 });
    const done = await h.finish(arn);
    expect(done.Error).toBeUndefined();
    expect(done.Status).toBe('SUCCEEDED');
    expect(JSON.parse(done.Result ?? 'null')).toEqual({ count: 50, chars: 50 * 100 * 1024 });
  }, 30_000);

  // 240 KB stays under the 256 KB a child context's result may have before the SDK replays it instead.
  it('runs 100 child contexts of 240 KB results each without running out of memory', async () => {
    const arn = await h.start('heavy-children', { shape: 'children', children: 100, kb: 240 });
    const done = await h.finish(arn);
    expect(done.Error).toBeUndefined();
    expect(done.Status).toBe('SUCCEEDED');
    expect(JSON.parse(done.Result ?? 'null')).toEqual({ count: 100, chars: 100 * 240 * 1024 });
  }, 30_000);
});
