import { runDurable } from '../local-run/durable-run.ts';
import type { FunctionSync } from '../local-run/function-sync.ts';
import { syncForRun } from '../local-run/sync-for-run.ts';
import type { DurableEngine } from '../durable/engine.ts';
import type { LocalLambdaService } from '../lambda/lambda-service.ts';
import type { FunctionStore } from '../workspace/function-store.ts';
import type { BatchInvocation } from './queue-poller.ts';
import type { SqsEvent } from './sqs-event.ts';

/** An event source mapping waits at most this long for a durable function's execution (Lambda's limit). */
export const DURABLE_BATCH_WAIT_MS = 15 * 60_000;

/** `errorType: errorMessage` of Lambda's error document, or the text as it is. */
function errorOf(payload: string, fallback: string): string {
  try {
    const doc = JSON.parse(payload) as { errorType?: unknown; errorMessage?: unknown };
    const type = typeof doc.errorType === 'string' ? doc.errorType : fallback;
    return typeof doc.errorMessage === 'string' && doc.errorMessage !== '' ? `${type}: ${doc.errorMessage}` : type;
  } catch {
    return fallback;
  }
}

/**
 * Runs a function with a batch of its queue, as the code is saved now, synchronously as an SQS
 * event source mapping invokes. A durable function's batch starts an execution and waits for it to
 * close, as a mapping waits for a durable execution: the batch succeeded when the execution
 * SUCCEEDED (its result read as the batch response), and failed as a whole when it FAILED, TIMED_OUT
 * or was STOPPED, or still runs after 15 minutes.
 */
/** Reads and builds the function as it is on disk; throws what stops it from running. */
export function createQueuePrepare(services: { functions: FunctionStore; sync: FunctionSync }) {
  return async (functionName: string): Promise<void> => {
    await syncForRun(services, functionName);
  };
}

export function createQueueDispatch(services: { functions: FunctionStore; sync: FunctionSync; lambda: LocalLambdaService; engine: DurableEngine; durableWaitMs?: number }) {
  const { lambda, engine } = services;
  return async (functionName: string, event: SqsEvent): Promise<BatchInvocation> => {
    const config = await syncForRun(services, functionName);
    const payload = JSON.stringify(event);
    if (config.durable?.enabled === true) {
      const result = await runDurable({ lambda, engine, waitMs: services.durableWaitMs ?? DURABLE_BATCH_WAIT_MS }, { functionName, payload, caller: 'queue' });
      if (result.statusCode === 202) return { error: `Execution still running after ${Math.round((services.durableWaitMs ?? DURABLE_BATCH_WAIT_MS) / 1000)} s: ${result.durableExecutionArn ?? ''}` };
      if (result.functionError !== undefined) return { error: errorOf(result.payload, 'ExecutionFailed') };
      return { payload: result.payload };
    }
    const result = await lambda.invoke({ functionName, payload, caller: 'queue' });
    const text = result.payload.toString('utf8');
    if (result.errorType !== undefined) return { error: errorOf(text, result.errorType) };
    return { payload: text };
  };
}
