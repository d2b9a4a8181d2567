import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { StudioError } from '../../../shared/contract/errors.ts';
import { createTestEventsStore } from './test-events-store.ts';

describe('test events store', () => {
  let root: string;
  beforeEach(async () => {
    root = await mkdtemp(join(tmpdir(), 'studio-events-'));
  });
  afterEach(async () => {
    await rm(root, { recursive: true, force: true });
  });

  it('saves events as files under events/<function>/ and lists them sorted', async () => {
    const store = createTestEventsStore(root);
    await store.save('orders', { name: 'zeta', payload: '{"n": 2}' });
    await store.save('orders', { name: 'alpha', payload: '{\n  "n": 1\n}' });
    expect(await readFile(join(root, 'events', 'orders', 'alpha.json'), 'utf8')).toBe('{\n  "n": 1\n}\n');
    const events = await store.list('orders');
    expect(events.map((e) => e.name)).toEqual(['alpha', 'zeta']);
    expect(JSON.parse(events[1]!.payload)).toEqual({ n: 2 });
  });

  it('takes many saves of one event at once: each succeeds and the file holds one of them whole', async () => {
    const store = createTestEventsStore(root);
    const payloads = Array.from({ length: 8 }, (_, i) => JSON.stringify({ n: i, pad: 'x'.repeat(20_000) }));
    await Promise.all(payloads.map((payload) => store.save('orders', { name: 'busy', payload })));
    const saved = await readFile(join(root, 'events', 'orders', 'busy.json'), 'utf8');
    expect(payloads.map((p) => `${p}\n`)).toContain(saved);
    expect((await store.list('orders')).map((e) => e.name)).toEqual(['busy']);
  });

  it('refuses a payload that is not JSON and writes nothing', async () => {
    const store = createTestEventsStore(root);
    await expect(store.save('orders', { name: 'bad', payload: '{"n": ' })).rejects.toThrowError(/not valid JSON/);
    expect(await store.list('orders')).toEqual([]);
  });

  it('lists nothing for a function without events and reports deleting a missing one', async () => {
    const store = createTestEventsStore(root);
    expect(await store.list('nobody')).toEqual([]);
    const failure = store.remove('nobody', 'x');
    await expect(failure).rejects.toBeInstanceOf(StudioError);
    await expect(failure).rejects.toMatchObject({ code: 'NOT_FOUND' });
  });

  it('removes a saved event', async () => {
    const store = createTestEventsStore(root);
    await store.save('orders', { name: 'one', payload: '{}' });
    await store.remove('orders', 'one');
    expect(await store.list('orders')).toEqual([]);
  });
});
