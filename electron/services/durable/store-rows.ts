import type { SQLInputValue } from 'node:sqlite';
import type { ErrorObject, ExecutionStatus } from './wire.ts';
import { KEYED_TABLES } from './store-keyed-tables.ts';
import type { ExecutionRow, TimerKind, TimerRow } from './store-types.ts';

/** The engine's tables. Timestamps are epoch milliseconds; operations and events are stored as JSON. */
export const SCHEMA = `
CREATE TABLE IF NOT EXISTS executions (
  arn TEXT PRIMARY KEY, seq INTEGER NOT NULL, function_name TEXT NOT NULL, function_arn TEXT NOT NULL,
  version TEXT NOT NULL, name TEXT NOT NULL, execution_id TEXT NOT NULL, status TEXT NOT NULL,
  input TEXT NOT NULL, result TEXT, error TEXT, start_ms INTEGER NOT NULL, end_ms INTEGER,
  timeout_s INTEGER NOT NULL, retention_days INTEGER NOT NULL, trace_id TEXT,
  parent_arn TEXT, parent_op TEXT, token TEXT, invocation_id TEXT, invocation_start_ms INTEGER,
  invocation_no INTEGER NOT NULL DEFAULT 0, change_no INTEGER NOT NULL DEFAULT 0,
  seen_change INTEGER NOT NULL DEFAULT 0, service_change INTEGER NOT NULL DEFAULT 0,
  failures INTEGER NOT NULL DEFAULT 0, pending_close TEXT, virtual_clock INTEGER NOT NULL DEFAULT 0,
  UNIQUE (function_name, name)
);
CREATE INDEX IF NOT EXISTS executions_by_function ON executions (function_name, seq);
CREATE INDEX IF NOT EXISTS executions_by_status ON executions (status);
${KEYED_TABLES}
CREATE TABLE IF NOT EXISTS timers (
  arn TEXT NOT NULL, op_id TEXT NOT NULL, kind TEXT NOT NULL, due_ms INTEGER NOT NULL,
  PRIMARY KEY (arn, op_id, kind)
);
CREATE INDEX IF NOT EXISTS timers_by_due ON timers (due_ms);
DROP TABLE IF EXISTS client_tokens;
`;

/** A row as node:sqlite returns it. */
export type Row = Record<string, SQLInputValue>;

/** Column readers that tolerate SQLite's loose typing. */
export function str(v: SQLInputValue | undefined): string {
  return typeof v === 'string' ? v : String(v ?? '');
}
function strOrNull(v: SQLInputValue | undefined): string | null {
  return v === null || v === undefined ? null : str(v);
}
export function num(v: SQLInputValue | undefined): number {
  return Number(v ?? 0);
}
export function numOrNull(v: SQLInputValue | undefined): number | null {
  return v === null || v === undefined ? null : Number(v);
}

/** An executions row as the engine's `ExecutionRow`. */
export function toExecution(r: Row): ExecutionRow {
  const error = strOrNull(r['error']);
  const pending = strOrNull(r['pending_close']);
  return {
    arn: str(r['arn']),
    seq: num(r['seq']),
    functionName: str(r['function_name']),
    functionArn: str(r['function_arn']),
    version: str(r['version']),
    name: str(r['name']),
    executionId: str(r['execution_id']),
    status: str(r['status']) as ExecutionStatus,
    input: str(r['input']),
    result: strOrNull(r['result']),
    error: error === null ? null : (JSON.parse(error) as ErrorObject),
    startMs: num(r['start_ms']),
    endMs: numOrNull(r['end_ms']),
    timeoutSeconds: num(r['timeout_s']),
    retentionDays: num(r['retention_days']),
    traceId: strOrNull(r['trace_id']),
    parentArn: strOrNull(r['parent_arn']),
    parentOpId: strOrNull(r['parent_op']),
    token: strOrNull(r['token']),
    invocationId: strOrNull(r['invocation_id']),
    invocationStartMs: numOrNull(r['invocation_start_ms']),
    invocationNo: num(r['invocation_no']),
    changeNo: num(r['change_no']),
    seenChange: num(r['seen_change']),
    serviceChange: num(r['service_change']),
    failures: num(r['failures']),
    pendingClose: pending === null ? null : (JSON.parse(pending) as ExecutionRow['pendingClose']),
  };
}

/** Which column each updatable `ExecutionRow` field lives in. */
export const COLUMN: Record<string, string> = {
  status: 'status', result: 'result', error: 'error', endMs: 'end_ms', token: 'token', invocationId: 'invocation_id',
  invocationStartMs: 'invocation_start_ms', invocationNo: 'invocation_no', changeNo: 'change_no',
  seenChange: 'seen_change', serviceChange: 'service_change', failures: 'failures', pendingClose: 'pending_close',
};

/** ListDurableExecutionsByFunction's filters, already validated. */
/** A timers row as a `TimerRow`. */
export function toTimer(r: Row): TimerRow {
  return { arn: str(r['arn']), opId: str(r['op_id']), kind: str(r['kind']) as TimerKind, dueMs: num(r['due_ms']) };
}
