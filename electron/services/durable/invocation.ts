import type { SandboxOutcome } from '../lambda/durable-hooks.ts';
import type { DurableStore } from './store.ts';
import { type ErrorObject, InvocationOutput, type Operation, operationOnWire, toEpochMillis } from './wire.ts';

/** Operations a handler sees: start order, children of a closed CONTEXT left out unless it asked to replay them. */
export function visibleOperations(store: DurableStore, arn: string): Operation[] {
  const hidden = new Set<string>();
  const closedContexts = new Set<string>();
  const out: Operation[] = [];
  for (const op of store.operations(arn)) {
    if (op.ParentId !== undefined && (hidden.has(op.ParentId) || closedContexts.has(op.ParentId))) {
      hidden.add(op.Id);
      continue;
    }
    if (op.Type === 'CONTEXT' && (op.Status === 'SUCCEEDED' || op.Status === 'FAILED') && op.ContextDetails?.ReplayChildren !== true) {
      closedContexts.add(op.Id);
    }
    out.push(op);
  }
  return out;
}

/** One page of visible operations on the wire, by an opaque numeric marker. */
export function operationsPage(ops: Operation[], marker: number, maxItems: number, maxBytes: number, convert: (ms: number) => number) {
  const page: Record<string, unknown>[] = [];
  let bytes = 0;
  let index = marker;
  while (index < ops.length && page.length < maxItems) {
    const wire = operationOnWire(ops[index] as Operation, convert);
    const size = JSON.stringify(wire).length;
    if (page.length > 0 && bytes + size > maxBytes) break;
    page.push(wire);
    bytes += size;
    index++;
  }
  return { operations: page, nextMarker: index < ops.length ? String(index) : undefined };
}

/** The durable invocation event (`DurableExecutionArn`, `CheckpointToken`, `InitialExecutionState`). */
export function invocationEvent(store: DurableStore, arn: string, token: string, changedSince: number): Record<string, unknown> {
  const ops = visibleOperations(store, arn);
  const { operations, nextMarker } = operationsPage(ops, 0, 1000, 4 * 1024 * 1024, toEpochMillis);
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
