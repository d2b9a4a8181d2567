import type { DurableStore } from './store.ts';
import type { ErrorObject } from './wire.ts';

/** A running execution whose handler invocations fail, while the engine backs off and tries again. */
export interface InvocationRetry {
  /** Consecutive failed invocations so far. */
  failedInvocations: number;
  /** After this many in a row the execution fails. */
  maxInvocations: number;
  /** What the last failed invocation ended with (a crash, a timeout, an unhandled error, output that is no durable status). */
  lastError?: ErrorObject;
  /** When the next invocation is due (epoch milliseconds); absent while one runs. */
  nextAttemptMs?: number;
}

/** How far back in the history the last failed invocation is looked for: it is one of the latest events. */
const LOOK_BACK = 20;

/** The engine's retry state of an execution, or undefined when its last invocation did not fail. */
export function invocationRetry(store: DurableStore, arn: string, maxInvocations: number): InvocationRetry | undefined {
  const exec = store.getExecution(arn);
  if (exec === undefined || exec.status !== 'RUNNING' || exec.failures === 0) return undefined;
  let lastError: ErrorObject | undefined;
  for (const event of store.events(arn, store.lastEventId(arn), LOOK_BACK, true)) {
    if (event['EventType'] !== 'InvocationCompleted') continue;
    const details = event['InvocationCompletedDetails'] as { Error?: { Payload?: ErrorObject } } | undefined;
    lastError = details?.Error?.Payload;
    if (lastError !== undefined && Object.keys(lastError).length > 0) break;
    lastError = undefined;
  }
  const next = store.timersOf(arn).find((t) => t.kind === 'invoke-retry');
  return {
    failedInvocations: exec.failures,
    maxInvocations,
    ...(lastError === undefined ? {} : { lastError }),
    ...(next === undefined ? {} : { nextAttemptMs: next.dueMs }),
  };
}
