import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { openDurableStore } from './store.ts';

describe('durable store', () => {
  it('refuses a second opener of the same database with a sentence, and the first keeps working', () => {
    const dbPath = join(mkdtempSync(join(tmpdir(), 'durable-store-')), 'durable.db');
    const first = openDurableStore(dbPath);
    try {
      first.tx(() => first.setTimer({ arn: 'a', opId: 'o', kind: 'wait', dueMs: 1 }));
      expect(() => openDurableStore(dbPath)).toThrow(/in use by another running Lambda Studio/);
      first.tx(() => first.setTimer({ arn: 'b', opId: 'o', kind: 'wait', dueMs: 2 }));
      expect(first.dueTimers(10).map((t) => t.arn)).toEqual(['a', 'b']);
    } finally {
      first.close();
    }
    // Closed, the database opens again with what was written.
    const again = openDurableStore(dbPath);
    expect(again.dueTimers(10)).toHaveLength(2);
    again.close();
  });

  it('answers a retried checkpoint from memory and forgets answers after 15 minutes', () => {
    const store = openDurableStore(join(mkdtempSync(join(tmpdir(), 'durable-store-')), 'durable.db'));
    try {
      store.cacheCheckpoint('arn', 'token-1', 'client-1', '{"ok":1}', 0);
      expect(store.cachedCheckpoint('arn', 'token-1', 'client-1')).toBe('{"ok":1}');
      expect(store.cachedCheckpoint('arn', 'token-1', 'client-2')).toBeUndefined();
      store.cacheCheckpoint('arn', 'token-2', 'client-1', '{"ok":2}', 15 * 60_000 + 1);
      expect(store.cachedCheckpoint('arn', 'token-1', 'client-1')).toBeUndefined();
      expect(store.cachedCheckpoint('arn', 'token-2', 'client-1')).toBe('{"ok":2}');
    } finally {
      store.close();
    }
  });
});
