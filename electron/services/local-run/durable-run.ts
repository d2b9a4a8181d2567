import type { InvokeResult } from '../../../shared/contract/invoke.ts';
import type { DurableEngine } from '../durable/engine.ts';
import type { InvocationCaller } from '../../../shared/contract/invocations.ts';
import { executionLines } from '../lambda/execution-lines.ts';
import type { LocalLambdaService } from '../lambda/lambda-service.ts';

/**
 * How long the Invoke panel waits at most for a durable execution to finish before answering
 * that it is still running. One that waits for an approval or a long timer answers as soon as
 * it does (it can run for days; the panel must not hang); one whose next timer or retry is due
 * within this time is waited for, so quick executions answer with their result.
 */
export const DURABLE_ANSWER_WAIT_MS = 5_000;

/**
 * Starts a durable execution of a workspace function as an Event invoke does, then waits a
 * little for it to close: a quick execution answers with its result, one that waits for a
 * callback or a long timer with its ARN and `"Status": "RUNNING"` (the shape the Lambda API's
 * RUNNING answer has).
 */
export async function runDurable(
  deps: { lambda: LocalLambdaService; engine: DurableEngine; waitMs?: number },
  target: { functionName: string; payload: string; qualifier?: string; caller?: InvocationCaller },
): Promise<InvokeResult> {
  const { lambda, engine } = deps;
  // Only the lines of this execution's invocations: others of the same function may run meanwhile.
  const lines = executionLines(target.functionName, (listener) => lambda.onLog(listener), (listener) => lambda.onInvocation(listener));
  try {
    const qualifier = target.qualifier ?? '$LATEST';
    const response = await engine.invokeDurable(
      {
        method: 'POST',
        path: `/2015-03-31/functions/${target.functionName}/invocations`,
        query: new URLSearchParams(qualifier === '$LATEST' ? {} : { Qualifier: qualifier }),
        headers: { 'x-amz-invocation-type': 'Event' },
        body: Buffer.from(target.payload),
      },
      { functionName: target.functionName, qualifier, functionArn: lambda.functionArn(target.functionName), caller: target.caller ?? 'panel' },
    );
    const arn = response.headers?.['x-amz-durable-execution-arn'];
    if (arn === undefined) throw new Error(`The durable engine started no execution for ${target.functionName}.`);
    const closed = await engine.waitForAnswer(arn, deps.waitMs ?? DURABLE_ANSWER_WAIT_MS);
    const base = {
      requestId: arn.split('/').at(-1) ?? arn,
      statusCode: 200,
      executedVersion: response.headers?.['x-amz-executed-version'] ?? qualifier,
      // No REPORT figures of its own: an execution spans several invocations, each of which
      // reports in the log, and the time waited here is no invocation's duration.
      logs: lines.of(arn),
      durableExecutionArn: arn,
    };
    if (closed === undefined || closed.status === 'RUNNING') {
      const retry = engine.invocationRetry(arn);
      return { ...base, statusCode: 202, payload: JSON.stringify({ DurableExecutionArn: arn, Status: 'RUNNING' }), ...(retry === undefined ? {} : { invocationRetry: retry }) };
    }
    if (closed.status === 'SUCCEEDED') return { ...base, payload: closed.result ?? 'null' };
    return {
      ...base,
      functionError: 'Unhandled',
      payload: JSON.stringify({
        errorType: closed.error?.ErrorType ?? `Execution${closed.status === 'TIMED_OUT' ? 'TimedOut' : closed.status === 'STOPPED' ? 'Stopped' : 'Failed'}`,
        errorMessage: closed.error?.ErrorMessage ?? `The durable execution ended ${closed.status}.`,
      }),
    };
  } finally {
    lines.stop();
  }
}
