import { describe, expect, it } from 'vitest';
import type { HistoryEvent } from '../../shared/contract/executions.ts';
import { fromHistory, historyRows } from './from-history.ts';

// The order approval handler's history as the local service records it (epoch seconds,
// one <EventType>Details member each): validate, a callback inside waitForCallback's
// context, then process failing twice before it succeeds.
const T = 1_800_000_000;
const events: HistoryEvent[] = [
  { EventType: 'ExecutionStarted', EventId: 1, EventTimestamp: T, Id: 'exec-1', Name: 'order-7', ExecutionStartedDetails: { Input: { Payload: '{"orderId":"7"}', Truncated: false }, ExecutionTimeout: 86400 } },
  { EventType: 'StepStarted', EventId: 2, EventTimestamp: T + 0.1, Id: 'v', Name: 'validate', SubType: 'Step', StepStartedDetails: {} },
  { EventType: 'StepSucceeded', EventId: 3, EventTimestamp: T + 0.2, Id: 'v', Name: 'validate', SubType: 'Step', StepSucceededDetails: { Result: { Payload: '{"ok":true}', Truncated: false }, RetryDetails: { CurrentAttempt: 1 } } },
  { EventType: 'ContextStarted', EventId: 4, EventTimestamp: T + 0.3, Id: 'ctx', Name: 'wait-for-approval', SubType: 'WaitForCallback', ContextStartedDetails: {} },
  { EventType: 'CallbackStarted', EventId: 5, EventTimestamp: T + 0.4, Id: 'cb', ParentId: 'ctx', SubType: 'Callback', CallbackStartedDetails: { CallbackId: 'CB-ID', Timeout: 86400 } },
  { EventType: 'StepSucceeded', EventId: 5.5, EventTimestamp: T + 0.45, Id: 'sub', ParentId: 'ctx', SubType: 'Step', StepSucceededDetails: { RetryDetails: { CurrentAttempt: 1 } } },
  { EventType: 'InvocationCompleted', EventId: 6, EventTimestamp: T + 0.5, InvocationCompletedDetails: { StartTimestamp: T, EndTimestamp: T + 0.5, RequestId: 'r1', Error: {} } },
  { EventType: 'CallbackSucceeded', EventId: 7, EventTimestamp: T + 10, Id: 'cb', ParentId: 'ctx', SubType: 'Callback', CallbackSucceededDetails: { Result: { Payload: '{"approved":true}', Truncated: false } } },
  { EventType: 'ContextSucceeded', EventId: 8, EventTimestamp: T + 10.5, Id: 'ctx', Name: 'wait-for-approval', SubType: 'WaitForCallback', ContextSucceededDetails: { Result: { Payload: '"{\\"approved\\":true}"', Truncated: false } } },
  { EventType: 'StepStarted', EventId: 9, EventTimestamp: T + 11, Id: 'p', Name: 'process', SubType: 'Step', StepStartedDetails: {} },
  { EventType: 'StepFailed', EventId: 10, EventTimestamp: T + 11.2, Id: 'p', Name: 'process', SubType: 'Step', StepFailedDetails: { Error: { Payload: { ErrorType: 'Error', ErrorMessage: 'down (1)', StackTrace: ['at a'] }, Truncated: false }, RetryDetails: { CurrentAttempt: 1, NextAttemptDelaySeconds: 2 } } },
  { EventType: 'StepStarted', EventId: 11, EventTimestamp: T + 13.2, Id: 'p', Name: 'process', SubType: 'Step', StepStartedDetails: {} },
  { EventType: 'StepFailed', EventId: 12, EventTimestamp: T + 13.3, Id: 'p', Name: 'process', SubType: 'Step', StepFailedDetails: { Error: { Payload: { ErrorMessage: 'down (2)' }, Truncated: false }, RetryDetails: { CurrentAttempt: 2, NextAttemptDelaySeconds: 4 } } },
  { EventType: 'StepStarted', EventId: 13, EventTimestamp: T + 14, Id: 'p', Name: 'process', SubType: 'Step', Skipped: true, StepStartedDetails: {} },
  { EventType: 'StepSucceeded', EventId: 14, EventTimestamp: T + 14.5, Id: 'p', Name: 'process', SubType: 'Step', StepSucceededDetails: { Result: { Payload: '"CONF-7"', Truncated: false }, RetryDetails: { CurrentAttempt: 3 } } },
  { EventType: 'ExecutionSucceeded', EventId: 15, EventTimestamp: T + 15, Id: 'exec-1', Name: 'order-7', ExecutionSucceededDetails: { Result: { Payload: '{"status":"PROCESSED"}', Truncated: false } } },
];

describe('fromHistory', () => {
  const { operations, execution } = fromHistory(events);
  const byId = new Map(operations.map((o) => [o.id, o]));

  it('reads the execution from its first and last events', () => {
    expect(execution).toMatchObject({ name: 'order-7', id: 'exec-1', status: 'SUCCEEDED', startMs: T * 1000, endMs: (T + 15) * 1000, input: '{"orderId":"7"}', result: '{"status":"PROCESSED"}' });
  });

  it('makes one row per operation in first-seen order, nested by ParentId', () => {
    expect(operations.map((o) => [o.id, o.type, o.parentId])).toEqual([
      ['v', 'STEP', undefined],
      ['ctx', 'CONTEXT', undefined],
      ['cb', 'CALLBACK', 'ctx'],
      ['sub', 'STEP', 'ctx'],
      ['p', 'STEP', undefined],
    ]);
  });

  it('gives a callback without a name its context name, its id, and its result', () => {
    expect(byId.get('sub')?.name).toBe('submitter');
    expect(byId.get('cb')).toMatchObject({ name: 'wait-for-approval', callbackId: 'CB-ID', status: 'SUCCEEDED', result: '{"approved":true}', timeoutMs: (T + 86400.4) * 1000 });
  });

  it('keeps every attempt of a retried step with its error and delay', () => {
    const p = byId.get('p')!;
    expect(p.status).toBe('SUCCEEDED');
    expect(p.result).toBe('"CONF-7"');
    expect(p.attempts.map((a) => [a.number, a.status, a.error?.message, a.nextDelaySeconds, a.skipped ?? false])).toEqual([
      [1, 'FAILED', 'down (1)', 2, false],
      [2, 'FAILED', 'down (2)', 4, false],
      [3, 'SUCCEEDED', undefined, undefined, true],
    ]);
    expect(p.attempts[0]!.error?.stack).toEqual(['at a']);
  });

  it('shows a step between attempts as pending its retry, and a callback still open as started', () => {
    const partial = fromHistory(events.slice(0, 11));
    const p = partial.operations.find((o) => o.id === 'p')!;
    expect(p).toMatchObject({ status: 'PENDING', nextAttemptMs: (T + 13.2) * 1000 });
    expect(p.endMs).toBeUndefined();
    const open = fromHistory(events.slice(0, 7));
    expect(open.execution.status).toBe('RUNNING');
    expect(open.operations.find((o) => o.id === 'cb')).toMatchObject({ status: 'STARTED', callbackId: 'CB-ID' });
  });

  it('draws attempts even when the SDK checkpointed no StepStarted', () => {
    const noStarts = events.filter((e) => !(e.EventType === 'StepStarted' && e.Id === 'p'));
    const p = fromHistory(noStarts).operations.find((o) => o.id === 'p')!;
    expect(p.attempts.map((a) => [a.number, a.status])).toEqual([
      [1, 'FAILED'],
      [2, 'FAILED'],
      [3, 'SUCCEEDED'],
    ]);
    // The second attempt began when the first one's delay ended.
    expect(p.attempts[1]!.startMs).toBe((T + 13.2) * 1000);
  });

  it('reads waits, skipped timers and chained invokes, with ISO timestamps too', () => {
    const more: HistoryEvent[] = [
      { EventType: 'WaitStarted', EventTimestamp: '2027-01-15T08:00:00.000Z', Id: 'w', Name: 'cool-off', WaitStartedDetails: { Duration: 3600, ScheduledEndTimestamp: '2027-01-15T09:00:00.000Z' } },
      { EventType: 'WaitSucceeded', EventTimestamp: '2027-01-15T08:00:01.000Z', Id: 'w', Name: 'cool-off', Skipped: true, WaitSucceededDetails: { Duration: 3600 } },
      { EventType: 'ChainedInvokeStarted', EventTimestamp: '2027-01-15T08:00:02.000Z', Id: 'ci', Name: 'charge', ChainedInvokeStartedDetails: { FunctionName: 'payments', Input: { Payload: '{}' }, DurableExecutionArn: 'arn:child' } },
      { EventType: 'ChainedInvokeFailed', EventTimestamp: '2027-01-15T08:00:03.000Z', Id: 'ci', Name: 'charge', ChainedInvokeFailedDetails: { Error: { Payload: { ErrorType: 'Declined' } } } },
    ];
    const ops = fromHistory(more).operations;
    expect(ops[0]).toMatchObject({ type: 'WAIT', status: 'SUCCEEDED', skipped: true, scheduledEndMs: Date.parse('2027-01-15T09:00:00.000Z') });
    expect(ops[1]).toMatchObject({ type: 'CHAINED_INVOKE', status: 'FAILED', chainedFunction: 'payments', chainedExecutionArn: 'arn:child', input: '{}', error: { type: 'Declined' } });
  });
});

describe('historyRows', () => {
  it('lists every event, operation-less ones included', () => {
    const rows = historyRows(events);
    expect(rows).toHaveLength(events.length);
    expect(rows[6]).toMatchObject({ eventType: 'InvocationCompleted', operationId: undefined, eventId: 6 });
  });
});
