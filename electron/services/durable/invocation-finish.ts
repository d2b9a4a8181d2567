import { invocationCompletedEvent } from './history.ts';
import type { interpretOutcome } from './invocation.ts';
import { closeExecution } from './lifecycle.ts';
import type { DurableStore } from './store.ts';

/** What one handler invocation came to, as read from its answer. */
export type InvocationResult = ReturnType<typeof interpretOutcome>;

/**
 * Records the end of one invocation and what it means for the execution, in one transaction:
 * a close the checkpoints asked for, the handler's own SUCCEEDED or FAILED, a PENDING that
 * waits for service-side changes, or a failed invocation that is retried with back-off
 * (1 s, 2 s, 4 s...) until `maxFailures` in a row fail the execution.
 */
export function finishInvocation(store: DurableStore, arn: string, requestId: string, result: InvocationResult, sandboxRequestId: string, nowMs: number, maxFailures: number): void {
  store.tx(() => {
    const exec = store.getExecution(arn);
    // Stopped or timed out meanwhile: the invocation was already recorded as ended.
    if (exec === undefined || exec.status !== 'RUNNING' || exec.invocationId !== requestId) return;
    const startMs = exec.invocationStartMs ?? nowMs;
    const invocationError = result.kind === 'invocation-error' ? result.error : undefined;
    store.appendEvent(arn, invocationCompletedEvent(startMs, nowMs, sandboxRequestId, invocationError));
    store.updateExecution(arn, { token: null, invocationId: null, invocationStartMs: null });
    if (exec.pendingClose !== null) {
      const p = exec.pendingClose;
      closeExecution(store, arn, p.status === 'SUCCEEDED' ? 'SUCCEEDED' : 'FAILED', { ...(p.result !== undefined ? { result: p.result } : {}), ...(p.error !== undefined ? { error: p.error } : {}) }, nowMs);
      return;
    }
    if (result.kind === 'succeeded') {
      closeExecution(store, arn, 'SUCCEEDED', result.result === undefined ? {} : { result: result.result }, nowMs);
    } else if (result.kind === 'failed') {
      closeExecution(store, arn, 'FAILED', { error: result.error }, nowMs);
    } else if (result.kind === 'pending') {
      store.updateExecution(arn, { failures: 0 });
    } else {
      const failures = exec.failures + 1;
      if (failures >= maxFailures) {
        closeExecution(store, arn, 'FAILED', { error: result.error }, nowMs);
      } else {
        store.updateExecution(arn, { failures });
        store.setTimer({ arn, opId: exec.executionId, kind: 'invoke-retry', dueMs: nowMs + 1000 * 2 ** (failures - 1) });
      }
    }
  });
}
