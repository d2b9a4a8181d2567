import { describe, expect, it } from 'vitest';
import { randomText } from './random-text.ts';

describe('random text', () => {
  it('has the asked length in each encoding', () => {
    expect(randomText(12, 'hex')).toMatch(/^[0-9a-f]{24}$/);
    expect(randomText(24, 'base64')).toMatch(/^[A-Za-z0-9+/]{32}$/);
    expect(randomText(9, 'base64url')).toMatch(/^[A-Za-z0-9_-]{12}$/);
  });

  it('never hands out the same bytes twice, across refills of the block', () => {
    const seen = new Set(Array.from({ length: 2000 }, () => randomText(16, 'hex')));
    expect(seen.size).toBe(2000);
  });

  it('refuses more than one block', () => {
    expect(() => randomText(4097, 'hex')).toThrow(RangeError);
  });
});
