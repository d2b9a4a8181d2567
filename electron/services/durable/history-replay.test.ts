import { describe, expect, it } from 'vitest';
import type { HistoryEvent } from '../../../shared/contract/executions.ts';
import { HistoryReplayError, historyToReplaySeed } from './history-replay.ts';

const T0 = 1_764_800_000;
let eventId = 0;

/** One history event as the Lambda API sends it (epoch seconds), `details` under `<EventType>Details`. */
function ev(type: string, at: number, op: { id?: string; name?: string; subType?: string; parent?: string } = {}, details: Record<string, unknown> = {}): HistoryEvent {
  return {
    EventType: type,
    EventId: ++eventId,
    EventTimestamp: T0 + at,
    ...(op.id === undefined ? {} : { Id: op.id }),
    ...(op.name === undefined ? {} : { Name: op.name }),
    ...(op.subType === undefined ? {} : { SubType: op.subType }),
    ...(op.parent === undefined ? {} : { ParentId: op.parent }),
    [`${type}Details`]: details,
  };
}
const started = (input = '{"x":1}') => ev('ExecutionStarted', 0, { id: 'exec' }, { Input: { Payload: input, Truncated: false }, ExecutionTimeout: 60 });
const result = (payload: string) => ({ Payload: payload, Truncated: false });
const error = (message: string) => ({ Payload: { ErrorType: 'Error', ErrorMessage: message }, Truncated: false });
const step = (id: string, name: string, parent?: string) => ({ id, name, subType: 'Step', ...(parent === undefined ? {} : { parent }) });

describe('historyToReplaySeed', () => {
  it('keeps completed steps with their results and attempt counts, in the record order', () => {
    const first = step('s1', 'first');
    const flaky = step('s2', 'flaky');
    const seed = historyToReplaySeed([
      started(),
      ev('StepStarted', 1, first),
      ev('StepSucceeded', 1, first, { Result: result('"A"'), RetryDetails: { CurrentAttempt: 1 } }),
      ev('StepStarted', 2, flaky),
      ev('StepFailed', 2, flaky, { Error: error('boom'), RetryDetails: { CurrentAttempt: 1, NextAttemptDelaySeconds: 1 } }),
      ev('InvocationCompleted', 2, {}, { StartTimestamp: T0, EndTimestamp: T0 + 2, RequestId: 'r1' }),
      ev('StepStarted', 3, flaky),
      ev('StepSucceeded', 3, flaky, { Result: result('"B"'), RetryDetails: { CurrentAttempt: 2 } }),
    ]);
    expect(seed.input).toBe('{"x":1}');
    expect(seed.operations).toEqual([
      { Id: 's1', Type: 'STEP', Name: 'first', SubType: 'Step', Status: 'SUCCEEDED', StartTimestamp: (T0 + 1) * 1000, EndTimestamp: (T0 + 1) * 1000, StepDetails: { Attempt: 1, Result: '"A"' } },
      { Id: 's2', Type: 'STEP', Name: 'flaky', SubType: 'Step', Status: 'SUCCEEDED', StartTimestamp: (T0 + 2) * 1000, EndTimestamp: (T0 + 3) * 1000, StepDetails: { Attempt: 2, Result: '"B"' } },
    ]);
    expect(seed.events.map((e) => `${e.EventType}:${e.Name ?? ''}`)).toEqual([
      'StepStarted:first', 'StepSucceeded:first', 'StepStarted:flaky', 'StepFailed:flaky', 'StepStarted:flaky', 'StepSucceeded:flaky',
    ]);
    expect(seed.events.every((e) => e.EventId === undefined)).toBe(true);
    expect(seed.rerun).toEqual([]);
  });

  it('leaves a pending callback open without its recorded id, inside its waitForCallback context', () => {
    const context = { id: 'c1', name: 'approval', subType: 'WaitForCallback' };
    const seed = historyToReplaySeed([
      started(),
      ev('ContextStarted', 1, context),
      ev('CallbackStarted', 1, { id: 'cb', subType: 'Callback', parent: 'c1' }, { CallbackId: 'cloud-id', Timeout: 300, HeartbeatTimeout: 60 }),
      ev('StepStarted', 1, step('sub', 'submitter', 'c1')),
      ev('StepSucceeded', 1, step('sub', 'submitter', 'c1'), { Result: result('null'), RetryDetails: { CurrentAttempt: 1 } }),
    ]);
    expect(seed.operations.map((o) => [o.Id, o.Status])).toEqual([['c1', 'STARTED'], ['cb', 'STARTED'], ['sub', 'SUCCEEDED']]);
    expect(seed.operations.find((o) => o.Id === 'cb')).toEqual({ Id: 'cb', Type: 'CALLBACK', SubType: 'Callback', ParentId: 'c1', Status: 'STARTED', StartTimestamp: (T0 + 1) * 1000 });
    expect(seed.openCallbacks).toEqual([{ operationId: 'cb', timeoutSeconds: 300, heartbeatSeconds: 60 }]);
    expect(seed.events.some((e) => e.EventType === 'CallbackStarted')).toBe(true);
  });

  it('keeps answered callbacks, waits and chained invokes as recorded, and a running wait with its end time', () => {
    const seed = historyToReplaySeed([
      started(),
      ev('CallbackStarted', 1, { id: 'cb', name: 'ok', subType: 'Callback' }, { CallbackId: 'id-1' }),
      ev('CallbackSucceeded', 2, { id: 'cb', name: 'ok', subType: 'Callback' }, { Result: result('yes') }),
      ev('ChainedInvokeStarted', 3, { id: 'inv', name: 'child', subType: 'ChainedInvoke' }, { FunctionName: 'child' }),
      ev('ChainedInvokeFailed', 4, { id: 'inv', name: 'child', subType: 'ChainedInvoke' }, { Error: error('no') }),
      ev('WaitStarted', 5, { id: 'w1', name: 'done', subType: 'Wait' }, { Duration: 1, ScheduledEndTimestamp: T0 + 6 }),
      ev('WaitSucceeded', 6, { id: 'w1', name: 'done', subType: 'Wait' }, { Duration: 1 }),
      ev('WaitStarted', 7, { id: 'w2', name: 'later', subType: 'Wait' }, { Duration: 3600, ScheduledEndTimestamp: T0 + 3607 }),
    ]);
    const byId = new Map(seed.operations.map((o) => [o.Id, o]));
    expect(byId.get('cb')).toMatchObject({ Status: 'SUCCEEDED', CallbackDetails: { CallbackId: 'id-1', Result: 'yes' } });
    expect(byId.get('inv')).toMatchObject({ Status: 'FAILED', ChainedInvokeDetails: { Error: { ErrorType: 'Error', ErrorMessage: 'no' } } });
    expect(byId.get('w1')).toMatchObject({ Status: 'SUCCEEDED' });
    expect(byId.get('w2')).toMatchObject({ Status: 'STARTED', WaitDetails: { ScheduledEndTimestamp: (T0 + 3607) * 1000 } });
    expect(seed.openCallbacks).toEqual([]);
  });

  it('runs again what was in flight: a first attempt and a chained invoke are left out, a later attempt becomes READY', () => {
    const again = step('s2', 'again');
    const seed = historyToReplaySeed([
      started(),
      ev('StepStarted', 1, step('s1', 'fresh')),
      ev('StepStarted', 1, again),
      ev('StepFailed', 1, again, { Error: error('once'), RetryDetails: { CurrentAttempt: 1, NextAttemptDelaySeconds: 2 } }),
      ev('StepStarted', 3, again),
      ev('ChainedInvokeStarted', 3, { id: 'inv', name: 'child', subType: 'ChainedInvoke' }, { FunctionName: 'child' }),
    ]);
    expect(seed.operations).toEqual([{ Id: 's2', Type: 'STEP', Name: 'again', SubType: 'Step', Status: 'READY', StartTimestamp: (T0 + 1) * 1000, StepDetails: { Attempt: 1 } }]);
    // The attempt that never ended is not in the new history; the local run records its own.
    expect(seed.events.map((e) => e.EventType)).toEqual(['StepStarted', 'StepFailed']);
    expect(seed.rerun).toEqual([
      { operationId: 's1', name: 'fresh', reason: 'in-flight' },
      { operationId: 's2', name: 'again', reason: 'in-flight' },
      { operationId: 'inv', name: 'child', reason: 'in-flight' },
    ]);
  });

  it('keeps a scheduled retry PENDING until its recorded next attempt time, with its state', () => {
    const poll = { id: 'p', name: 'poll', subType: 'WaitForCondition' };
    const seed = historyToReplaySeed([
      started(),
      ev('StepStarted', 1, poll),
      ev('StepSucceeded', 1, poll, { Result: result('{"n":1}'), RetryDetails: { CurrentAttempt: 1, NextAttemptDelaySeconds: 30 } }),
    ]);
    expect(seed.operations[0]).toMatchObject({ Status: 'PENDING', StepDetails: { Attempt: 1, Result: '{"n":1}', NextAttemptTimestamp: (T0 + 31) * 1000 } });
  });

  it('gives a failed step one more local attempt and reopens the failed contexts around it, unless told to replay failures', () => {
    const ctx = { id: 'c1', name: 'charge', subType: 'RunInChildContext' };
    const pay = step('s1', 'pay', 'c1');
    const history = [
      started(),
      ev('ContextStarted', 1, ctx),
      ev('StepStarted', 1, pay),
      ev('StepFailed', 2, pay, { Error: error('declined'), RetryDetails: { CurrentAttempt: 3 } }),
      ev('ContextFailed', 2, ctx, { Error: error('declined') }),
      ev('ExecutionFailed', 2, { id: 'exec' }, { Error: error('declined') }),
    ];
    const rerun = historyToReplaySeed(history);
    expect(rerun.operations.map((o) => [o.Id, o.Status, o.StepDetails?.Attempt])).toEqual([['c1', 'STARTED', undefined], ['s1', 'READY', 3]]);
    expect(rerun.operations.find((o) => o.Id === 's1')?.StepDetails).toEqual({ Attempt: 3 });
    expect(rerun.events.map((e) => e.EventType)).toEqual(['ContextStarted', 'StepStarted', 'StepFailed']);
    expect(rerun.rerun.map((r) => r.reason)).toEqual(['failed', 'failed']);

    const replay = historyToReplaySeed(history, { failures: 'replay' });
    expect(replay.operations.map((o) => [o.Id, o.Status])).toEqual([['c1', 'FAILED'], ['s1', 'FAILED']]);
    expect(replay.rerun).toEqual([]);
  });

  it('replays a failure the code caught inside a context that then succeeded', () => {
    const ctx = { id: 'c1', name: 'tolerant', subType: 'Map' };
    const item = step('s1', 'item', 'c1');
    const seed = historyToReplaySeed([
      started(),
      ev('ContextStarted', 1, ctx),
      ev('StepStarted', 1, item),
      ev('StepFailed', 1, item, { Error: error('bad item'), RetryDetails: { CurrentAttempt: 1 } }),
      ev('ContextSucceeded', 2, ctx, { Result: result('{"ok":0}') }),
    ]);
    expect(seed.operations.map((o) => [o.Id, o.Status])).toEqual([['c1', 'SUCCEEDED'], ['s1', 'FAILED']]);
  });

  it('runs again a completed step whose recorded result was truncated', () => {
    const big = step('s1', 'big');
    const seed = historyToReplaySeed([
      started(),
      ev('StepStarted', 1, big),
      ev('StepSucceeded', 1, big, { Result: { Payload: '"abc', Truncated: true }, RetryDetails: { CurrentAttempt: 1 } }),
    ]);
    expect(seed.operations).toEqual([]);
    expect(seed.rerun).toEqual([{ operationId: 's1', name: 'big', reason: 'truncated' }]);
  });

  it('reads ISO timestamps, as some exported files carry them', () => {
    const seed = historyToReplaySeed([
      { EventType: 'ExecutionStarted', EventTimestamp: '2026-01-01T00:00:00Z', Id: 'exec', ExecutionStartedDetails: { Input: { Payload: '{}', Truncated: false } } },
      { EventType: 'WaitStarted', EventTimestamp: '2026-01-01T00:00:01Z', Id: 'w', Name: 'w', SubType: 'Wait', WaitStartedDetails: { Duration: 10, ScheduledEndTimestamp: '2026-01-01T00:00:11Z' } },
    ]);
    expect(seed.operations[0]).toMatchObject({ StartTimestamp: Date.parse('2026-01-01T00:00:01Z'), WaitDetails: { ScheduledEndTimestamp: Date.parse('2026-01-01T00:00:11Z') } });
  });

  it('refuses a history without its start or with a truncated input', () => {
    expect(() => historyToReplaySeed([ev('StepStarted', 1, step('s1', 'x'))])).toThrow(HistoryReplayError);
    expect(() => historyToReplaySeed([ev('ExecutionStarted', 0, { id: 'exec' }, { Input: { Payload: '{"a', Truncated: true } })])).toThrow(/truncated/);
  });
});
