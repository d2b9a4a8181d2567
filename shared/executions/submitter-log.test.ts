import { describe, expect, it } from 'vitest';
import type { ExecutionLogLine, HistoryEvent } from '../contract/executions.ts';
import { submitterLines } from './submitter-log.ts';

const t0 = 1_700_000_000;
const iso = (s: number) => new Date((t0 + s) * 1000).toISOString();
const line = (s: number, message: string, requestId: string, operationId?: string): ExecutionLogLine => ({
  timestamp: iso(s),
  level: 'INFO',
  message,
  requestId,
  ...(operationId === undefined ? {} : { operationId }),
});

describe('submitterLines', () => {
  it('takes the lines of the submitter inside the waitForCallback context', () => {
    const events: HistoryEvent[] = [
      { EventType: 'StepStarted', EventTimestamp: t0, Id: 'validate' },
      { EventType: 'ContextStarted', EventTimestamp: t0 + 1, Id: 'ctx', Name: 'wait-for-approval' },
      { EventType: 'CallbackStarted', EventTimestamp: t0 + 1, Id: 'cb', ParentId: 'ctx' },
      { EventType: 'StepStarted', EventTimestamp: t0 + 1, Id: 'sub', ParentId: 'ctx' },
    ];
    const lines = [line(0, 'validating', 'r1', 'validate'), line(1, 'Approval requested', 'r1', 'sub')];
    expect(submitterLines(events, { operationId: 'cb', parentId: 'ctx', startedMs: (t0 + 1) * 1000 }, lines).map((l) => l.message)).toEqual(['Approval requested']);
  });

  it('takes the lines of the invocation that created a callback made with createCallback, the last few only', () => {
    const events: HistoryEvent[] = [
      { EventType: 'InvocationCompleted', EventTimestamp: t0 + 2, InvocationCompletedDetails: { StartTimestamp: t0, EndTimestamp: t0 + 2, RequestId: 'r1' } },
      { EventType: 'CallbackStarted', EventTimestamp: t0 + 5, Id: 'cb', Name: 'sign' },
      { EventType: 'InvocationCompleted', EventTimestamp: t0 + 6, InvocationCompletedDetails: { StartTimestamp: t0 + 4, EndTimestamp: t0 + 6, RequestId: 'r2' } },
    ];
    const lines = [line(0, 'first run', 'r1'), ...['a', 'b', 'c', 'd'].map((m) => line(5, m, 'r2'))];
    expect(submitterLines(events, { operationId: 'cb', startedMs: (t0 + 5) * 1000 }, lines).map((l) => l.message)).toEqual(['b', 'c', 'd']);
  });

  it('says nothing when nothing was logged', () => {
    expect(submitterLines([], { operationId: 'cb', startedMs: t0 * 1000 }, [])).toEqual([]);
  });
});
