import { describe, expect, it } from 'vitest';
import { countByStatus, EMPTY_FILTER, filterAndSort, functionNames, isFiltered, parseLocalDateTime, type ExecutionSummary } from './execution-filters.ts';

const list: ExecutionSummary[] = [
  { arn: 'arn:a', name: 'order-17', functionName: 'orders', status: 'RUNNING', startMs: 3000 },
  { arn: 'arn:b', name: 'order-18', functionName: 'orders', status: 'SUCCEEDED', startMs: 1000, endMs: 9000 },
  { arn: 'arn:c', name: 'refund-1', functionName: 'refunds', status: 'FAILED', startMs: 2000, endMs: 2500 },
  { arn: 'arn:d', name: 'refund-2', functionName: 'refunds', status: 'SUCCEEDED', startMs: 4000, endMs: 4100 },
];
const newest = { key: 'started', descending: true } as const;

describe('filterAndSort', () => {
  it('lists newest first by default', () => {
    expect(filterAndSort(list, EMPTY_FILTER, newest, 10_000).map((e) => e.arn)).toEqual(['arn:d', 'arn:a', 'arn:c', 'arn:b']);
  });
  it('filters by status, function and start time together', () => {
    const filter = { ...EMPTY_FILTER, statuses: ['SUCCEEDED'], functionName: 'refunds' };
    expect(filterAndSort(list, filter, newest, 0).map((e) => e.arn)).toEqual(['arn:d']);
    const window = { ...EMPTY_FILTER, startedAfterMs: 1500, startedBeforeMs: 3500 };
    expect(filterAndSort(list, window, newest, 0).map((e) => e.arn)).toEqual(['arn:a', 'arn:c']);
  });
  it('searches a part of the name in any case, as the API does', () => {
    expect(filterAndSort(list, { ...EMPTY_FILTER, search: 'REFUND-2' }, newest, 0).map((e) => e.arn)).toEqual(['arn:d']);
    expect(filterAndSort(list, { ...EMPTY_FILTER, search: ' der-1' }, newest, 0).map((e) => e.arn)).toEqual(['arn:a', 'arn:b']);
    expect(filterAndSort(list, { ...EMPTY_FILTER, search: 'nothing' }, newest, 0)).toEqual([]);
  });
  it('sorts by duration with a running execution measured to now', () => {
    const byDuration = filterAndSort(list, EMPTY_FILTER, { key: 'duration', descending: true }, 20_000);
    expect(byDuration.map((e) => e.arn)).toEqual(['arn:a', 'arn:b', 'arn:c', 'arn:d']);
  });
  it('sorts by status with running first, ties newest first', () => {
    const byStatus = filterAndSort(list, EMPTY_FILTER, { key: 'status', descending: false }, 0);
    expect(byStatus.map((e) => e.arn)).toEqual(['arn:a', 'arn:c', 'arn:d', 'arn:b']);
  });
});

describe('countByStatus', () => {
  it('counts what each status would show under the other filters', () => {
    const counts = countByStatus(list, { ...EMPTY_FILTER, statuses: ['FAILED'], functionName: 'orders' });
    expect(counts).toEqual({ RUNNING: 1, SUCCEEDED: 1, FAILED: 0, TIMED_OUT: 0, STOPPED: 0 });
  });
});

describe('helpers', () => {
  it('knows when the list is narrowed', () => {
    expect(isFiltered(EMPTY_FILTER)).toBe(false);
    expect(isFiltered({ ...EMPTY_FILTER, search: '  ' })).toBe(false);
    expect(isFiltered({ ...EMPTY_FILTER, startedAfterMs: 1 })).toBe(true);
  });
  it('lists function names once, sorted', () => {
    expect(functionNames(list)).toEqual(['orders', 'refunds']);
  });
  it('reads datetime-local text', () => {
    expect(parseLocalDateTime('')).toBeUndefined();
    expect(parseLocalDateTime('garbage')).toBeUndefined();
    expect(parseLocalDateTime('2026-11-23T10:00')).toBe(new Date(2026, 10, 23, 10, 0).getTime());
  });
});
