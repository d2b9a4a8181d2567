import { LambdaApiError, type ApiRequest, type ApiResponse } from '../../lambda/api-types.ts';
import type { DurableInvokeTarget } from '../../lambda/durable-hooks.ts';
import type { EngineInternals } from '../engine-types.ts';
import { invalidParameter } from './common.ts';

/** How long a RequestResponse invoke of a durable function waits for the execution to close (Lambda's 15 minutes). */
const SYNC_WAIT_MS = 15 * 60_000;

/**
 * Invoke of a durable function: starts an execution (or returns the one with the same
 * name and payload), answers an Event invoke at once with 202 and the execution ARN, and
 * holds a RequestResponse invoke until the execution closes.
 */
export async function invokeDurable(
  ctx: EngineInternals,
  request: ApiRequest,
  target: DurableInvokeTarget,
): Promise<ApiResponse> {
  const name = request.headers['x-amz-durable-execution-name'];
  if (name !== undefined && !/^[a-zA-Z0-9_-]{1,64}$/.test(name)) {
    throw invalidParameter('DurableExecutionName must be 1-64 characters of letters, digits, - and _.');
  }
  const type = request.headers['x-amz-invocation-type'] ?? 'RequestResponse';
  const input = request.body.length === 0 ? '{}' : request.body.toString('utf8');
  const config = await ctx.invoker.durableConfigOf(target.functionName, target.qualifier);
  if (config === null) throw invalidParameter(`${target.functionName} is not a durable function.`);
  // An execution stays on the version it started with, even when its alias moves on later.
  const isVersion = (value: string | undefined): value is string => value !== undefined && /^(\$LATEST|\d+)$/.test(value);
  const version = isVersion(target.version) ? target.version : isVersion(target.qualifier) ? target.qualifier : '$LATEST';
  const traceId = request.headers['x-amzn-trace-id'];
  const { execution, created } = ctx.startExecution({
    functionName: target.functionName,
    version,
    functionArn: target.functionArn,
    ...(name !== undefined ? { name } : {}),
    input,
    timeoutSeconds: config.executionTimeout,
    retentionDays: config.retentionPeriodInDays,
    ...(traceId !== undefined ? { traceId } : {}),
  });
  if (!created && execution.input !== input) {
    throw new LambdaApiError(409, 'DurableExecutionAlreadyStartedException', `An execution named ${execution.name} already exists for ${target.functionName} with a different input; choose another name.`);
  }
  if (created) {
    if (target.caller !== undefined) ctx.noteCaller(execution.arn, target.caller);
    ctx.changed(execution.arn);
  }
  const headers: Record<string, string> = { 'x-amz-durable-execution-arn': execution.arn, 'x-amz-executed-version': version };
  if (type === 'Event') return { status: 202, headers };

  const closed = await ctx.waitForClose(execution.arn, SYNC_WAIT_MS);
  headers['content-type'] = 'application/json';
  if (closed === undefined || closed.status === 'RUNNING') {
    return { status: 200, headers, body: JSON.stringify({ DurableExecutionArn: execution.arn, Status: 'RUNNING' }) };
  }
  if (closed.status === 'SUCCEEDED') return { status: 200, headers, body: closed.result ?? 'null' };
  headers['x-amz-function-error'] = 'Unhandled';
  const error = closed.error ?? {};
  return {
    status: 200,
    headers,
    body: JSON.stringify({
      errorType: error.ErrorType ?? (closed.status === 'TIMED_OUT' ? 'ExecutionTimedOut' : closed.status === 'STOPPED' ? 'ExecutionStopped' : 'Error'),
      errorMessage: error.ErrorMessage ?? `The durable execution ended ${closed.status}.`,
      ...(error.StackTrace !== undefined ? { trace: error.StackTrace } : {}),
    }),
  };
}
