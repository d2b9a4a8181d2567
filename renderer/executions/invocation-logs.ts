import type { InvocationLine, InvocationSummary, InvocationWithLines } from '../../shared/contract/invocations.ts';
import { isPlatformLine } from '../invoke/invoke-outcome.ts';
import type { AttemptView, HistoryRow, OperationView } from './model.ts';

/** One line of an invocation as the Logs tab shows it. */
export interface LogLineView extends InvocationLine {
  ms: number;
  /** START, END, REPORT and the like: written by the platform, never replayed. */
  platform: boolean;
  /** The same line was written by an earlier invocation: the handler ran that code again while replaying. */
  replayed: boolean;
}

export interface InvocationLogView {
  invocation: InvocationSummary;
  lines: LogLineView[];
}

const ISO_TIME = /\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(?:\.\d+)?Z?/g;

/** What a line says, without the parts that differ on every run of the same code (its time, its request id). */
function sameLineKey(line: string, requestId: string): string {
  return line.replaceAll(requestId, '').replace(ISO_TIME, '').trim();
}

/**
 * An execution's invocations, oldest first, each with its own lines; a line an earlier invocation
 * already wrote is marked replayed (a durable handler runs from the top on every invocation, and
 * code outside steps writes its lines again).
 */
export function invocationLogViews(invocations: readonly InvocationWithLines[]): InvocationLogView[] {
  const earlier = new Set<string>();
  return invocations.map((inv) => {
    const keys: string[] = [];
    const lines = inv.lines.map((l) => {
      const platform = isPlatformLine(l.line);
      const key = sameLineKey(l.line, inv.requestId);
      keys.push(key);
      return { ...l, ms: Date.parse(l.timestamp), platform, replayed: !platform && earlier.has(key) };
    });
    for (const key of keys) earlier.add(key);
    return { invocation: inv, lines };
  });
}

/**
 * The lines a step's attempts wrote. An attempt's start is checkpointed without waiting (and often
 * together with its end), so its start time says little; what is known is when it ended and what
 * the invocation checkpointed before. Its lines are the new (not replayed) lines of the invocation
 * that ran it, after the last event of another operation and up to the attempt's end.
 */
export function attemptLines(op: OperationView, views: readonly InvocationLogView[], history: readonly HistoryRow[], nowMs: number): LogLineView[] {
  const out: LogLineView[] = [];
  for (const attempt of op.attempts) out.push(...linesOfAttempt(op, attempt, views, history, nowMs));
  return out;
}

function linesOfAttempt(op: OperationView, attempt: AttemptView, views: readonly InvocationLogView[], history: readonly HistoryRow[], nowMs: number): LogLineView[] {
  const endMs = attempt.endMs ?? nowMs;
  const view = views.find((v) => v.invocation.startMs <= endMs && endMs <= (v.invocation.endMs ?? nowMs) + 1);
  if (view === undefined) return [];
  let fromMs = view.invocation.startMs;
  for (const row of history) {
    if (row.operationId === op.id || row.eventType.startsWith('Invocation')) continue;
    if (row.timestampMs >= fromMs && row.timestampMs < endMs) fromMs = row.timestampMs;
  }
  // The durable logger's own lines name their operation and show as such already.
  return view.lines.filter((l) => !l.platform && !l.replayed && l.ms >= fromMs && l.ms <= endMs && !isDurableLoggerLine(l.line));
}

function isDurableLoggerLine(line: string): boolean {
  return line.startsWith('{') && line.includes('"executionArn"');
}
