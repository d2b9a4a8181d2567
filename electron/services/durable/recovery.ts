import type { ChainedInvokeRequest } from './checkpoint.ts';
import { invocationCompletedEvent } from './history.ts';
import { closeExecution } from './lifecycle.ts';
import type { DurableStore, ExecutionRow } from './store.ts';

/**
 * Brings every unfinished execution back after a stop or crash: an invocation that was
 * running is recorded as ended (and marked to run again), chained invokes are re-attached
 * to their child executions or, for plain targets, started again.
 */
export function recoverUnfinished(
  store: DurableStore,
  nowMs: number,
  runChained: (arn: string, request: ChainedInvokeRequest) => void,
  closedExecution: (exec: ExecutionRow) => void,
): void {
  for (const exec of store.runningExecutions()) {
    if (exec.invocationId !== null) {
      store.tx(() => {
        store.appendEvent(
          exec.arn,
          invocationCompletedEvent(exec.invocationStartMs ?? nowMs, nowMs, exec.invocationId ?? '', { ErrorType: 'Sandbox.Interrupted', ErrorMessage: 'The studio stopped while this invocation ran.' }),
        );
        store.updateExecution(exec.arn, { token: null, invocationId: null, invocationStartMs: null, serviceChange: exec.changeNo + 1, changeNo: exec.changeNo + 1 });
        // The handler had already checkpointed the execution's result: it is complete.
        const p = exec.pendingClose;
        if (p !== null) closeExecution(store, exec.arn, p.status === 'SUCCEEDED' ? 'SUCCEEDED' : 'FAILED', { ...(p.result !== undefined ? { result: p.result } : {}), ...(p.error !== undefined ? { error: p.error } : {}) }, nowMs);
      });
      if (exec.pendingClose !== null) {
        const closed = store.getExecution(exec.arn);
        if (closed !== undefined) closedExecution(closed);
        continue;
      }
    }
    for (const op of store.operations(exec.arn)) {
      if (op.Type !== 'CHAINED_INVOKE' || op.Status !== 'STARTED') continue;
      const child = store.childExecution(exec.arn, op.Id);
      if (child !== undefined) {
        if (child.status !== 'RUNNING') closedExecution(child);
        continue;
      }
      const started = store.events(exec.arn, 1, 1_000_000, false).find((e) => e['EventType'] === 'ChainedInvokeStarted' && e['Id'] === op.Id);
      const details = (started?.['ChainedInvokeStartedDetails'] ?? {}) as { FunctionName?: string; Input?: { Payload?: string } };
      if (details.FunctionName !== undefined) runChained(exec.arn, { opId: op.Id, functionName: details.FunctionName, payload: details.Input?.Payload, tenantId: undefined });
    }
  }
}
