import type { HistoryEvent } from '../contract/executions.ts';

/** A callback still waiting for its answer, as read from one execution's history. */
export interface OpenCallback {
  callbackId: string;
  operationId: string;
  operationName?: string;
  /** Epoch milliseconds. */
  startedMs: number;
  /** Epoch milliseconds; absent when the callback has no timeout. */
  timeoutAtMs?: number;
  heartbeatTimeoutSeconds?: number;
}

const CLOSING = new Set(['CallbackSucceeded', 'CallbackFailed', 'CallbackTimedOut']);

/** History timestamps are epoch seconds in the API's JSON, ISO text in some exported files. */
export function eventTimeMs(value: unknown): number {
  if (typeof value === 'number') return value * 1000;
  if (typeof value === 'string') return Date.parse(value);
  return Number.NaN;
}

function details(event: HistoryEvent): Record<string, unknown> {
  const value = (event as Record<string, unknown>)[`${event.EventType}Details`];
  return typeof value === 'object' && value !== null ? (value as Record<string, unknown>) : {};
}

/**
 * The callbacks of an execution that started and have not been answered, failed or timed out.
 * A closed execution has none, whatever its history says.
 */
export function openCallbacks(events: readonly HistoryEvent[]): OpenCallback[] {
  const open = new Map<string, OpenCallback>();
  // waitForCallback names its child context, not the callback inside it: the context's name is the one people gave.
  const names = new Map<string, string>();
  for (const event of events) {
    const id = event.Id;
    if (id !== undefined && event.Name !== undefined) names.set(id, event.Name);
    if (event.EventType.startsWith('Execution') && event.EventType !== 'ExecutionStarted') return [];
    if (id === undefined) continue;
    if (event.EventType === 'CallbackStarted') {
      const d = details(event);
      const startedMs = eventTimeMs(event.EventTimestamp);
      const timeout = typeof d['Timeout'] === 'number' ? d['Timeout'] : undefined;
      const heartbeat = typeof d['HeartbeatTimeout'] === 'number' ? d['HeartbeatTimeout'] : undefined;
      const name = event.Name ?? (event.ParentId === undefined ? undefined : names.get(event.ParentId));
      open.set(id, {
        callbackId: String(d['CallbackId'] ?? ''),
        operationId: id,
        ...(name === undefined ? {} : { operationName: name }),
        startedMs,
        ...(timeout === undefined ? {} : { timeoutAtMs: startedMs + timeout * 1000 }),
        ...(heartbeat === undefined ? {} : { heartbeatTimeoutSeconds: heartbeat }),
      });
    } else if (CLOSING.has(event.EventType)) {
      open.delete(id);
    }
  }
  return [...open.values()].filter((c) => c.callbackId !== '');
}
