import type { ExecutionSummary } from './execution-filters.ts';
import type { ExecutionDetailView, PendingCallbackView } from './model.ts';

export interface CallbackError {
  type: string;
  message: string;
  data: string;
}

function unavailable(): never {
  throw new Error('This host does not offer durable executions yet.');
}

export async function listExecutions(): Promise<ExecutionSummary[]> {
  return unavailable();
}

export async function loadExecution(_arn: string): Promise<ExecutionDetailView> {
  return unavailable();
}

export async function listPendingCallbacks(): Promise<PendingCallbackView[]> {
  return unavailable();
}

export async function stopExecution(_arn: string): Promise<void> {
  return unavailable();
}

export async function rerunExecution(_arn: string): Promise<string> {
  return unavailable();
}

export async function exportHistory(_arn: string): Promise<{ fileName: string; text: string }> {
  return unavailable();
}

/** Reads an exported history (this studio's or AWS's GetDurableExecutionHistory JSON) into the detail view. */
export function parseHistoryFile(_text: string, _fileName: string): ExecutionDetailView {
  return unavailable();
}

export async function skipTimer(_arn: string, _operationId?: string): Promise<void> {
  return unavailable();
}

export async function callbackSuccess(_callbackId: string, _result: string): Promise<void> {
  return unavailable();
}

export async function callbackFailure(_callbackId: string, _error: CallbackError): Promise<void> {
  return unavailable();
}

export async function callbackHeartbeat(_callbackId: string): Promise<void> {
  return unavailable();
}

/** Subscribes to execution changes; returns the unsubscribe function. */
export function onExecutionsChanged(_listener: (summary: ExecutionSummary) => void): () => void {
  return () => {};
}
