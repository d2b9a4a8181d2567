import { describe, expect, it } from 'vitest';
import { hashWithoutToken, resolveToken, TOKEN_STORAGE_KEY, tokenFromHash, type TokenStorage } from './token.ts';

function memoryStorage(initial: Record<string, string> = {}): TokenStorage & { data: Record<string, string> } {
  const data = { ...initial };
  return {
    data,
    getItem: (key) => data[key] ?? null,
    setItem: (key, value) => {
      data[key] = value;
    },
  };
}

describe('token from the URL hash', () => {
  it('reads the token among other parameters', () => {
    expect(tokenFromHash('#token=abc123')).toBe('abc123');
    expect(tokenFromHash('#view=functions&token=t%2Bk')).toBe('t+k');
    expect(tokenFromHash('')).toBeUndefined();
    expect(tokenFromHash('#token=')).toBeUndefined();
  });

  it('removes only the token from the hash', () => {
    expect(hashWithoutToken('#token=abc')).toBe('');
    expect(hashWithoutToken('#token=abc&view=settings')).toBe('#view=settings');
  });

  it('remembers a fresh token and falls back to the remembered one after a reload', () => {
    const storage = memoryStorage();
    expect(resolveToken('#token=first', storage)).toBe('first');
    expect(storage.data[TOKEN_STORAGE_KEY]).toBe('first');
    expect(resolveToken('', storage)).toBe('first');
    expect(resolveToken('#token=second', storage)).toBe('second');
    expect(resolveToken('', memoryStorage())).toBeUndefined();
  });
});
