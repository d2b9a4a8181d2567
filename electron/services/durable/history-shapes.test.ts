import { EventType } from '@aws-sdk/client-lambda';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { HistoryEvent } from './history.ts';
import { deployScenarioFunctions, type Histories, runScenarios } from './history-shapes.scenarios.ts';
import { type DurableHarness, startDurableHarness } from './test-support.ts';

/**
 * Every event type the engine writes, pinned member for member as GetDurableExecutionHistory
 * sends it (Lambda's `Event` and `*Details` shapes): leaves are JSON types, so timestamps and
 * ids are checked as numbers and strings, and any member added or lost fails the test.
 */
type Shape = string | { [key: string]: Shape };

function shapeOf(value: unknown): Shape {
  if (Array.isArray(value)) return 'array';
  if (value !== null && typeof value === 'object') return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, shapeOf(v)]));
  return value === null ? 'null' : typeof value;
}

const ENVELOPE = { EventId: 'number', EventType: 'string', EventTimestamp: 'number', Id: 'string' };
/** Execution events: the execution's name is the operation's name; no SubType. */
const EXECUTION = { ...ENVELOPE, Name: 'string' };
/** A named top-level operation. */
const OP = { ...ENVELOPE, SubType: 'string', Name: 'string' };
const PAYLOAD = { Payload: 'string', Truncated: 'boolean' };
const ERROR = { Payload: { ErrorType: 'string', ErrorMessage: 'string' }, Truncated: 'boolean' };
/** The studio's virtual-clock mark on events a skipped timer produced (see the README). */
const SKIPPED = { Skipped: 'boolean' };

interface Row {
  scenario: string;
  eventType: string;
  /** Picks among several events of the type; the first one otherwise. */
  name?: string;
  shape: Record<string, Shape>;
  /** Values pinned besides the shape. */
  values?: (event: HistoryEvent) => void;
}

const details = (event: HistoryEvent): Record<string, unknown> => event[`${String(event['EventType'])}Details`] as Record<string, unknown>;

const ROWS: Row[] = [
  { scenario: 'shapes', eventType: 'ExecutionStarted', shape: { ...EXECUTION, ExecutionStartedDetails: { Input: PAYLOAD, ExecutionTimeout: 'number' } } },
  { scenario: 'shapes', eventType: 'StepStarted', name: 'ok', shape: { ...OP, StepStartedDetails: {} } },
  { scenario: 'shapes', eventType: 'StepSucceeded', name: 'ok', shape: { ...OP, StepSucceededDetails: { Result: PAYLOAD, RetryDetails: { CurrentAttempt: 'number' } } } },
  { scenario: 'shapes', eventType: 'StepSucceeded', name: 'inner', shape: { ...OP, ParentId: 'string', StepSucceededDetails: { Result: PAYLOAD, RetryDetails: { CurrentAttempt: 'number' } } } },
  { scenario: 'shapes', eventType: 'StepFailed', name: 'boom', shape: { ...OP, StepFailedDetails: { Error: ERROR, RetryDetails: { CurrentAttempt: 'number' } } } },
  { scenario: 'shapes', eventType: 'ContextStarted', name: 'bad-child', shape: { ...OP, ContextStartedDetails: {} } },
  { scenario: 'shapes', eventType: 'ContextFailed', name: 'bad-child', shape: { ...OP, ContextFailedDetails: { Error: ERROR } } },
  { scenario: 'shapes', eventType: 'ContextSucceeded', name: 'good-child', shape: { ...OP, ContextSucceededDetails: { Result: PAYLOAD } } },
  { scenario: 'shapes', eventType: 'WaitStarted', shape: { ...OP, WaitStartedDetails: { Duration: 'number', ScheduledEndTimestamp: 'number' } } },
  { scenario: 'shapes', eventType: 'WaitSucceeded', shape: { ...OP, WaitSucceededDetails: { Duration: 'number' }, ...SKIPPED } },
  {
    scenario: 'shapes',
    eventType: 'InvocationCompleted',
    shape: { EventId: 'number', EventType: 'string', EventTimestamp: 'number', InvocationCompletedDetails: { StartTimestamp: 'number', EndTimestamp: 'number', RequestId: 'string', Error: {} } },
  },
  { scenario: 'waitCancelled', eventType: 'WaitCancelled', shape: { ...OP, WaitCancelledDetails: { Error: ERROR } } },
  { scenario: 'shapes', eventType: 'ExecutionSucceeded', shape: { ...EXECUTION, ExecutionSucceededDetails: { Result: PAYLOAD } } },
  {
    scenario: 'retry',
    eventType: 'StepFailed',
    shape: { ...OP, StepFailedDetails: { Error: ERROR, RetryDetails: { CurrentAttempt: 'number', NextAttemptDelaySeconds: 'number' } } },
    values: (e) => expect(details(e)['RetryDetails']).toEqual({ CurrentAttempt: 1, NextAttemptDelaySeconds: 3600 }),
  },
  { scenario: 'retry', eventType: 'StepStarted', name: 'flaky', shape: { ...OP, StepStartedDetails: {} } },
  {
    scenario: 'callback',
    eventType: 'CallbackStarted',
    shape: { ...ENVELOPE, SubType: 'string', ParentId: 'string', CallbackStartedDetails: { CallbackId: 'string', Timeout: 'number', HeartbeatTimeout: 'number' } },
    values: (e) => expect(details(e)).toMatchObject({ Timeout: 60, HeartbeatTimeout: 30 }),
  },
  { scenario: 'callback', eventType: 'CallbackSucceeded', shape: { ...ENVELOPE, SubType: 'string', ParentId: 'string', CallbackSucceededDetails: { Result: PAYLOAD } } },
  { scenario: 'callbackFailed', eventType: 'CallbackStarted', shape: { ...OP, CallbackStartedDetails: { CallbackId: 'string' } } },
  { scenario: 'callbackFailed', eventType: 'CallbackFailed', shape: { ...OP, CallbackFailedDetails: { Error: ERROR } } },
  { scenario: 'callbackFailed', eventType: 'ExecutionFailed', shape: { ...EXECUTION, ExecutionFailedDetails: { Error: ERROR } } },
  {
    scenario: 'callbackTimeout',
    eventType: 'CallbackTimedOut',
    shape: { ...OP, CallbackTimedOutDetails: { Error: ERROR }, ...SKIPPED },
    values: (e) => expect(details(e)['Error']).toEqual({ Payload: { ErrorType: 'Callback.Timeout', ErrorMessage: 'Callback timed out' }, Truncated: false }),
  },
  {
    scenario: 'heartbeatTimeout',
    eventType: 'CallbackTimedOut',
    shape: { ...ENVELOPE, SubType: 'string', ParentId: 'string', CallbackTimedOutDetails: { Error: ERROR }, ...SKIPPED },
    values: (e) => expect(details(e)['Error']).toEqual({ Payload: { ErrorType: 'Callback.Heartbeat', ErrorMessage: 'Callback timed out on heartbeat' }, Truncated: false }),
  },
  {
    scenario: 'chainedPlain',
    eventType: 'ChainedInvokeStarted',
    shape: { ...OP, ChainedInvokeStartedDetails: { FunctionName: 'string', Input: PAYLOAD, ExecutedVersion: 'string' } },
    values: (e) => expect(details(e)).toMatchObject({ FunctionName: 'plain', ExecutedVersion: '$LATEST' }),
  },
  { scenario: 'chainedPlain', eventType: 'ChainedInvokeSucceeded', shape: { ...OP, ChainedInvokeSucceededDetails: { Result: PAYLOAD } } },
  { scenario: 'chainedFailed', eventType: 'ChainedInvokeFailed', shape: { ...OP, ChainedInvokeFailedDetails: { Error: ERROR } } },
  {
    scenario: 'chainedAlias',
    eventType: 'ChainedInvokeStarted',
    shape: { ...OP, ChainedInvokeStartedDetails: { FunctionName: 'string', Input: PAYLOAD, ExecutedVersion: 'string', DurableExecutionArn: 'string' } },
    // The alias resolves to the version it points at; the child execution runs that version.
    values: (e) => {
      expect(details(e)).toMatchObject({ FunctionName: 'child:live', ExecutedVersion: '1' });
      expect(details(e)['DurableExecutionArn']).toMatch(/:function:child:1\/durable-execution\//);
    },
  },
  {
    scenario: 'chainedTimedOut',
    eventType: 'ChainedInvokeStarted',
    shape: { ...OP, ChainedInvokeStartedDetails: { FunctionName: 'string', Input: PAYLOAD, ExecutedVersion: 'string', DurableExecutionArn: 'string' } },
    values: (e) => expect(details(e)['ExecutedVersion']).toBe('$LATEST'),
  },
  { scenario: 'chainedTimedOut', eventType: 'ChainedInvokeTimedOut', shape: { ...OP, ChainedInvokeTimedOutDetails: { Error: ERROR } } },
  { scenario: 'chainedTimedOut.child', eventType: 'ExecutionTimedOut', shape: { ...EXECUTION, ExecutionTimedOutDetails: { Error: ERROR } } },
  { scenario: 'chainedStopped', eventType: 'ChainedInvokeStopped', shape: { ...OP, ChainedInvokeStoppedDetails: { Error: ERROR } } },
  { scenario: 'chainedStopped.child', eventType: 'ExecutionStopped', shape: { ...EXECUTION, ExecutionStoppedDetails: { Error: ERROR } } },
];

let h: DurableHarness;
let histories: Histories;
beforeAll(async () => {
  h = await startDurableHarness();
  await deployScenarioFunctions(h);
  histories = await runScenarios(h);
}, 30_000);
afterAll(async () => {
  await h?.close();
});

describe('history event shapes', () => {
  it.each(ROWS.map((row) => [`${row.eventType} (${row.scenario}${row.name !== undefined ? `, ${row.name}` : ''})`, row] as const))('%s', (_label, row) => {
    const event = histories[row.scenario]?.find((e) => e['EventType'] === row.eventType && (row.name === undefined || e['Name'] === row.name));
    expect(event, `${row.eventType} in ${row.scenario}`).toBeDefined();
    if (event === undefined) return;
    expect(shapeOf(event)).toEqual(row.shape);
    row.values?.(event);
  });

  it("pins every event type in the Lambda client's EventType enum, and the scenarios write no other", () => {
    const written = new Set(Object.values(histories).flatMap((events) => events.map((e) => String(e['EventType']))));
    const pinned = new Set(ROWS.map((row) => row.eventType));
    expect([...pinned].sort()).toEqual(Object.values(EventType).sort());
    expect([...written].sort()).toEqual([...pinned].sort());
  });
});
