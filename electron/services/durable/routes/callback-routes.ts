import { LambdaApiError, type ApiRoute } from '../../lambda/api-types.ts';
import { decodeCallbackId } from '../arns.ts';
import type { EngineInternals } from '../engine-types.ts';
import { completeCallback } from '../service-events.ts';
import type { ExecutionRow } from '../store.ts';
import { ErrorObject, MAX_CALLBACK_RESULT_BYTES, type Operation } from '../wire.ts';
import { API, invalidParameter, notFound, parseBody } from './common.ts';

/** Finds the open callback an id names. A malformed id, an unknown one and a closed one each get Lambda's own error. */
function openCallback(ctx: EngineInternals, callbackId: string): { exec: ExecutionRow; op: Operation } {
  const ref = decodeCallbackId(callbackId);
  if (ref === undefined) throw invalidParameter('The callback id is not valid: use the CallbackId from the CallbackStarted event or the CALLBACK operation.');
  const exec = ctx.store.getExecution(ref.arn);
  const op = exec === undefined ? undefined : ctx.store.getOperation(ref.arn, ref.operationId);
  if (exec === undefined || op === undefined || op.Type !== 'CALLBACK' || op.CallbackDetails?.CallbackId !== callbackId) {
    throw notFound('No callback with this id exists.');
  }
  if (op.Status !== 'STARTED' || exec.status !== 'RUNNING') {
    const why = op.Status === 'TIMED_OUT' ? 'timed out' : exec.status !== 'RUNNING' ? `belongs to an execution that is ${exec.status}` : `is already ${op.Status}`;
    throw new LambdaApiError(400, 'CallbackTimeoutException', `The callback ${why}; it accepts no further results.`);
  }
  return { exec, op };
}

const path = (action: string) => new RegExp(`^${API}/durable-execution-callbacks/(?<id>.+)/${action}$`);

/** SendDurableExecutionCallbackSuccess / Failure / Heartbeat. */
export function callbackRoutes(ctx: EngineInternals): ApiRoute[] {
  return [
    {
      operation: 'SendDurableExecutionCallbackSuccess',
      method: 'POST',
      path: path('succeed'),
      async handle(request, params) {
        if (request.body.length > MAX_CALLBACK_RESULT_BYTES) {
          throw new LambdaApiError(413, 'RequestTooLargeException', `The callback result is ${request.body.length} bytes; the limit is ${MAX_CALLBACK_RESULT_BYTES} bytes.`);
        }
        const { exec, op } = openCallback(ctx, params['id'] ?? '');
        const result = request.body.length === 0 ? undefined : request.body.toString('utf8');
        completeCallback(ctx.store, exec.arn, op, result === undefined ? {} : { result }, ctx.now());
        ctx.changed(exec.arn);
        return { status: 200, body: {} };
      },
    },
    {
      operation: 'SendDurableExecutionCallbackFailure',
      method: 'POST',
      path: path('fail'),
      async handle(request, params) {
        const error = parseBody(request.body, ErrorObject, 'SendDurableExecutionCallbackFailure');
        const { exec, op } = openCallback(ctx, params['id'] ?? '');
        completeCallback(ctx.store, exec.arn, op, { error }, ctx.now());
        ctx.changed(exec.arn);
        return { status: 200, body: {} };
      },
    },
    {
      operation: 'SendDurableExecutionCallbackHeartbeat',
      method: 'POST',
      path: path('heartbeat'),
      async handle(_request, params) {
        const { exec, op } = openCallback(ctx, params['id'] ?? '');
        if (op._heartbeatSeconds !== undefined) {
          ctx.store.setTimer({ arn: exec.arn, opId: op.Id, kind: 'callback-heartbeat', dueMs: ctx.now() + op._heartbeatSeconds * 1000 });
          ctx.changed(exec.arn);
        }
        return { status: 200, body: {} };
      },
    },
  ];
}
