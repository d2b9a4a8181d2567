import type { DurableStore, TimerRow } from './store.ts';

/** A timer as a person deciding whether to fire it early needs it said. */
export interface TimerDescription {
  kind: TimerRow['kind'];
  operationId: string;
  operationName?: string;
  /** When it would fire on its own (epoch milliseconds). */
  dueMs: number;
  /** What firing it does, as a sentence fragment: "fires the callback timeout of wait-for-approval: …". */
  description: string;
  /** Firing it fails an operation, and with it the execution unless the handler catches the error. */
  failsExecution: boolean;
}

/** The name people gave the operation, or that of the context it sits in (a waitForCallback's callback is unnamed). */
function nameOf(store: DurableStore, arn: string, opId: string): string | undefined {
  const op = store.getOperation(arn, opId);
  if (op?.Name !== undefined) return op.Name;
  const parent = op?.ParentId === undefined ? undefined : store.getOperation(arn, op.ParentId);
  return parent?.Name;
}

/** Says what firing `timer` now would do to its execution. */
export function describeTimer(store: DurableStore, timer: TimerRow): TimerDescription {
  const name = nameOf(store, timer.arn, timer.opId);
  const what = name ?? timer.opId;
  const base = { kind: timer.kind, operationId: timer.opId, ...(name === undefined ? {} : { operationName: name }), dueMs: timer.dueMs };
  const fails = 'the callback times out and the execution fails, unless the handler catches the timeout';
  switch (timer.kind) {
    case 'wait':
      return { ...base, description: `ends the wait ${what} now; the execution carries on`, failsExecution: false };
    case 'retry':
      return { ...base, description: `runs the next attempt of ${what} now`, failsExecution: false };
    case 'invoke-retry':
      return { ...base, description: 'invokes the handler again now, after a failed invocation', failsExecution: false };
    case 'callback-timeout':
      return { ...base, description: `fires the callback timeout of ${what}: ${fails}`, failsExecution: true };
    case 'callback-heartbeat':
      return { ...base, description: `fires the heartbeat timeout of ${what}: ${fails}`, failsExecution: true };
    case 'execution-timeout':
      return { ...base, description: 'times the whole execution out', failsExecution: true };
  }
}
