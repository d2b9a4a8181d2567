import { randomUUID } from 'node:crypto';
import type { DurableHooks } from './durable-hooks.ts';
import type { DirectInvokeResult } from './direct-invoke-result.ts';
import type { SandboxLogLine } from '../runners/sandbox-types.ts';
import type { InvocationCaller } from '../../../shared/contract/invocations.ts';
import type { InvocationEvent } from './invocation-events.ts';
import { executionLines } from './execution-lines.ts';

/**
 * The Invoke route's durable path without HTTP: the engine answers as it would over the API,
 * and the log is every line the execution's invocations wrote meanwhile (not those of other
 * executions of the same function running at the same time).
 */
export async function invokeDurableDirect(
  hooks: DurableHooks,
  subscribe: (listener: (line: SandboxLogLine) => void) => () => void,
  subscribeInvocations: (listener: (event: InvocationEvent) => void) => () => void,
  target: { name: string; qualifier: string; arn: string; payload: Buffer; executionName: string | undefined; caller: InvocationCaller },
): Promise<DirectInvokeResult> {
  const lines = executionLines(target.name, subscribe, subscribeInvocations);
  const started = performance.now();
  try {
    const headers: Record<string, string> = { 'x-amz-invocation-type': 'RequestResponse' };
    if (target.executionName !== undefined) headers['x-amz-durable-execution-name'] = target.executionName;
    const query = new URLSearchParams(target.qualifier === '$LATEST' ? {} : { Qualifier: target.qualifier });
    const response = await hooks.invokeDurable(
      {
        method: 'POST',
        path: `/2015-03-31/functions/${target.name}/invocations`,
        query,
        headers,
        body: target.payload.length === 0 ? Buffer.from('{}') : target.payload,
      },
      { functionName: target.name, qualifier: target.qualifier, functionArn: target.arn, caller: target.caller },
    );
    const answer = response.headers ?? {};
    const body = response.body;
    const payload = Buffer.isBuffer(body) ? body : Buffer.from(typeof body === 'string' ? body : JSON.stringify(body ?? null));
    let errorType: string | undefined;
    if (answer['x-amz-function-error'] !== undefined) {
      try {
        errorType = String((JSON.parse(payload.toString('utf8')) as { errorType?: unknown }).errorType ?? 'Unhandled');
      } catch {
        errorType = 'Unhandled';
      }
    }
    if (response.status >= 400) errorType = answer['x-amzn-errortype'] ?? 'ServiceException';
    const durationMs = Math.round((performance.now() - started) * 100) / 100;
    const executionArn = answer['x-amz-durable-execution-arn'];
    const logs = executionArn === undefined ? [] : lines.of(executionArn);
    const result: DirectInvokeResult = {
      requestId: answer['x-amzn-requestid'] ?? randomUUID(),
      payload,
      runtimeFailure: false,
      logs,
      durationMs,
      billedDurationMs: Math.ceil(durationMs),
      maxMemoryUsedMb: 0,
      executedVersion: answer['x-amz-executed-version'] ?? target.qualifier,
    };
    if (errorType !== undefined) result.errorType = errorType;
    if (executionArn !== undefined) result.durableExecutionArn = executionArn;
    return result;
  } finally {
    lines.stop();
  }
}
