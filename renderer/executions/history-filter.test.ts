import { describe, expect, it } from 'vitest';
import { filterHistory } from './history-filter.ts';
import type { HistoryRow } from './model.ts';

const rows: HistoryRow[] = [
  { index: 0, eventId: 1, eventType: 'ExecutionStarted', timestampMs: 0, operationId: 'exec', raw: {} },
  { index: 1, eventId: 2, eventType: 'StepStarted', timestampMs: 1, operationId: 'c4ca42', name: 'process', raw: {} },
  { index: 2, eventId: 3, eventType: 'StepFailed', timestampMs: 2, operationId: 'c4ca42', name: 'process', raw: {} },
  { index: 3, eventId: 4, eventType: 'CallbackStarted', timestampMs: 3, operationId: 'a87ff6', name: 'wait-for-approval', raw: {} },
];

describe('filterHistory', () => {
  it('keeps everything for an empty filter', () => {
    expect(filterHistory(rows, '  ')).toHaveLength(4);
  });
  it('matches event type, operation id and name, every word', () => {
    expect(filterHistory(rows, 'stepfailed').map((r) => r.eventId)).toEqual([3]);
    expect(filterHistory(rows, 'c4ca42').map((r) => r.eventId)).toEqual([2, 3]);
    expect(filterHistory(rows, 'step process').map((r) => r.eventId)).toEqual([2, 3]);
    expect(filterHistory(rows, 'callback approval').map((r) => r.eventId)).toEqual([4]);
    expect(filterHistory(rows, 'wait nothing')).toEqual([]);
  });
});
