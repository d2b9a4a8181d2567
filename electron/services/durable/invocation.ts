import type { SandboxOutcome } from '../lambda/durable-hooks.ts';
import type { DurableStore } from './store.ts';
import { type ErrorObject, InvocationOutput, type Operation, operationOnWire, toEpochMillis } from './wire.ts';

/** Whether a handler sees an operation: children of a closed CONTEXT are left out unless it asked to replay them. */
function visibility(store: DurableStore, arn: string): (op: Operation) => boolean {
  // Per page: an operation's ancestors are read once, by key, however many of their children it holds.
  const hidden = new Map<string, boolean>();
  const closesChildren = (op: Operation) => op.Type === 'CONTEXT' && (op.Status === 'SUCCEEDED' || op.Status === 'FAILED') && op.ContextDetails?.ReplayChildren !== true;
  const hides = (parentId: string): boolean => {
    let known = hidden.get(parentId);
    if (known === undefined) {
      const parent = store.getOperation(arn, parentId);
      known = parent !== undefined && (closesChildren(parent) || (parent.ParentId !== undefined && hides(parent.ParentId)));
      hidden.set(parentId, known);
    }
    return known;
  };
  return (op) => op.ParentId === undefined || !hides(op.ParentId);
}

/** Operations read per query while filling a page; hidden ones are skipped. */
const CHUNK = 256;

/**
 * One page of the operations a handler sees, in start order, after the operation numbered
 * `marker` (0 for the first page): keyset on the operation's number, so a page costs what it
 * holds, however long the execution's history is. The next marker is the last one's number.
 */
export function operationsPage(store: DurableStore, arn: string, marker: number, maxItems: number, maxBytes: number, convert: (ms: number) => number) {
  const visible = visibility(store, arn);
  const page: Record<string, unknown>[] = [];
  let bytes = 0;
  let after = marker;
  for (;;) {
    const rows = store.operationsFrom(arn, after, CHUNK);
    for (const { seq, op } of rows) {
      if (page.length >= maxItems) return { operations: page, nextMarker: String(after) };
      if (visible(op)) {
        const wire = operationOnWire(op, convert);
        const size = JSON.stringify(wire).length;
        if (page.length > 0 && bytes + size > maxBytes) return { operations: page, nextMarker: String(after) };
        page.push(wire);
        bytes += size;
      }
      after = seq;
    }
    if (rows.length < CHUNK) return { operations: page, nextMarker: undefined };
  }
}

/** The durable invocation event (`DurableExecutionArn`, `CheckpointToken`, `InitialExecutionState`). */
export function invocationEvent(store: DurableStore, arn: string, token: string, changedSince: number): Record<string, unknown> {
  const { operations, nextMarker } = operationsPage(store, arn, 0, 1000, 4 * 1024 * 1024, toEpochMillis);
  // Operations that changed while the handler was suspended (fired waits, callbacks...), for the SDK's replay flags.
  const updated = store.operationsChangedAfter(arn, changedSince).filter((op) => op.Type !== 'EXECUTION').map((op) => op.Id);
  return {
    DurableExecutionArn: arn,
    CheckpointToken: token,
    InitialExecutionState: { Operations: operations, ...(nextMarker === undefined ? {} : { NextMarker: nextMarker }) },
    ...(updated.length > 0 ? { UpdatedOperationIds: updated } : {}),
  };
}

/** What one invocation amounted to, for the engine. */
export type InvocationResult =
  | { kind: 'succeeded'; result: string | undefined }
  | { kind: 'failed'; error: ErrorObject }
  | { kind: 'pending' }
  | { kind: 'invocation-error'; error: ErrorObject };

/** Reads what the handler returned. Anything not a valid durable output is an invocation failure, retried by the engine. */
export function interpretOutcome(outcome: SandboxOutcome): InvocationResult {
  const text = outcome.payload.toString('utf8');
  if (outcome.functionError !== undefined) {
    let error: ErrorObject = { ErrorType: outcome.functionError, ErrorMessage: text.slice(0, 4096) };
    try {
      const doc = JSON.parse(text) as { errorType?: unknown; errorMessage?: unknown; trace?: unknown };
      error = {
        ErrorType: typeof doc.errorType === 'string' ? doc.errorType : outcome.functionError,
        ErrorMessage: typeof doc.errorMessage === 'string' ? doc.errorMessage : text.slice(0, 4096),
        ...(Array.isArray(doc.trace) ? { StackTrace: doc.trace.filter((l): l is string => typeof l === 'string').slice(0, 50) } : {}),
      };
    } catch {
      // Not JSON: keep the raw text as the message.
    }
    return { kind: 'invocation-error', error };
  }
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    return { kind: 'invocation-error', error: { ErrorType: 'InvalidDurableOutput', ErrorMessage: 'The handler returned a payload that is not JSON; durable handlers must be wrapped with withDurableExecution.' } };
  }
  const output = InvocationOutput.safeParse(parsed);
  if (!output.success) {
    return { kind: 'invocation-error', error: { ErrorType: 'InvalidDurableOutput', ErrorMessage: 'The handler did not return a durable execution status ({Status: SUCCEEDED|FAILED|PENDING}); wrap it with withDurableExecution.' } };
  }
  if (output.data.Status === 'SUCCEEDED') return { kind: 'succeeded', result: output.data.Result };
  if (output.data.Status === 'FAILED') return { kind: 'failed', error: output.data.Error ?? { ErrorMessage: 'The execution failed without an error.' } };
  return { kind: 'pending' };
}
