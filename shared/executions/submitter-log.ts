import type { ExecutionLogLine, HistoryEvent } from '../contract/executions.ts';
import { eventTimeMs } from './pending-callbacks.ts';

/** How many lines an approval shows of what the handler logged when it asked. */
export const SUBMITTER_LINES = 3;

function requestIdOf(event: HistoryEvent): { startMs: number; endMs: number; requestId: string } | undefined {
  const d = (event as Record<string, unknown>)['InvocationCompletedDetails'];
  if (typeof d !== 'object' || d === null) return undefined;
  const { StartTimestamp, EndTimestamp, RequestId } = d as Record<string, unknown>;
  if (typeof RequestId !== 'string') return undefined;
  return { startMs: eventTimeMs(StartTimestamp), endMs: eventTimeMs(EndTimestamp), requestId: RequestId };
}

/**
 * What the handler logged when it asked for a callback, for whoever answers it. With
 * `waitForCallback`, the lines of its submitter (the operations in the callback's context);
 * with `createCallback`, the lines of the invocation that started the callback, up to that
 * moment and a little after (the handler usually logs where it sent the id). The last few only.
 */
export function submitterLines(
  events: readonly HistoryEvent[],
  callback: { operationId: string; parentId?: string | undefined; startedMs: number },
  lines: readonly ExecutionLogLine[],
): ExecutionLogLine[] {
  const parents = new Map<string, string>();
  for (const e of events) if (e.Id !== undefined && e.ParentId !== undefined) parents.set(e.Id, e.ParentId);
  if (callback.parentId !== undefined) {
    const inContext = lines.filter((l) => l.operationId !== undefined && (l.operationId === callback.parentId || parents.get(l.operationId) === callback.parentId));
    if (inContext.length > 0) return inContext.slice(-SUBMITTER_LINES);
  }
  // History times are whole seconds: an invocation "contains" the callback within a second either side.
  const invocation = events
    .map(requestIdOf)
    .find((i) => i !== undefined && i.startMs - 1000 <= callback.startedMs && callback.startedMs <= i.endMs + 1000);
  const requestId = invocation?.requestId ?? [...lines].reverse().find((l) => Date.parse(l.timestamp) <= callback.startedMs + 1000)?.requestId;
  if (requestId === undefined) return [];
  return lines.filter((l) => l.requestId === requestId).slice(-SUBMITTER_LINES);
}
