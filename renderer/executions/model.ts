/**
 * What the execution views draw, independent of where it came from (a live host, AWS, or an
 * exported history file). `from-contract.ts` fills these from the contract's shapes.
 */

export interface ErrorInfo {
  type?: string | undefined;
  message?: string | undefined;
  data?: string | undefined;
  stack?: readonly string[] | undefined;
}

export interface AttemptView {
  /** 1-based. */
  number: number;
  startMs: number;
  endMs?: number | undefined;
  /** SUCCEEDED, FAILED or STARTED (still running). */
  status: string;
  error?: ErrorInfo | undefined;
  /** When the next attempt was scheduled after this one failed. */
  nextAttemptMs?: number | undefined;
  /** The delay before the next attempt, as the retry strategy chose it. */
  nextDelaySeconds?: number | undefined;
  /** The delay before this attempt was skipped on the virtual clock. */
  skipped?: boolean | undefined;
}

/** One operation: a row of the timeline. */
export interface OperationView {
  id: string;
  parentId?: string | undefined;
  name: string;
  /** STEP, WAIT, CALLBACK, CONTEXT, CHAINED_INVOKE (EXECUTION is the header, not a row). */
  type: string;
  subType?: string | undefined;
  /** The operation's status: STARTED, PENDING, READY, SUCCEEDED, FAILED, CANCELLED, TIMED_OUT, STOPPED. */
  status: string;
  startMs: number;
  endMs?: number | undefined;
  attempts: readonly AttemptView[];
  /** A wait's scheduled end. */
  scheduledEndMs?: number | undefined;
  /** A retry waiting for its next attempt. */
  nextAttemptMs?: number | undefined;
  callbackId?: string | undefined;
  /** When a pending callback times out. */
  timeoutMs?: number | undefined;
  heartbeatTimeoutSeconds?: number | undefined;
  chainedFunction?: string | undefined;
  chainedExecutionArn?: string | undefined;
  input?: string | undefined;
  result?: string | undefined;
  error?: ErrorInfo | undefined;
  /** The wait or timeout was fast-forwarded on the virtual clock. */
  skipped?: boolean | undefined;
}

export interface ExecutionView {
  arn: string;
  name: string;
  functionName: string;
  functionArn?: string | undefined;
  version?: string | undefined;
  status: string;
  startMs: number;
  endMs?: number | undefined;
  input?: string | undefined;
  result?: string | undefined;
  error?: ErrorInfo | undefined;
}

/** A raw history event in GetDurableExecutionHistory's shape, with the two fields the table needs pulled out. */
export interface HistoryRow {
  index: number;
  eventId?: number | undefined;
  eventType: string;
  timestampMs: number;
  operationId?: string | undefined;
  name?: string | undefined;
  raw: Record<string, unknown>;
}

/** Everything the detail view shows of one execution. */
export interface ExecutionDetailView {
  execution: ExecutionView;
  operations: readonly OperationView[];
  history: readonly HistoryRow[];
  /** Log lines by operation id, when the host knows them. */
  logs?: ReadonlyMap<string, readonly string[]> | undefined;
}

/** A callback waiting for an answer, as the approvals inbox lists it. */
export interface PendingCallbackView {
  callbackId: string;
  executionArn: string;
  executionName: string;
  functionName: string;
  operationId: string;
  name: string;
  startMs: number;
  timeoutMs?: number | undefined;
  /** Names from the outermost operation in to the callback's own. */
  stepPath: string[];
  /** What the execution started with (its start, when long). */
  input?: string | undefined;
  /** What the handler logged when it asked. */
  requestLog: { timestamp: string; level: string; message: string }[];
}

const DONE = new Set(['SUCCEEDED', 'FAILED', 'CANCELLED', 'TIMED_OUT', 'STOPPED']);

export function isDone(status: string): boolean {
  return DONE.has(status);
}

/** A callback that can still be answered. */
export function isPendingCallback(op: OperationView): boolean {
  return op.type === 'CALLBACK' && !isDone(op.status) && op.callbackId !== undefined;
}
