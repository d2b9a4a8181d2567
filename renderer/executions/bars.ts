import { formatCountdown, formatDuration } from './time-format.ts';
import type { ExecutionView, OperationView } from './model.ts';
import type { Tone } from './status-look.ts';
import { operationLook } from './status-look.ts';
import { errorHeadline } from './error-text.ts';

/** One drawn piece of a row. */
export interface Segment {
  /**
   * `bar` a solid span (an attempt, a finished operation), `open` still going (ends at now),
   * `scheduled` the rest of a wait or retry delay up to when it is due, `gap` the delay between attempts.
   */
  kind: 'bar' | 'open' | 'scheduled' | 'gap' | 'group';
  startMs: number;
  endMs: number;
  tone: Tone;
  /** The hover text: what this piece is, how long, and the error if it failed. */
  title: string;
  /** Skipped on the virtual clock (drawn hatched). */
  skipped?: boolean;
}

function attemptSegments(op: OperationView, nowMs: number): Segment[] {
  const out: Segment[] = [];
  op.attempts.forEach((a, i) => {
    const end = a.endMs ?? nowMs;
    const tone: Tone = a.status === 'SUCCEEDED' ? 'succeeded' : a.status === 'FAILED' ? 'failed' : 'running';
    const what = a.status === 'SUCCEEDED' ? 'succeeded' : a.status === 'FAILED' ? 'failed' : 'running';
    const error = a.error !== undefined ? `\n${errorHeadline(a.error)}` : '';
    out.push({ kind: a.endMs === undefined ? 'open' : 'bar', startMs: a.startMs, endMs: end, tone, title: `Attempt ${a.number} ${what} after ${formatDuration(end - a.startMs)}${error}` });
    const next = op.attempts[i + 1];
    if (next !== undefined && a.endMs !== undefined && next.startMs > a.endMs) {
      out.push({ kind: 'gap', startMs: a.endMs, endMs: next.startMs, tone: 'pending', title: `Retry delay ${formatDuration(next.startMs - a.endMs)}${next.skipped === true ? ' (skipped)' : ''}`, ...(next.skipped === true ? { skipped: true } : {}) });
    } else if (next === undefined && a.endMs !== undefined && op.nextAttemptMs !== undefined && op.status === 'PENDING') {
      const due = op.nextAttemptMs;
      out.push({ kind: 'scheduled', startMs: a.endMs, endMs: Math.max(due, a.endMs), tone: 'pending', title: `Attempt ${a.number + 1} ${formatCountdown(due, nowMs)}` });
    }
  });
  return out;
}

/**
 * The pieces a row draws: attempts of a retried step one by one with the delays between
 * them, a wait up to its scheduled end, a pending callback open up to now, a group as a span.
 */
export function segmentsOf(op: OperationView, nowMs: number): Segment[] {
  const look = operationLook(op.type, op.status);
  const finished = op.endMs !== undefined;
  const end = op.endMs ?? nowMs;
  if (op.type === 'STEP' && op.attempts.length > 0) return attemptSegments(op, nowMs);
  if (op.type === 'WAIT') {
    const scheduled = op.scheduledEndMs;
    if (finished) {
      return [{ kind: 'bar', startMs: op.startMs, endMs: end, tone: op.skipped === true ? 'pending' : look.tone, title: `Waited ${formatDuration(end - op.startMs)}${op.skipped === true ? ' (skipped on the virtual clock)' : ''}`, ...(op.skipped === true ? { skipped: true } : {}) }];
    }
    const out: Segment[] = [{ kind: 'open', startMs: op.startMs, endMs: Math.max(op.startMs, Math.min(nowMs, scheduled ?? nowMs)), tone: 'pending', title: `Waiting for ${formatDuration(nowMs - op.startMs)}` }];
    if (scheduled !== undefined && scheduled > nowMs) out.push({ kind: 'scheduled', startMs: nowMs, endMs: scheduled, tone: 'pending', title: `Ends ${formatCountdown(scheduled, nowMs)}` });
    return out;
  }
  if (op.type === 'CONTEXT') {
    return [{ kind: 'group', startMs: op.startMs, endMs: end, tone: look.tone, title: `${look.label} · ${formatDuration(end - op.startMs)}` }];
  }
  const error = op.error !== undefined ? `\n${errorHeadline(op.error)}` : '';
  return [{ kind: finished ? 'bar' : 'open', startMs: op.startMs, endMs: end, tone: look.tone, title: `${look.label} · ${formatDuration(end - op.startMs)}${error}`, ...(op.skipped === true ? { skipped: true } : {}) }];
}

/** The time range the axis covers: the execution's start to its end (or now), stretched to the last scheduled end. */
export function timelineRange(execution: ExecutionView, ops: readonly OperationView[], nowMs: number): { startMs: number; endMs: number } {
  let start = execution.startMs;
  let end = execution.endMs ?? nowMs;
  for (const op of ops) {
    if (op.startMs < start) start = op.startMs;
    const last = Math.max(op.endMs ?? (execution.endMs === undefined ? nowMs : op.startMs), op.endMs === undefined ? (op.scheduledEndMs ?? 0) : 0, op.endMs === undefined ? (op.nextAttemptMs ?? 0) : 0);
    if (last > end) end = last;
  }
  // A little air after the last bar so it never touches the edge.
  const span = Math.max(end - start, 1000);
  return { startMs: start, endMs: start + span * 1.04 };
}
