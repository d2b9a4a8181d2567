import { describe, expect, it } from 'vitest';
import type { HistoryEvent } from '../contract/executions.ts';
import { eventTimeMs, executionInput, openCallbacks } from './pending-callbacks.ts';

const at = (s: number) => 1_700_000_000 + s;
const started = (id: string, name: string, s: number, details: Record<string, unknown>): HistoryEvent => ({
  EventType: 'CallbackStarted',
  EventTimestamp: at(s),
  Id: id,
  Name: name,
  CallbackStartedDetails: details,
});

describe('openCallbacks', () => {
  it('lists started callbacks until they succeed, fail or time out', () => {
    const events: HistoryEvent[] = [
      { EventType: 'ExecutionStarted', EventTimestamp: at(0), Id: 'e' },
      started('a', 'approve', 1, { CallbackId: 'cb-a', Timeout: 3600, HeartbeatTimeout: 60 }),
      started('b', 'review', 2, { CallbackId: 'cb-b' }),
      started('c', 'sign', 3, { CallbackId: 'cb-c' }),
      { EventType: 'CallbackSucceeded', EventTimestamp: at(4), Id: 'b', CallbackSucceededDetails: {} },
      { EventType: 'CallbackTimedOut', EventTimestamp: at(5), Id: 'c', CallbackTimedOutDetails: {} },
    ];
    expect(openCallbacks(events)).toEqual([
      { callbackId: 'cb-a', operationId: 'a', operationName: 'approve', startedMs: at(1) * 1000, timeoutAtMs: (at(1) + 3600) * 1000, heartbeatTimeoutSeconds: 60, stepPath: ['approve'] },
    ]);
  });

  it('names a waitForCallback callback after its context', () => {
    const events: HistoryEvent[] = [
      { EventType: 'ContextStarted', EventTimestamp: at(1), Id: 'ctx', Name: 'wait-for-approval', SubType: 'WaitForCallback', ContextStartedDetails: {} },
      { EventType: 'CallbackStarted', EventTimestamp: at(1), Id: 'cb', ParentId: 'ctx', CallbackStartedDetails: { CallbackId: 'cb-1' } },
    ];
    expect(openCallbacks(events)[0]).toMatchObject({ operationName: 'wait-for-approval', stepPath: ['wait-for-approval'], parentId: 'ctx' });
  });

  it('gives the path of names from the outermost operation in, as a workflow nests its approvals', () => {
    const events: HistoryEvent[] = [
      { EventType: 'ContextStarted', EventTimestamp: at(1), Id: 'par', Name: 'reviews', ContextStartedDetails: {} },
      { EventType: 'ContextStarted', EventTimestamp: at(1), Id: 'br', ParentId: 'par', Name: 'legal', ContextStartedDetails: {} },
      { EventType: 'ContextStarted', EventTimestamp: at(1), Id: 'ctx', ParentId: 'br', Name: 'sign-off', SubType: 'WaitForCallback', ContextStartedDetails: {} },
      { EventType: 'CallbackStarted', EventTimestamp: at(1), Id: 'cb', ParentId: 'ctx', CallbackStartedDetails: { CallbackId: 'cb-1' } },
    ];
    expect(openCallbacks(events)[0]?.stepPath).toEqual(['reviews', 'legal', 'sign-off']);
  });

  it('reads the input an execution started with', () => {
    expect(executionInput([{ EventType: 'ExecutionStarted', EventTimestamp: at(0), ExecutionStartedDetails: { Input: { Payload: '{"orderId":"A-1"}' } } }])).toBe('{"orderId":"A-1"}');
    expect(executionInput([{ EventType: 'ExecutionStarted', EventTimestamp: at(0), ExecutionStartedDetails: {} }])).toBeUndefined();
  });

  it('has none once the execution closed', () => {
    const events: HistoryEvent[] = [
      started('a', 'approve', 1, { CallbackId: 'cb-a' }),
      { EventType: 'ExecutionStopped', EventTimestamp: at(2), Id: 'e', ExecutionStoppedDetails: {} },
    ];
    expect(openCallbacks(events)).toEqual([]);
  });

  it('reads epoch seconds and ISO timestamps', () => {
    expect(eventTimeMs(1.5)).toBe(1500);
    expect(eventTimeMs('2026-01-01T00:00:00.000Z')).toBe(Date.UTC(2026, 0, 1));
  });
});
