import { LambdaApiError } from '../lambda/api-types.ts';
import { encodeCallbackId, newCheckpointToken } from './arns.ts';
import { errorOf, operationEvent, payloadOf, seconds } from './history.ts';
import type { DurableStore, ExecutionRow } from './store.ts';
import { type Operation, type OperationAction, type OperationType, type OperationUpdate, operationOnWire, toEpochSeconds } from './wire.ts';

/** Work a checkpoint asks for that happens outside its transaction. */
export interface ChainedInvokeRequest {
  opId: string;
  functionName: string;
  payload: string | undefined;
  tenantId: string | undefined;
}

function invalid(message: string): LambdaApiError {
  return new LambdaApiError(400, 'InvalidParameterValueException', message);
}

const TERMINAL = new Set(['SUCCEEDED', 'FAILED', 'CANCELLED', 'TIMED_OUT', 'STOPPED']);

/** What one operation update's transition works with. */
interface Transition {
  store: DurableStore;
  arn: string;
  u: OperationUpdate;
  /** The operation as stored before this update; undefined when the update creates it. */
  current: Operation | undefined;
  /** The operation being changed (a copy of `current`, or a new STARTED one). */
  op: Operation;
  nowMs: number;
  /** Stores `op` and, when an event type is given, appends its history event. */
  put(eventType: string | undefined, details: Record<string, unknown>, extra?: Record<string, unknown>): void;
  /** Marks `op` closed now with `status`. */
  close(status: Operation['Status']): void;
  /** Chained invokes to start once the checkpoint's transaction commits. */
  invokes: ChainedInvokeRequest[];
}

type TransitionFn = (t: Transition) => void;

function noErrorOnSucceed(u: OperationUpdate): void {
  if (u.Error !== undefined) throw invalid('Cannot provide an Error for SUCCEED action.');
}

function noPayloadOnFail(u: OperationUpdate): void {
  if (u.Payload !== undefined) throw invalid('Cannot provide a Payload for FAIL action.');
}

function mustNotExist(t: Transition): void {
  if (t.current !== undefined) throw invalid(`Cannot start a ${t.u.Type} that already exists.`);
}

/** STEP SUCCEED, FAIL and RETRY close an attempt: only a STARTED or READY step has one open. */
function closingAttempt(t: Transition): number {
  const status = t.current?.Status;
  if (status !== undefined && status !== 'STARTED' && status !== 'READY') {
    throw invalid(t.u.Action === 'RETRY' ? 'Invalid current STEP state to re-attempt.' : 'Invalid current STEP state to close.');
  }
  return (t.op.StepDetails?.Attempt ?? 0) + 1;
}

const STEP: Partial<Record<OperationAction, TransitionFn>> = {
  START: ({ current, op, put }) => {
    if (current !== undefined && current.Status !== 'READY') throw invalid('Invalid current STEP state to start.');
    op.Status = 'STARTED';
    op.StepDetails = { ...op.StepDetails, Attempt: op.StepDetails?.Attempt ?? 0 };
    delete op.StepDetails.NextAttemptTimestamp;
    const skipped = op._retrySkipped === true;
    delete op._retrySkipped;
    put('StepStarted', {}, skipped ? { Skipped: true } : {});
  },
  SUCCEED: (t) => {
    const attempt = closingAttempt(t);
    const { u, op } = t;
    noErrorOnSucceed(u);
    t.close('SUCCEEDED');
    op.StepDetails = { Attempt: attempt, ...(u.Payload !== undefined ? { Result: u.Payload } : {}) };
    t.put('StepSucceeded', { Result: payloadOf(u.Payload), RetryDetails: { CurrentAttempt: attempt } });
  },
  FAIL: (t) => {
    const attempt = closingAttempt(t);
    const { u, op } = t;
    noPayloadOnFail(u);
    t.close('FAILED');
    op.StepDetails = { Attempt: attempt, ...(u.Error !== undefined ? { Error: u.Error } : {}) };
    t.put('StepFailed', { Error: errorOf(u.Error), RetryDetails: { CurrentAttempt: attempt } });
  },
  RETRY: (t) => {
    const attempt = closingAttempt(t);
    const { u, op, store, arn, nowMs } = t;
    if (u.StepOptions === undefined) throw invalid('Invalid StepOptions for the given action.');
    if (u.Error !== undefined && u.Payload !== undefined) throw invalid('Cannot provide both error and payload to RETRY a STEP.');
    const delay = u.StepOptions.NextAttemptDelaySeconds ?? 1;
    const due = nowMs + delay * 1000;
    op.Status = 'PENDING';
    op.StepDetails = {
      Attempt: attempt,
      NextAttemptTimestamp: due,
      ...(u.Payload !== undefined ? { Result: u.Payload } : {}),
      ...(u.Error !== undefined ? { Error: u.Error } : {}),
    };
    store.setTimer({ arn, opId: op.Id, kind: 'retry', dueMs: due });
    const retryDetails = { CurrentAttempt: attempt, NextAttemptDelaySeconds: delay };
    if (u.Error !== undefined) t.put('StepFailed', { Error: errorOf(u.Error), RetryDetails: retryDetails });
    else t.put('StepSucceeded', { Result: payloadOf(u.Payload), RetryDetails: retryDetails });
  },
};

/** CONTEXT SUCCEED and FAIL: only a STARTED context (or one created by this update) closes. */
function closeContext(t: Transition, succeeded: boolean): void {
  const { u, op, current } = t;
  if (current !== undefined && current.Status !== 'STARTED') throw invalid('Invalid current CONTEXT state to close.');
  const replay = u.ContextOptions?.ReplayChildren;
  const replayDetails = replay !== undefined ? { ReplayChildren: replay } : {};
  if (succeeded) {
    noErrorOnSucceed(u);
    t.close('SUCCEEDED');
    op.ContextDetails = { ...replayDetails, ...(u.Payload !== undefined ? { Result: u.Payload } : {}) };
    t.put('ContextSucceeded', { Result: payloadOf(u.Payload) });
  } else {
    noPayloadOnFail(u);
    t.close('FAILED');
    op.ContextDetails = { ...replayDetails, ...(u.Error !== undefined ? { Error: u.Error } : {}) };
    t.put('ContextFailed', { Error: errorOf(u.Error) });
  }
}

const CONTEXT: Partial<Record<OperationAction, TransitionFn>> = {
  START: (t) => {
    mustNotExist(t);
    t.put('ContextStarted', {});
  },
  SUCCEED: (t) => closeContext(t, true),
  FAIL: (t) => closeContext(t, false),
};

const WAIT: Partial<Record<OperationAction, TransitionFn>> = {
  START: (t) => {
    mustNotExist(t);
    const { u, op, store, arn, nowMs } = t;
    if (u.WaitOptions === undefined) throw invalid('WaitOptions.WaitSeconds is required to start a WAIT.');
    const due = nowMs + u.WaitOptions.WaitSeconds * 1000;
    op.WaitDetails = { ScheduledEndTimestamp: due };
    store.setTimer({ arn, opId: op.Id, kind: 'wait', dueMs: due });
    t.put('WaitStarted', { Duration: u.WaitOptions.WaitSeconds, ScheduledEndTimestamp: seconds(due) });
  },
  CANCEL: (t) => {
    if (t.current === undefined || t.current.Status !== 'STARTED') throw invalid('Cannot cancel a WAIT that does not exist or has already completed.');
    t.close('CANCELLED');
    t.store.deleteTimer(t.arn, t.op.Id, 'wait');
    t.put('WaitCancelled', { Error: errorOf(t.u.Error) });
  },
};

const CALLBACK: Partial<Record<OperationAction, TransitionFn>> = {
  START: (t) => {
    mustNotExist(t);
    const { u, op, store, arn, nowMs } = t;
    const timeout = u.CallbackOptions?.TimeoutSeconds ?? 0;
    const heartbeat = u.CallbackOptions?.HeartbeatTimeoutSeconds ?? 0;
    op.CallbackDetails = { CallbackId: encodeCallbackId(arn, op.Id) };
    if (heartbeat > 0) op._heartbeatSeconds = heartbeat;
    if (timeout > 0) store.setTimer({ arn, opId: op.Id, kind: 'callback-timeout', dueMs: nowMs + timeout * 1000 });
    if (heartbeat > 0) store.setTimer({ arn, opId: op.Id, kind: 'callback-heartbeat', dueMs: nowMs + heartbeat * 1000 });
    t.put('CallbackStarted', {
      CallbackId: op.CallbackDetails.CallbackId,
      ...(timeout > 0 ? { Timeout: timeout } : {}),
      ...(heartbeat > 0 ? { HeartbeatTimeout: heartbeat } : {}),
    });
  },
  CANCEL: (t) => {
    if (t.current === undefined || TERMINAL.has(t.current.Status)) throw invalid('Cannot cancel a CALLBACK that does not exist or has already completed.');
    t.close('CANCELLED');
    t.store.deleteTimer(t.arn, t.op.Id, 'callback-timeout');
    t.store.deleteTimer(t.arn, t.op.Id, 'callback-heartbeat');
    t.put(undefined, {});
  },
};

const CHAINED_INVOKE: Partial<Record<OperationAction, TransitionFn>> = {
  START: (t) => {
    mustNotExist(t);
    const { u, op } = t;
    const options = u.ChainedInvokeOptions;
    if (options === undefined) throw invalid('ChainedInvokeOptions.FunctionName is required to start a CHAINED_INVOKE.');
    t.put('ChainedInvokeStarted', {
      FunctionName: options.FunctionName,
      ...(options.TenantId !== undefined ? { TenantId: options.TenantId } : {}),
      Input: payloadOf(u.Payload),
    });
    t.invokes.push({ opId: op.Id, functionName: options.FunctionName, payload: u.Payload, tenantId: options.TenantId });
  },
  CANCEL: (t) => {
    if (t.current === undefined || TERMINAL.has(t.current.Status)) throw invalid('Cannot cancel a CHAINED_INVOKE that does not exist or has already completed.');
    t.close('STOPPED');
    t.put('ChainedInvokeStopped', { Error: errorOf(t.u.Error) });
  },
};

/** Each operation type's allowed actions; an action missing here is refused as `Invalid <TYPE> action.` */
const TRANSITIONS: Readonly<Record<Exclude<OperationType, 'EXECUTION'>, Partial<Record<OperationAction, TransitionFn>>>> = {
  STEP,
  CONTEXT,
  WAIT,
  CALLBACK,
  CHAINED_INVOKE,
};

/** The EXECUTION update closes the execution once the invocation ends; it must come last. */
function applyExecutionUpdate(store: DurableStore, arn: string, u: OperationUpdate, isLast: boolean): void {
  if (u.Action !== 'SUCCEED' && u.Action !== 'FAIL') throw invalid('Invalid EXECUTION action.');
  if (!isLast) throw invalid('An EXECUTION update must be the last update of a checkpoint.');
  if (u.Action === 'SUCCEED') noErrorOnSucceed(u);
  else noPayloadOnFail(u);
  store.updateExecution(arn, {
    pendingClose: u.Action === 'SUCCEED' ? { status: 'SUCCEEDED', result: u.Payload ?? '' } : { status: 'FAILED', error: u.Error ?? {} },
  });
}

/**
 * Applies one checkpoint's updates in order, validating each against the operation's
 * current state (including changes made by earlier updates of the same request). Must be
 * called inside a store transaction: the first invalid update throws and rolls back the
 * whole request, so a rejected checkpoint changes nothing.
 */
export function applyUpdates(store: DurableStore, exec: ExecutionRow, updates: OperationUpdate[], nowMs: number): ChainedInvokeRequest[] {
  const arn = exec.arn;
  const invokes: ChainedInvokeRequest[] = [];
  const seenInRequest = new Map<string, OperationUpdate['Action'][]>();

  updates.forEach((u, index) => {
    if (u.Type === 'EXECUTION') {
      applyExecutionUpdate(store, arn, u, index === updates.length - 1);
      return;
    }
    // A STEP or CONTEXT may start and close in one checkpoint; anything else is one update per operation.
    const earlier = seenInRequest.get(u.Id);
    if (earlier !== undefined && !((u.Type === 'STEP' || u.Type === 'CONTEXT') && earlier.length === 1 && earlier[0] === 'START')) {
      throw invalid(`Operation ${u.Id} is updated more than once in one checkpoint.`);
    }
    seenInRequest.set(u.Id, [...(earlier ?? []), u.Action]);

    if (u.ParentId !== undefined) {
      const parent = store.getOperation(arn, u.ParentId);
      if (parent === undefined || parent.Type !== 'CONTEXT') throw invalid(`ParentId ${u.ParentId} does not name a CONTEXT operation of this execution.`);
    }
    const current = store.getOperation(arn, u.Id);
    if (current !== undefined && current.Type !== u.Type) {
      throw invalid(`Operation ${u.Id} is a ${current.Type}, not a ${u.Type}.`);
    }
    const transition = TRANSITIONS[u.Type][u.Action];
    if (transition === undefined) throw invalid(`Invalid ${u.Type} action.`);
    // The store hands out a new copy on every read: a second read is the transition's own to change.
    const op: Operation = (current === undefined ? undefined : store.getOperation(arn, u.Id)) ?? {
      Id: u.Id,
      Type: u.Type,
      Status: 'STARTED',
      StartTimestamp: nowMs,
      ...(u.ParentId !== undefined ? { ParentId: u.ParentId } : {}),
      ...(u.Name !== undefined ? { Name: u.Name } : {}),
      ...(u.SubType !== undefined ? { SubType: u.SubType } : {}),
    };
    transition({
      store,
      arn,
      u,
      current,
      op,
      nowMs,
      invokes,
      put: (eventType, details, extra = {}) => {
        store.putOperation(arn, op);
        if (eventType !== undefined) store.appendEvent(arn, { ...operationEvent(eventType, op, nowMs, details), ...extra });
      },
      close: (status) => {
        op.Status = status;
        op.EndTimestamp = nowMs;
      },
    });
  });
  return invokes;
}

/**
 * One CheckpointDurableExecution, in one transaction: the updates, the next checkpoint token
 * and the answer (the operations changed since the handler last saw them). The store writes
 * each changed operation's row once and the execution's row once when the transaction commits.
 */
export function runCheckpoint(store: DurableStore, exec: ExecutionRow, updates: OperationUpdate[], nowMs: number): { response: string; invokes: ChainedInvokeRequest[] } {
  return store.tx(() => {
    const invokes = applyUpdates(store, exec, updates, nowMs);
    const after = store.getExecution(exec.arn) as ExecutionRow;
    const closing = after.pendingClose !== null;
    const token = closing ? after.token : newCheckpointToken();
    const operations = store.operationsChangedAfter(exec.arn, exec.seenChange).map((op) => operationOnWire(op, toEpochSeconds));
    store.updateExecution(exec.arn, { token, seenChange: after.changeNo });
    const response = JSON.stringify({ ...(closing ? {} : { CheckpointToken: token }), NewExecutionState: { Operations: operations } });
    return { response, invokes };
  });
}
