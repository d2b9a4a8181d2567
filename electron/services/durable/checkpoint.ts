import { LambdaApiError } from '../lambda/api-types.ts';
import { encodeCallbackId } from './arns.ts';
import { errorOf, operationEvent, payloadOf, seconds } from './history.ts';
import type { DurableStore, ExecutionRow } from './store.ts';
import type { Operation, OperationUpdate } from './wire.ts';

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
      if (u.Action !== 'SUCCEED' && u.Action !== 'FAIL') throw invalid('Invalid EXECUTION action.');
      if (index !== updates.length - 1) throw invalid('An EXECUTION update must be the last update of a checkpoint.');
      if (u.Action === 'SUCCEED' && u.Error !== undefined) throw invalid('Cannot provide an Error for SUCCEED action.');
      if (u.Action === 'FAIL' && u.Payload !== undefined) throw invalid('Cannot provide a Payload for FAIL action.');
      store.updateExecution(arn, {
        pendingClose: u.Action === 'SUCCEED' ? { status: 'SUCCEEDED', result: u.Payload ?? '' } : { status: 'FAILED', error: u.Error ?? {} },
      });
      return;
    }
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
    const base: Operation = current ?? {
      Id: u.Id,
      Type: u.Type,
      Status: 'STARTED',
      StartTimestamp: nowMs,
      ...(u.ParentId !== undefined ? { ParentId: u.ParentId } : {}),
      ...(u.Name !== undefined ? { Name: u.Name } : {}),
      ...(u.SubType !== undefined ? { SubType: u.SubType } : {}),
    };
    const op: Operation = structuredClone(base);
    const put = (eventType: string | undefined, details: Record<string, unknown>, extra: Record<string, unknown> = {}): void => {
      store.putOperation(arn, op);
      if (eventType !== undefined) store.appendEvent(arn, { ...operationEvent(eventType, op, nowMs, details), ...extra });
    };
    const close = (status: Operation['Status']): void => {
      op.Status = status;
      op.EndTimestamp = nowMs;
    };

    switch (u.Type) {
      case 'STEP': {
        const status = current?.Status;
        if (u.Action === 'START') {
          if (status !== undefined && status !== 'READY') throw invalid('Invalid current STEP state to start.');
          op.Status = 'STARTED';
          op.StepDetails = { ...op.StepDetails, Attempt: op.StepDetails?.Attempt ?? 0 };
          delete op.StepDetails.NextAttemptTimestamp;
          const skipped = op._retrySkipped === true;
          delete op._retrySkipped;
          put('StepStarted', {}, skipped ? { Skipped: true } : {});
          return;
        }
        if (u.Action === 'SUCCEED' || u.Action === 'FAIL' || u.Action === 'RETRY') {
          if (status !== undefined && status !== 'STARTED' && status !== 'READY') {
            throw invalid(u.Action === 'RETRY' ? 'Invalid current STEP state to re-attempt.' : 'Invalid current STEP state to close.');
          }
          const attempt = (op.StepDetails?.Attempt ?? 0) + 1;
          if (u.Action === 'SUCCEED') {
            if (u.Error !== undefined) throw invalid('Cannot provide an Error for SUCCEED action.');
            close('SUCCEEDED');
            op.StepDetails = { Attempt: attempt, ...(u.Payload !== undefined ? { Result: u.Payload } : {}) };
            put('StepSucceeded', { Result: payloadOf(u.Payload), RetryDetails: { CurrentAttempt: attempt } });
            return;
          }
          if (u.Action === 'FAIL') {
            if (u.Payload !== undefined) throw invalid('Cannot provide a Payload for FAIL action.');
            close('FAILED');
            op.StepDetails = { Attempt: attempt, ...(u.Error !== undefined ? { Error: u.Error } : {}) };
            put('StepFailed', { Error: errorOf(u.Error), RetryDetails: { CurrentAttempt: attempt } });
            return;
          }
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
          if (u.Error !== undefined) put('StepFailed', { Error: errorOf(u.Error), RetryDetails: retryDetails });
          else put('StepSucceeded', { Result: payloadOf(u.Payload), RetryDetails: retryDetails });
          return;
        }
        throw invalid('Invalid STEP action.');
      }
      case 'CONTEXT': {
        if (u.Action === 'START') {
          if (current !== undefined) throw invalid('Cannot start a CONTEXT that already exists.');
          put('ContextStarted', {});
          return;
        }
        if (u.Action === 'SUCCEED' || u.Action === 'FAIL') {
          if (current !== undefined && current.Status !== 'STARTED') throw invalid('Invalid current CONTEXT state to close.');
          const replay = u.ContextOptions?.ReplayChildren;
          if (u.Action === 'SUCCEED') {
            if (u.Error !== undefined) throw invalid('Cannot provide an Error for SUCCEED action.');
            close('SUCCEEDED');
            op.ContextDetails = { ...(replay !== undefined ? { ReplayChildren: replay } : {}), ...(u.Payload !== undefined ? { Result: u.Payload } : {}) };
            put('ContextSucceeded', { Result: payloadOf(u.Payload) });
          } else {
            if (u.Payload !== undefined) throw invalid('Cannot provide a Payload for FAIL action.');
            close('FAILED');
            op.ContextDetails = { ...(replay !== undefined ? { ReplayChildren: replay } : {}), ...(u.Error !== undefined ? { Error: u.Error } : {}) };
            put('ContextFailed', { Error: errorOf(u.Error) });
          }
          return;
        }
        throw invalid('Invalid CONTEXT action.');
      }
      case 'WAIT': {
        if (u.Action === 'START') {
          if (current !== undefined) throw invalid('Cannot start a WAIT that already exists.');
          if (u.WaitOptions === undefined) throw invalid('WaitOptions.WaitSeconds is required to start a WAIT.');
          const due = nowMs + u.WaitOptions.WaitSeconds * 1000;
          op.WaitDetails = { ScheduledEndTimestamp: due };
          store.setTimer({ arn, opId: op.Id, kind: 'wait', dueMs: due });
          put('WaitStarted', { Duration: u.WaitOptions.WaitSeconds, ScheduledEndTimestamp: seconds(due) });
          return;
        }
        if (u.Action === 'CANCEL') {
          if (current === undefined || current.Status !== 'STARTED') throw invalid('Cannot cancel a WAIT that does not exist or has already completed.');
          close('CANCELLED');
          store.deleteTimer(arn, op.Id, 'wait');
          put('WaitCancelled', { Error: errorOf(u.Error) });
          return;
        }
        throw invalid('Invalid WAIT action.');
      }
      case 'CALLBACK': {
        if (u.Action === 'START') {
          if (current !== undefined) throw invalid('Cannot start a CALLBACK that already exists.');
          const timeout = u.CallbackOptions?.TimeoutSeconds ?? 0;
          const heartbeat = u.CallbackOptions?.HeartbeatTimeoutSeconds ?? 0;
          op.CallbackDetails = { CallbackId: encodeCallbackId(arn, op.Id) };
          if (heartbeat > 0) op._heartbeatSeconds = heartbeat;
          if (timeout > 0) store.setTimer({ arn, opId: op.Id, kind: 'callback-timeout', dueMs: nowMs + timeout * 1000 });
          if (heartbeat > 0) store.setTimer({ arn, opId: op.Id, kind: 'callback-heartbeat', dueMs: nowMs + heartbeat * 1000 });
          put('CallbackStarted', {
            CallbackId: op.CallbackDetails.CallbackId,
            ...(timeout > 0 ? { Timeout: timeout } : {}),
            ...(heartbeat > 0 ? { HeartbeatTimeout: heartbeat } : {}),
          });
          return;
        }
        if (u.Action === 'CANCEL') {
          if (current === undefined || TERMINAL.has(current.Status)) throw invalid('Cannot cancel a CALLBACK that does not exist or has already completed.');
          close('CANCELLED');
          store.deleteTimer(arn, op.Id, 'callback-timeout');
          store.deleteTimer(arn, op.Id, 'callback-heartbeat');
          put(undefined, {});
          return;
        }
        throw invalid('Invalid CALLBACK action.');
      }
      case 'CHAINED_INVOKE': {
        if (u.Action === 'START') {
          if (current !== undefined) throw invalid('Cannot start a CHAINED_INVOKE that already exists.');
          const options = u.ChainedInvokeOptions;
          if (options === undefined) throw invalid('ChainedInvokeOptions.FunctionName is required to start a CHAINED_INVOKE.');
          put('ChainedInvokeStarted', {
            FunctionName: options.FunctionName,
            ...(options.TenantId !== undefined ? { TenantId: options.TenantId } : {}),
            Input: payloadOf(u.Payload),
          });
          invokes.push({ opId: op.Id, functionName: options.FunctionName, payload: u.Payload, tenantId: options.TenantId });
          return;
        }
        if (u.Action === 'CANCEL') {
          if (current === undefined || TERMINAL.has(current.Status)) throw invalid('Cannot cancel a CHAINED_INVOKE that does not exist or has already completed.');
          close('STOPPED');
          put('ChainedInvokeStopped', { Error: errorOf(u.Error) });
          return;
        }
        throw invalid('Invalid CHAINED_INVOKE action.');
      }
    }
  });
  return invokes;
}
