import { closeExecution } from './lifecycle.ts';
import { errorOf, operationEvent, payloadOf } from './history.ts';
import type { DurableStore, TimerRow } from './store.ts';
import type { ErrorObject, Operation } from './wire.ts';

/**
 * Transitions the service makes on its own (a timer fired, a callback arrived, a chained
 * invoke finished). Each runs in one transaction and marks a service-side change, which is
 * what makes the engine (re-)invoke the handler. Returns whether anything changed.
 */

// Lambda's errors for the two ways a callback times out: the messages are asserted verbatim by
// the SDK's examples, the types appear in the histories AWS records.
const CALLBACK_TIMEOUT: ErrorObject = { ErrorType: 'Callback.Timeout', ErrorMessage: 'Callback timed out' };
const HEARTBEAT_TIMEOUT: ErrorObject = { ErrorType: 'Callback.Heartbeat', ErrorMessage: 'Callback timed out on heartbeat' };

/** Applies a due (or skipped) timer. `skipped` records in history that the virtual clock fast-forwarded it. */
export function fireTimer(store: DurableStore, t: TimerRow, nowMs: number, skipped: boolean): boolean {
  return store.tx(() => {
    store.deleteTimer(t.arn, t.opId, t.kind);
    const exec = store.getExecution(t.arn);
    if (exec === undefined || exec.status !== 'RUNNING') return false;
    if (t.kind === 'execution-timeout') {
      const error: ErrorObject = { ErrorType: 'ExecutionTimedOut', ErrorMessage: `Execution timed out after ${exec.timeoutSeconds} seconds.` };
      closeExecution(store, t.arn, 'TIMED_OUT', { error }, nowMs, error);
      return true;
    }
    if (t.kind === 'invoke-retry') {
      // Only wakes the execution: a service change makes the engine invoke again.
      const root = store.getOperation(t.arn, exec.executionId);
      if (root !== undefined) store.putOperation(t.arn, root, true);
      return true;
    }
    const op = store.getOperation(t.arn, t.opId);
    if (op === undefined) return false;
    const mark = (event: Record<string, unknown>): Record<string, unknown> => (skipped ? { ...event, Skipped: true } : event);
    if (t.kind === 'wait') {
      if (op.Status !== 'STARTED') return false;
      const scheduled = op.WaitDetails?.ScheduledEndTimestamp ?? nowMs;
      const duration = Math.round((scheduled - op.StartTimestamp) / 1000);
      const next: Operation = { ...op, Status: 'SUCCEEDED', EndTimestamp: nowMs };
      store.putOperation(t.arn, next, true);
      store.appendEvent(t.arn, mark(operationEvent('WaitSucceeded', next, nowMs, { Duration: duration })));
      return true;
    }
    if (t.kind === 'retry') {
      if (op.Status !== 'PENDING') return false;
      store.putOperation(t.arn, { ...op, Status: 'READY', ...(skipped ? { _retrySkipped: true } : {}) }, true);
      return true;
    }
    // Callback timeout or missed heartbeat.
    if (op.Status !== 'STARTED') return false;
    store.deleteTimer(t.arn, t.opId, 'callback-timeout');
    store.deleteTimer(t.arn, t.opId, 'callback-heartbeat');
    const error: ErrorObject = { ...(t.kind === 'callback-heartbeat' ? HEARTBEAT_TIMEOUT : CALLBACK_TIMEOUT) };
    const next: Operation = { ...op, Status: 'TIMED_OUT', EndTimestamp: nowMs, CallbackDetails: { ...op.CallbackDetails, Error: error } };
    store.putOperation(t.arn, next, true);
    store.appendEvent(t.arn, mark(operationEvent('CallbackTimedOut', next, nowMs, { Error: errorOf(error) })));
    return true;
  });
}

/** Completes a CALLBACK from the client APIs. The caller has checked the id and state. */
export function completeCallback(store: DurableStore, arn: string, op: Operation, outcome: { result?: string; error?: ErrorObject }, nowMs: number): void {
  store.tx(() => {
    store.deleteTimer(arn, op.Id, 'callback-timeout');
    store.deleteTimer(arn, op.Id, 'callback-heartbeat');
    const succeeded = outcome.error === undefined;
    const next: Operation = {
      ...op,
      Status: succeeded ? 'SUCCEEDED' : 'FAILED',
      EndTimestamp: nowMs,
      CallbackDetails: {
        ...op.CallbackDetails,
        ...(outcome.result !== undefined ? { Result: outcome.result } : {}),
        ...(outcome.error !== undefined ? { Error: outcome.error } : {}),
      },
    };
    store.putOperation(arn, next, true);
    store.appendEvent(
      arn,
      succeeded
        ? operationEvent('CallbackSucceeded', next, nowMs, { Result: payloadOf(outcome.result) })
        : operationEvent('CallbackFailed', next, nowMs, { Error: errorOf(outcome.error) }),
    );
  });
}

/** How a chained invoke ended, as recorded on the calling execution. */
export type ChainedOutcome = { status: 'SUCCEEDED'; result?: string } | { status: 'FAILED' | 'TIMED_OUT' | 'STOPPED'; error: ErrorObject };

const CHAINED_EVENT = { SUCCEEDED: 'ChainedInvokeSucceeded', FAILED: 'ChainedInvokeFailed', TIMED_OUT: 'ChainedInvokeTimedOut', STOPPED: 'ChainedInvokeStopped' } as const;

/** Records a chained invoke's end on the calling execution. Returns false when there was nothing to complete. */
export function completeChainedInvoke(store: DurableStore, arn: string, opId: string, outcome: ChainedOutcome, nowMs: number): boolean {
  return store.tx(() => {
    const exec = store.getExecution(arn);
    const op = store.getOperation(arn, opId);
    if (exec === undefined || exec.status !== 'RUNNING' || op === undefined || op.Status !== 'STARTED') return false;
    const next: Operation = {
      ...op,
      Status: outcome.status,
      EndTimestamp: nowMs,
      ChainedInvokeDetails: outcome.status === 'SUCCEEDED' ? (outcome.result !== undefined ? { Result: outcome.result } : {}) : { Error: outcome.error },
    };
    store.putOperation(arn, next, true);
    const details = outcome.status === 'SUCCEEDED' ? { Result: payloadOf(outcome.result) } : { Error: errorOf(outcome.error) };
    store.appendEvent(arn, operationEvent(CHAINED_EVENT[outcome.status], next, nowMs, details));
    return true;
  });
}
