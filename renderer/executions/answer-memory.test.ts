import { beforeEach, describe, expect, it } from 'vitest';
import { answerKey, initialResult, lastResult, rememberResult, stepPathOf } from './answer-memory.ts';

const storage = new Map<string, string>();
beforeEach(() => {
  storage.clear();
  Object.assign(globalThis, {
    localStorage: { getItem: (k: string) => storage.get(k) ?? null, setItem: (k: string, v: string) => storage.set(k, v) },
  });
});

describe('remembered callback answers', () => {
  it('offers the last result sent to the same step, and a template when asked for one', () => {
    const key = answerKey('orders', ['wait-for-approval']);
    expect(initialResult(key, undefined)).toContain('"approved": true');
    rememberResult(key, '{"approved": false, "approver": "ada"}');
    expect(lastResult(key)).toBe('{"approved": false, "approver": "ada"}');
    expect(initialResult(key, undefined)).toBe('{"approved": false, "approver": "ada"}');
    expect(initialResult(key, 'approve')).toContain('"approved": true');
    expect(lastResult(answerKey('orders', ['other']))).toBeUndefined();
  });

  it('survives storage that holds something else', () => {
    storage.set('lambda-studio.callback-results', '[1, 2]');
    expect(lastResult('x')).toBeUndefined();
  });

  it('names a nested callback by the path the inbox uses, its context said once', () => {
    const ops = [
      { id: 'p', name: 'reviews' },
      { id: 'c', name: 'wait-for-approval', parentId: 'p' },
      { id: 'cb', name: 'wait-for-approval', parentId: 'c' },
    ];
    expect(stepPathOf(ops[2]!, ops)).toEqual(['reviews', 'wait-for-approval']);
  });
});
