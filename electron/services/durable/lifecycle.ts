import { randomUUID } from 'node:crypto';
import { executionArn } from './arns.ts';
import { errorOf, invocationCompletedEvent, operationEvent, payloadOf } from './history.ts';
import type { DurableStore, ExecutionRow } from './store.ts';
import type { ErrorObject, ExecutionStatus, Operation } from './wire.ts';

/** What starting an execution needs to know. */
export interface StartExecutionInput {
  region: string;
  accountId: string;
  functionName: string;
  version: string;
  functionArn: string;
  name?: string;
  input: string;
  timeoutSeconds: number;
  retentionDays: number;
  traceId?: string;
  parentArn?: string;
  parentOpId?: string;
}

/**
 * Creates the execution row, its EXECUTION operation, the ExecutionStarted event and the
 * execution timeout, in one transaction. Returns the existing execution instead when the
 * name is already taken (the caller decides whether that is a conflict).
 */
export function insertExecution(store: DurableStore, s: StartExecutionInput, nowMs: number): { execution: ExecutionRow; created: boolean } {
  return store.tx(() => {
    if (s.name !== undefined) {
      const existing = store.findByName(s.functionName, s.name);
      if (existing !== undefined) return { execution: existing, created: false };
    }
    const executionId = randomUUID();
    const name = s.name ?? executionId;
    const arn = executionArn({ region: s.region, accountId: s.accountId, functionName: s.functionName, version: s.version, executionName: name, executionId });
    store.insertExecution({
      arn,
      functionName: s.functionName,
      functionArn: s.functionArn,
      version: s.version,
      name,
      executionId,
      status: 'RUNNING',
      input: s.input,
      startMs: nowMs,
      timeoutSeconds: s.timeoutSeconds,
      retentionDays: s.retentionDays,
      traceId: s.traceId ?? null,
      parentArn: s.parentArn ?? null,
      parentOpId: s.parentOpId ?? null,
    });
    const op: Operation = { Id: executionId, Type: 'EXECUTION', Status: 'STARTED', StartTimestamp: nowMs, Name: name, ExecutionDetails: { InputPayload: s.input } };
    store.putOperation(arn, op, true);
    store.appendEvent(arn, operationEvent('ExecutionStarted', op, nowMs, { Input: payloadOf(s.input), ExecutionTimeout: s.timeoutSeconds }));
    store.setTimer({ arn, opId: executionId, kind: 'execution-timeout', dueMs: nowMs + s.timeoutSeconds * 1000 });
    const execution = store.getExecution(arn);
    if (execution === undefined) throw new Error('execution vanished while being created');
    return { execution, created: true };
  });
}

const TERMINAL_EVENT: Record<Exclude<ExecutionStatus, 'RUNNING'>, string> = {
  SUCCEEDED: 'ExecutionSucceeded',
  FAILED: 'ExecutionFailed',
  STOPPED: 'ExecutionStopped',
  TIMED_OUT: 'ExecutionTimedOut',
};

/**
 * Closes an execution: the terminal event is the last event it will ever get. An
 * invocation still running is recorded as ended first (its later checkpoints are
 * rejected and its response ignored), so `InvocationCompleted` never follows the end.
 */
export function closeExecution(
  store: DurableStore,
  arn: string,
  status: Exclude<ExecutionStatus, 'RUNNING'>,
  outcome: { result?: string; error?: ErrorObject },
  nowMs: number,
  abandonedInvocationError?: ErrorObject,
): ExecutionRow | undefined {
  return store.tx(() => {
    const exec = store.getExecution(arn);
    if (exec === undefined || exec.status !== 'RUNNING') return undefined;
    if (exec.invocationId !== null && exec.invocationStartMs !== null) {
      store.appendEvent(arn, invocationCompletedEvent(exec.invocationStartMs, nowMs, exec.invocationId, abandonedInvocationError));
    }
    store.updateExecution(arn, {
      status,
      endMs: nowMs,
      result: status === 'SUCCEEDED' ? (outcome.result ?? null) : null,
      error: status === 'SUCCEEDED' ? null : (outcome.error ?? {}),
      token: null,
      invocationId: null,
      invocationStartMs: null,
      pendingClose: null,
    });
    store.deleteTimers(arn);
    const root = store.getOperation(arn, exec.executionId);
    if (root !== undefined) {
      const op: Operation = { ...root, Status: status === 'STOPPED' ? 'STOPPED' : status, EndTimestamp: nowMs };
      store.putOperation(arn, op, true);
      const details = status === 'SUCCEEDED' ? { Result: payloadOf(outcome.result) } : { Error: errorOf(outcome.error ?? {}) };
      store.appendEvent(arn, operationEvent(TERMINAL_EVENT[status], op, nowMs, details));
    }
    return store.getExecution(arn);
  });
}
