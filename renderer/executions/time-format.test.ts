import { describe, expect, it } from 'vitest';
import { formatAgo, formatCountdown, formatDuration, formatExact, formatSeconds } from './time-format.ts';

describe('formatDuration', () => {
  it('keeps milliseconds under a second and one decimal under ten seconds', () => {
    expect(formatDuration(0)).toBe('0 ms');
    expect(formatDuration(120.4)).toBe('120 ms');
    expect(formatDuration(1234)).toBe('1.2 s');
    expect(formatDuration(9999)).toBe('9.9 s');
    expect(formatDuration(2000)).toBe('2 s');
  });
  it('uses at most two units and drops a zero second unit', () => {
    expect(formatDuration(45_000)).toBe('45 s');
    expect(formatDuration(184_000)).toBe('3 min 4 s');
    expect(formatDuration(7_200_000)).toBe('2 h');
    expect(formatDuration(7_500_000)).toBe('2 h 5 min');
    expect(formatDuration(86_400_000 + 6 * 3_600_000 + 59_000)).toBe('1 d 6 h');
    expect(formatDuration(3_600_000 + 5_000)).toBe('1 h');
  });
  it('gives nothing for impossible values', () => {
    expect(formatDuration(-1)).toBe('');
    expect(formatDuration(Number.NaN)).toBe('');
  });
});

describe('formatCountdown', () => {
  it('rounds the time left up so it never reads 0 s early', () => {
    expect(formatCountdown(10_000, 9_999)).toBe('in 1 s');
    expect(formatCountdown(200_000, 15_500)).toBe('in 3 min 5 s');
  });
  it('says due now within the last second and overdue after', () => {
    expect(formatCountdown(10_000, 10_400)).toBe('due now');
    expect(formatCountdown(10_000, 16_000)).toBe('overdue by 6 s');
  });
});

describe('formatAgo', () => {
  it('walks up the units', () => {
    expect(formatAgo(0, 500)).toBe('just now');
    expect(formatAgo(0, 12_000)).toBe('12 s ago');
    expect(formatAgo(0, 185_000)).toBe('3 min ago');
    expect(formatAgo(0, 3 * 3_600_000)).toBe('3 h ago');
    expect(formatAgo(0, 5 * 86_400_000)).toBe('5 d ago');
  });
});

describe('formatExact', () => {
  it('prints the local time to the millisecond', () => {
    const ms = new Date(2026, 10, 23, 9, 5, 7, 42).getTime();
    expect(formatExact(ms)).toBe('2026-11-23 09:05:07.042');
  });
});

describe('formatSeconds', () => {
  it('writes the two largest units', () => {
    expect(formatSeconds(45)).toBe('45 s');
    expect(formatSeconds(184)).toBe('3 min 4 s');
    expect(formatSeconds(86_400)).toBe('1 d');
    expect(formatSeconds(90_061)).toBe('1 d 1 h');
    expect(formatSeconds(3_605)).toBe('1 h 5 s');
    expect(formatSeconds(0)).toBe('0 s');
    expect(formatSeconds(Number.NaN)).toBe('');
  });
});
