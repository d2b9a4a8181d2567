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
  /** The names from the outermost operation in to the callback's own (a workflow's branch, the step). */
  stepPath: string[];
  /** The operation the callback sits in (`waitForCallback`'s context), if any. */
  parentId?: string;
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

/** The names of an operation and its ancestors, outermost first; unnamed ones are left out. */
function pathOf(id: string | undefined, names: ReadonlyMap<string, string>, parents: ReadonlyMap<string, string>): string[] {
  const path: string[] = [];
  const seen = new Set<string>();
  for (let at = id; at !== undefined && !seen.has(at); at = parents.get(at)) {
    seen.add(at);
    const name = names.get(at);
    if (name !== undefined) path.unshift(name);
  }
  return path;
}

/** The payload an execution started with, from its ExecutionStarted event (present when the history was read with its data). */
export function executionInput(events: readonly HistoryEvent[]): string | undefined {
  const started = events.find((e) => e.EventType === 'ExecutionStarted');
  if (started === undefined) return undefined;
  const input = details(started)['Input'];
  const payload = typeof input === 'object' && input !== null ? (input as Record<string, unknown>)['Payload'] : undefined;
  return typeof payload === 'string' ? payload : undefined;
}

/**
 * The callbacks of an execution that started and have not been answered, failed or timed out.
 * A closed execution has none, whatever its history says.
 */
export function openCallbacks(events: readonly HistoryEvent[]): OpenCallback[] {
  const open = new Map<string, OpenCallback>();
  // waitForCallback names its child context, not the callback inside it: the context's name is the one people gave.
  const names = new Map<string, string>();
  const parents = new Map<string, string>();
  for (const event of events) {
    const id = event.Id;
    if (id !== undefined && event.Name !== undefined) names.set(id, event.Name);
    if (id !== undefined && event.ParentId !== undefined) parents.set(id, event.ParentId);
    if (event.EventType.startsWith('Execution') && event.EventType !== 'ExecutionStarted') return [];
    if (id === undefined) continue;
    if (event.EventType === 'CallbackStarted') {
      const d = details(event);
      const startedMs = eventTimeMs(event.EventTimestamp);
      const timeout = typeof d['Timeout'] === 'number' ? d['Timeout'] : undefined;
      const heartbeat = typeof d['HeartbeatTimeout'] === 'number' ? d['HeartbeatTimeout'] : undefined;
      const name = event.Name ?? (event.ParentId === undefined ? undefined : names.get(event.ParentId));
      const path = pathOf(event.ParentId, names, parents);
      if (event.Name !== undefined) path.push(event.Name);
      open.set(id, {
        callbackId: String(d['CallbackId'] ?? ''),
        operationId: id,
        ...(name === undefined ? {} : { operationName: name }),
        startedMs,
        ...(timeout === undefined ? {} : { timeoutAtMs: startedMs + timeout * 1000 }),
        ...(heartbeat === undefined ? {} : { heartbeatTimeoutSeconds: heartbeat }),
        stepPath: path,
        ...(event.ParentId === undefined ? {} : { parentId: event.ParentId }),
      });
    } else if (CLOSING.has(event.EventType)) {
      open.delete(id);
    }
  }
  return [...open.values()].filter((c) => c.callbackId !== '');
}
