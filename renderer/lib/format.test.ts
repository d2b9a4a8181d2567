import { describe, expect, it } from 'vitest';
import { formatSeconds } from './format.ts';

describe('formatSeconds', () => {
  it('writes the two largest units', () => {
    expect(formatSeconds(45)).toBe('45 s');
    expect(formatSeconds(184)).toBe('3 min 4 s');
    expect(formatSeconds(86_400)).toBe('1 d');
    expect(formatSeconds(90_061)).toBe('1 d 1 h');
    expect(formatSeconds(0)).toBe('0 s');
    expect(formatSeconds(Number.NaN)).toBe('');
  });
});
