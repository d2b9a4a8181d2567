import type { HistoryEvent } from '../../../shared/contract/executions.ts';
import { eventTimeMs } from '../../../shared/executions/pending-callbacks.ts';
import type { ErrorObject, Operation, OperationStatus, OperationType } from './wire.ts';

/**
 * Turns a recorded execution's history (GetDurableExecutionHistory's events, from AWS or the
 * local service) into the operations a new execution starts from, so the SDK replays what the
 * record completed and runs the rest with the local code.
 */

/** A callback that was still waiting in the record: the new execution issues its own id for it. */
export interface OpenCallbackSeed {
  operationId: string;
  /** As the record's CallbackStarted said; the new execution counts them from its own start. */
  timeoutSeconds?: number;
  heartbeatSeconds?: number;
}

/** An operation of the record that the new execution runs again instead of replaying, and why. */
export interface RerunOperation {
  operationId: string;
  name?: string;
  reason: 'in-flight' | 'failed' | 'truncated';
}

/** What a new execution needs to start where the record left off. */
export interface ReplaySeed {
  /** The record's input payload. */
  input: string;
  /**
   * Operations in the order the record started them (parents before children), timestamps in
   * epoch milliseconds. Open callbacks carry no `CallbackId`: the new execution issues one.
   */
  operations: Operation[];
  openCallbacks: OpenCallbackSeed[];
  /**
   * The record's events of the kept operations, oldest first and without `EventId`, for the new
   * history; events of attempts that never ended and of closings that are undone are left out.
   */
  events: HistoryEvent[];
  rerun: RerunOperation[];
}

/** What a failure in the record becomes. */
export interface ReplayOptions {
  /**
   * `rerun` (the default): a step that failed for good gets one more attempt with the local code
   * (its attempt count kept), and every failed context is entered again to reach it, so the
   * failure happens again in front of the debugger with its logs. `replay`: failures replay as
   * recorded, like every other completed operation.
   */
  failures?: 'rerun' | 'replay';
}

/** The history cannot seed an execution (no start event, a truncated input). */
export class HistoryReplayError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'HistoryReplayError';
  }
}

const TYPE_BY_PREFIX: [string, OperationType][] = [
  ['ChainedInvoke', 'CHAINED_INVOKE'],
  ['Callback', 'CALLBACK'],
  ['Context', 'CONTEXT'],
  ['Step', 'STEP'],
  ['Wait', 'WAIT'],
];

const CLOSING: [string, OperationStatus][] = [
  ['Succeeded', 'SUCCEEDED'],
  ['Failed', 'FAILED'],
  ['TimedOut', 'TIMED_OUT'],
  ['Stopped', 'STOPPED'],
  ['Cancelled', 'CANCELLED'],
];

/** One operation as the record's events build it up. */
interface Replayed {
  op: Operation;
  events: HistoryEvent[];
  /** Index in `events` of the StepStarted of an attempt that has not ended, if any. */
  openAttempt?: number;
  /** Index in `events` of the event that closed it. */
  closing?: number;
  truncated: boolean;
  timeoutSeconds?: number;
  heartbeatSeconds?: number;
}

function record(value: unknown): Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Record<string, unknown>) : {};
}

function detailsOf(event: HistoryEvent): Record<string, unknown> {
  return record((event as Record<string, unknown>)[`${event.EventType}Details`]);
}

function num(value: unknown): number | undefined {
  return typeof value === 'number' && Number.isFinite(value) ? value : undefined;
}

/** `{Payload, Truncated}` → the payload text (absent stays absent) and whether it was cut. */
function payloadOf(holder: unknown): { text?: string; truncated: boolean } {
  const h = record(holder);
  const text = h['Payload'];
  return { ...(typeof text === 'string' ? { text } : {}), truncated: h['Truncated'] === true };
}

/** `{Payload: ErrorObject, Truncated}` → the error object, keeping only ErrorObject's members. */
function errorOf(holder: unknown): { error: ErrorObject; truncated: boolean } {
  const h = record(holder);
  const e = record(h['Payload']);
  const text = (key: string): string | undefined => (typeof e[key] === 'string' ? e[key] : undefined);
  const type = text('ErrorType');
  const message = text('ErrorMessage');
  const data = text('ErrorData');
  const stack = Array.isArray(e['StackTrace']) ? e['StackTrace'].filter((l): l is string => typeof l === 'string') : undefined;
  const error: ErrorObject = {
    ...(type === undefined ? {} : { ErrorType: type }),
    ...(message === undefined ? {} : { ErrorMessage: message }),
    ...(data === undefined ? {} : { ErrorData: data }),
    ...(stack === undefined ? {} : { StackTrace: stack }),
  };
  return { error, truncated: h['Truncated'] === true };
}

/** Applies one operation event to the operation it names. */
function apply(r: Replayed, event: HistoryEvent, kind: string, t: number): void {
  const d = detailsOf(event);
  const op = r.op;
  const index = r.events.length;
  r.events.push(event);
  if (kind === 'Started') {
    op.Status = 'STARTED';
    if (op.Type === 'STEP') {
      r.openAttempt = index;
      if (op.StepDetails !== undefined) delete op.StepDetails.NextAttemptTimestamp;
    }
    if (op.Type === 'WAIT') {
      const end = d['ScheduledEndTimestamp'];
      const duration = num(d['Duration']);
      const endMs = end !== undefined ? eventTimeMs(end) : duration !== undefined ? t + duration * 1000 : undefined;
      if (endMs !== undefined && Number.isFinite(endMs)) op.WaitDetails = { ScheduledEndTimestamp: endMs };
    }
    if (op.Type === 'CALLBACK') {
      const timeout = num(d['Timeout']);
      const heartbeat = num(d['HeartbeatTimeout']);
      if (timeout !== undefined && timeout > 0) r.timeoutSeconds = timeout;
      if (heartbeat !== undefined && heartbeat > 0) r.heartbeatSeconds = heartbeat;
      if (typeof d['CallbackId'] === 'string') op.CallbackDetails = { CallbackId: d['CallbackId'] };
    }
    return;
  }
  const status = CLOSING.find(([suffix]) => suffix === kind)?.[1];
  if (status === undefined) return;
  const result = payloadOf(d['Result']);
  const failure = status === 'SUCCEEDED' ? undefined : errorOf(d['Error']);
  r.truncated = result.truncated || failure?.truncated === true;
  const outcome = {
    ...(status === 'SUCCEEDED' && result.text !== undefined ? { Result: result.text } : {}),
    ...(failure === undefined ? {} : { Error: failure.error }),
  };
  delete r.openAttempt;
  if (op.Type === 'STEP') {
    const retry = record(d['RetryDetails']);
    const attempt = num(retry['CurrentAttempt']) ?? (op.StepDetails?.Attempt ?? 0) + 1;
    const delay = num(retry['NextAttemptDelaySeconds']);
    if (delay !== undefined) {
      // A retry was scheduled: the step waits for its next attempt (a waitForCondition keeps its state in Result).
      op.Status = 'PENDING';
      op.StepDetails = { Attempt: attempt, NextAttemptTimestamp: t + delay * 1000, ...outcome };
      return;
    }
    op.StepDetails = { Attempt: attempt, ...outcome };
  } else if (op.Type === 'CONTEXT') {
    op.ContextDetails = outcome;
  } else if (op.Type === 'CALLBACK') {
    op.CallbackDetails = { ...op.CallbackDetails, ...outcome };
  } else if (op.Type === 'CHAINED_INVOKE') {
    op.ChainedInvokeDetails = outcome;
  }
  op.Status = status;
  op.EndTimestamp = t;
  r.closing = index;
}

/**
 * Converts a recorded history into the operations a new execution starts from.
 *
 * - Completed operations keep their results, so the SDK replays them without running their code.
 * - A step keeps its attempt count; one whose retry was scheduled stays PENDING until its
 *   recorded next attempt time (due at once when that has passed).
 * - A step attempt or chained invoke still running in the record is in flight: a step with
 *   earlier attempts becomes READY (its next attempt runs locally), anything else is left out
 *   so it runs again.
 * - A wait still running keeps its recorded end time (due at once when that has passed).
 * - A callback still waiting stays open; the new execution gives it a local id (`openCallbacks`).
 * - A completed step or chained invoke whose payload the record truncated runs again rather
 *   than replaying a cut payload; such a context is entered again.
 * - Failures: see `ReplayOptions.failures`.
 */
export function historyToReplaySeed(events: readonly HistoryEvent[], options: ReplayOptions = {}): ReplaySeed {
  const rerunFailures = (options.failures ?? 'rerun') === 'rerun';
  let input: string | undefined;
  const byId = new Map<string, Replayed>();
  for (const event of events) {
    const type = event.EventType;
    if (type === 'ExecutionStarted') {
      const payload = payloadOf(detailsOf(event)['Input']);
      if (payload.truncated) throw new HistoryReplayError('The recorded input is truncated, so the execution cannot start from it.');
      input = payload.text ?? '{}';
      continue;
    }
    const match = TYPE_BY_PREFIX.find(([prefix]) => type.startsWith(prefix));
    if (match === undefined || event.Id === undefined) continue;
    const [prefix, opType] = match;
    const t = eventTimeMs(event.EventTimestamp);
    let r = byId.get(event.Id);
    if (r === undefined) {
      const op: Operation = {
        Id: event.Id,
        Type: opType,
        Status: 'STARTED',
        StartTimestamp: t,
        ...(event.ParentId === undefined ? {} : { ParentId: event.ParentId }),
        ...(event.Name === undefined ? {} : { Name: event.Name }),
        ...(event.SubType === undefined ? {} : { SubType: event.SubType }),
      };
      r = { op, events: [], truncated: false };
      byId.set(event.Id, r);
    }
    apply(r, event, type.slice(prefix.length), t);
  }
  if (input === undefined) throw new HistoryReplayError('The history has no ExecutionStarted event, so it does not say how the execution started.');

  const seed: ReplaySeed = { input, operations: [], openCallbacks: [], events: [], rerun: [] };
  const rerun = (r: Replayed, reason: RerunOperation['reason']): void => {
    seed.rerun.push({ operationId: r.op.Id, ...(r.op.Name === undefined ? {} : { name: r.op.Name }), reason });
  };
  /** Keeps the operation open again: its closing event (and a never-ended attempt) drop out of the new history. */
  const reopen = (r: Replayed, status: OperationStatus): Replayed => {
    const op: Operation = { ...r.op, Status: status };
    delete op.EndTimestamp;
    if (op.Type === 'STEP') op.StepDetails = { Attempt: op.StepDetails?.Attempt ?? 0 };
    if (op.Type === 'CONTEXT') delete op.ContextDetails;
    const dropped = new Set([r.openAttempt, op.Type === 'STEP' ? undefined : r.closing]);
    return { ...r, op, events: r.events.filter((_, i) => !dropped.has(i)) };
  };

  /**
   * Whether a context around the operation succeeded: the code caught the failure there, and the
   * SDK replays that context from its result without entering it, so reopening inside is moot.
   */
  const insideClosedContext = (r: Replayed): boolean => {
    for (let parent = r.op.ParentId; parent !== undefined; ) {
      const p = byId.get(parent);
      if (p === undefined) return false;
      if (p.op.Status === 'SUCCEEDED' && !p.truncated) return true;
      parent = p.op.ParentId;
    }
    return false;
  };

  for (const r of byId.values()) {
    let kept: Replayed | undefined = r;
    const { op } = r;
    if (op.Type === 'STEP') {
      if (op.Status === 'STARTED') {
        rerun(r, 'in-flight');
        kept = (op.StepDetails?.Attempt ?? 0) > 0 ? reopen(r, 'READY') : undefined;
      } else if (r.truncated) {
        rerun(r, 'truncated');
        kept = undefined;
      } else if (op.Status === 'FAILED' && rerunFailures && !insideClosedContext(r)) {
        rerun(r, 'failed');
        kept = reopen(r, 'READY');
      }
    } else if (op.Type === 'CONTEXT') {
      if (r.truncated) {
        rerun(r, 'truncated');
        kept = reopen(r, 'STARTED');
      } else if (op.Status === 'FAILED' && rerunFailures && !insideClosedContext(r)) {
        rerun(r, 'failed');
        kept = reopen(r, 'STARTED');
      }
    } else if (op.Type === 'CHAINED_INVOKE' && (op.Status === 'STARTED' || r.truncated)) {
      rerun(r, op.Status === 'STARTED' ? 'in-flight' : 'truncated');
      kept = undefined;
    } else if (op.Type === 'CALLBACK' && op.Status === 'STARTED') {
      const open: Operation = { ...op };
      delete open.CallbackDetails;
      kept = { ...r, op: open };
      seed.openCallbacks.push({
        operationId: op.Id,
        ...(r.timeoutSeconds === undefined ? {} : { timeoutSeconds: r.timeoutSeconds }),
        ...(r.heartbeatSeconds === undefined ? {} : { heartbeatSeconds: r.heartbeatSeconds }),
      });
    } else if (op.Type === 'CALLBACK' && r.truncated) {
      // An answer cut short cannot be replayed, and nobody can send it again: fail loudly instead.
      throw new HistoryReplayError(`The recorded answer to callback ${op.Name ?? op.Id} is truncated, so it cannot be replayed.`);
    }
    if (kept === undefined) continue;
    seed.operations.push(kept.op);
    seed.events.push(...kept.events);
  }
  // Events of all kept operations, back in the record's order.
  const order = new Map(events.map((e, i) => [e, i]));
  seed.events.sort((a, b) => (order.get(a) ?? 0) - (order.get(b) ?? 0));
  seed.events = seed.events.map((e) => {
    const copy: HistoryEvent = { ...e };
    delete copy.EventId;
    return copy;
  });
  return seed;
}
