import type { ErrorObject, ExecutionStatus } from './wire.ts';

/** One durable execution as stored. Timestamps are epoch milliseconds. */
export interface ExecutionRow {
  arn: string;
  seq: number;
  functionName: string;
  functionArn: string;
  version: string;
  name: string;
  executionId: string;
  status: ExecutionStatus;
  input: string;
  result: string | null;
  error: ErrorObject | null;
  startMs: number;
  endMs: number | null;
  timeoutSeconds: number;
  retentionDays: number;
  traceId: string | null;
  parentArn: string | null;
  parentOpId: string | null;
  /** The running invocation's current checkpoint token; null while no invocation runs. */
  token: string | null;
  invocationId: string | null;
  invocationStartMs: number | null;
  invocationNo: number;
  /** Bumped on every operation change; operations carry the number of their last change. */
  changeNo: number;
  /** The change number the running invocation has been told about. */
  seenChange: number;
  /** The change number of the last service-side change (timer fired, callback completed...). */
  serviceChange: number;
  failures: number;
  pendingClose: { status: ExecutionStatus; result?: string; error?: ErrorObject } | null;
}

/** A persistent timer: waits, retry delays, callback timeouts, heartbeats, execution timeouts, invoke back-off. */
export type TimerKind = 'wait' | 'retry' | 'callback-timeout' | 'callback-heartbeat' | 'execution-timeout' | 'invoke-retry';
/** One row of the timers table. */
export interface TimerRow {
  arn: string;
  opId: string;
  kind: TimerKind;
  dueMs: number;
}

/** What listExecutions selects: one function's executions, filtered, a page at a time. */
export interface ListFilter {
  functionName: string;
  version?: string;
  name?: string;
  statuses?: string[];
  startedAfterMs?: number;
  startedBeforeMs?: number;
  oldestFirst: boolean;
  afterSeq?: number;
  limit: number;
}
