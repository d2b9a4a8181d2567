import type { InvocationRetry } from '../../shared/contract/executions.ts';
import type { InvokeReport, InvokeResult } from '../../shared/contract/invoke.ts';

/** A handler's error as Lambda reports it, taken apart for display. */
export interface HandlerError {
  type: string;
  message: string;
  stack: string[];
}

/** Reads Lambda's error document (`errorType`, `errorMessage`, `stackTrace` or `trace`) from a failed invoke. */
export function handlerErrorOf(result: InvokeResult): HandlerError | null {
  if (result.functionError === undefined) return null;
  let doc: unknown;
  try {
    doc = JSON.parse(result.payload);
  } catch {
    return { type: result.functionError, message: result.payload, stack: [] };
  }
  const fields = typeof doc === 'object' && doc !== null ? (doc as Record<string, unknown>) : {};
  const text = (value: unknown) => (typeof value === 'string' ? value : undefined);
  const lines = (value: unknown) => (Array.isArray(value) ? value.filter((l): l is string => typeof l === 'string') : typeof value === 'string' ? value.split('\n') : []);
  const type = text(fields.errorType) ?? result.functionError;
  const message = text(fields.errorMessage) ?? result.payload;
  const stack = lines(fields.stackTrace ?? fields.trace);
  // Node's stack opens with "Type: message", which the heading already says.
  if (stack[0]?.trim() === `${type}: ${message}`) stack.shift();
  return { type, message, stack };
}

/** Milliseconds the way the REPORT line's reader wants them: `3.42 ms`, `1.2 s`. */
export function formatMs(ms: number): string {
  if (ms < 1000) return `${ms < 10 ? ms.toFixed(2) : ms < 100 ? ms.toFixed(1) : Math.round(ms)} ms`;
  return `${(ms / 1000).toFixed(ms < 10_000 ? 2 : 1)} s`;
}

/** The REPORT figures as label/value pairs, init duration only on a cold start. */
export function reportFigures(report: InvokeReport): { label: string; value: string; hint: string }[] {
  const figures = [
    { label: 'Duration', value: formatMs(report.durationMs), hint: 'Time the handler ran for this invocation' },
    { label: 'Billed', value: `${report.billedDurationMs} ms`, hint: 'Billed duration, rounded up to the next millisecond as Lambda does' },
    { label: 'Memory', value: `${report.maxMemoryUsedMb} / ${report.memorySizeMb} MB`, hint: 'Max memory used / memory size' },
  ];
  if (report.initDurationMs !== undefined) {
    figures.push({ label: 'Init', value: formatMs(report.initDurationMs), hint: 'Init duration: this invocation started a new sandbox (cold start)' });
  }
  return figures;
}

/** START, END and REPORT are the platform's lines; the rest are the function's. */
export function isPlatformLine(line: string): boolean {
  return /^(START|END|REPORT|INIT_START|INIT_REPORT) /.test(line);
}

/** A log line split for display: the runtime's `time<TAB>request id<TAB>LEVEL<TAB>message` prefix taken apart. */
export interface LogLineView {
  time?: string;
  level?: string;
  message: string;
  platform: boolean;
}

const RUNTIME_LINE = /^(\d{4}-\d\d-\d\dT(\d\d:\d\d:\d\d(?:\.\d+)?)Z)\t[0-9a-f-]{36}\t([A-Z]+)\t([\s\S]*)$/;

/**
 * The request id repeats on every line of one invocation and pushes the message out of sight;
 * the panel shows the time of day, the level and the message, and keeps platform lines whole.
 */
export function viewLogLine(line: string): LogLineView {
  if (isPlatformLine(line)) return { message: line, platform: true };
  const structured = structuredLogLine(line);
  if (structured !== undefined) return structured;
  const match = RUNTIME_LINE.exec(line);
  if (match === null) return { message: line, platform: false };
  return { time: match[2] ?? '', level: match[3] ?? '', message: match[4] ?? '', platform: false };
}

/** Fields of a structured (JSON) record that the panel shows elsewhere or that repeat on every line. */
const STRUCTURED_NOISE = new Set(['requestId', 'timestamp', 'level', 'executionArn', 'message', 'operationId', 'operationName', 'attempt']);

/**
 * A JSON log record, as the durable SDK's logger and structured loggers write them: its time,
 * level and message, prefixed by the operation it came from, with any other fields after it.
 */
function structuredLogLine(line: string): LogLineView | undefined {
  if (!line.startsWith('{')) return undefined;
  let record: unknown;
  try {
    record = JSON.parse(line);
  } catch {
    return undefined;
  }
  if (typeof record !== 'object' || record === null || Array.isArray(record)) return undefined;
  const fields = record as Record<string, unknown>;
  if (typeof fields['level'] !== 'string' || !('message' in fields)) return undefined;
  const text = (value: unknown) => (typeof value === 'string' ? value : JSON.stringify(value));
  const time = typeof fields['timestamp'] === 'string' ? /T(\d\d:\d\d:\d\d(?:\.\d+)?)/.exec(fields['timestamp'])?.[1] : undefined;
  const operation = typeof fields['operationName'] === 'string' ? fields['operationName'] : undefined;
  const attempt = typeof fields['attempt'] === 'number' && fields['attempt'] > 1 ? ` #${fields['attempt']}` : '';
  const extra = Object.entries(fields).filter(([key]) => !STRUCTURED_NOISE.has(key));
  const message = `${operation === undefined ? '' : `[${operation}${attempt}] `}${text(fields['message'])}${extra.length === 0 ? '' : ` ${JSON.stringify(Object.fromEntries(extra))}`}`;
  return { ...(time === undefined ? {} : { time }), level: fields['level'].toUpperCase(), message, platform: false };
}

/** A durable invoke that answered before its execution ended (it waits for a timer or a callback). */
export function isRunningDurable(result: InvokeResult): boolean {
  return result.durableExecutionArn !== undefined && result.statusCode === 202;
}

/** What a durable execution ended with, as the fields of GetDurableExecution give it. */
export interface DurableEnd {
  Status: string;
  Result?: string | undefined;
  Error?: { ErrorType?: string | undefined; ErrorMessage?: string | undefined; StackTrace?: string[] | undefined } | undefined;
}

/**
 * The invoke's result once its durable execution has ended: its result, or an error document
 * as a synchronous invoke would have returned. `null` while it still runs.
 */
export function settledDurableResult(result: InvokeResult, end: DurableEnd): InvokeResult | null {
  if (end.Status === 'RUNNING') return null;
  const { functionError: _running, invocationRetry: _retrying, ...rest } = result;
  if (end.Status === 'SUCCEEDED') return { ...rest, statusCode: 200, payload: end.Result ?? 'null' };
  const fallbackType = end.Status === 'TIMED_OUT' ? 'ExecutionTimedOut' : end.Status === 'STOPPED' ? 'ExecutionStopped' : 'ExecutionFailed';
  const error = end.Error ?? {};
  return {
    ...rest,
    statusCode: 200,
    functionError: 'Unhandled',
    payload: JSON.stringify({
      errorType: error.ErrorType ?? fallbackType,
      errorMessage: error.ErrorMessage ?? `The durable execution ended ${end.Status}.`,
      ...(error.StackTrace === undefined ? {} : { trace: error.StackTrace }),
    }),
  };
}

/** The engine retrying a durable execution's failed invocations, in words: what failed, with what, and what comes next. */
export function retryWords(retry: InvocationRetry, nowMs: number): { failed: string; error?: string; next: string } {
  const n = retry.failedInvocations;
  const error = retry.lastError === undefined ? undefined : [retry.lastError.ErrorType, retry.lastError.ErrorMessage].filter((p) => p !== undefined && p !== '').join(': ');
  const attempt = `Attempt ${n + 1} of ${retry.maxInvocations}`;
  const next = retry.nextAttemptMs === undefined ? `${attempt} is running.` : `${attempt} in ${Math.max(0, Math.ceil((retry.nextAttemptMs - nowMs) / 1000))} s.`;
  return { failed: `invocation ${n} of ${retry.maxInvocations} failed`, ...(error === undefined || error === '' ? {} : { error }), next };
}
