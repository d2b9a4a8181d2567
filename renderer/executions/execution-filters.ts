/** An execution as the list shows it, whichever host or target it came from. */
export interface ExecutionSummary {
  arn: string;
  name: string;
  functionName: string;
  /** RUNNING, SUCCEEDED, FAILED, TIMED_OUT or STOPPED. */
  status: string;
  startMs: number;
  endMs?: number | undefined;
  /** No function of this name exists now (deleted or renamed); the execution is still kept. */
  functionDeleted?: boolean | undefined;
}

export const EXECUTION_STATUSES = ['RUNNING', 'SUCCEEDED', 'FAILED', 'TIMED_OUT', 'STOPPED'] as const;

export interface ExecutionFilter {
  /** Empty means every status. */
  statuses: readonly string[];
  /** Empty means every function. */
  functionName: string;
  /** A part of the execution's name, any case. */
  search: string;
  startedAfterMs?: number | undefined;
  startedBeforeMs?: number | undefined;
}

export type SortKey = 'started' | 'name' | 'function' | 'status' | 'duration';
export interface Sort {
  key: SortKey;
  descending: boolean;
}

export const EMPTY_FILTER: ExecutionFilter = { statuses: [], functionName: '', search: '' };

/** Whether anything narrows the list (the empty state then offers to clear the filters). */
export function isFiltered(filter: ExecutionFilter): boolean {
  return filter.statuses.length > 0 || filter.functionName !== '' || filter.search.trim() !== '' || filter.startedAfterMs !== undefined || filter.startedBeforeMs !== undefined;
}

/** Everything but the status (the status counts use this, so each count says what clicking it shows). */
function matchesOthers(e: ExecutionSummary, filter: ExecutionFilter): boolean {
  if (filter.functionName !== '' && e.functionName !== filter.functionName) return false;
  if (filter.startedAfterMs !== undefined && e.startMs < filter.startedAfterMs) return false;
  if (filter.startedBeforeMs !== undefined && e.startMs > filter.startedBeforeMs) return false;
  // The API pages the list by the same rule (a part of the name, any case), so loaded and live rows agree.
  const needle = filter.search.trim().toLowerCase();
  return needle === '' || e.name.toLowerCase().includes(needle);
}

export function matches(e: ExecutionSummary, filter: ExecutionFilter): boolean {
  if (filter.statuses.length > 0 && !filter.statuses.includes(e.status)) return false;
  return matchesOthers(e, filter);
}

/** How many executions of each status pass every other filter. */
export function countByStatus(list: readonly ExecutionSummary[], filter: ExecutionFilter): Record<string, number> {
  const counts: Record<string, number> = Object.fromEntries(EXECUTION_STATUSES.map((s) => [s, 0]));
  for (const e of list) if (matchesOthers(e, filter)) counts[e.status] = (counts[e.status] ?? 0) + 1;
  return counts;
}

const STATUS_ORDER: Record<string, number> = { RUNNING: 0, FAILED: 1, TIMED_OUT: 2, STOPPED: 3, SUCCEEDED: 4 };

function duration(e: ExecutionSummary, nowMs: number): number {
  return (e.endMs ?? nowMs) - e.startMs;
}

/** The filtered list in the chosen order; ties fall back to newest first, then the ARN, so the order is stable. */
export function filterAndSort(list: readonly ExecutionSummary[], filter: ExecutionFilter, sort: Sort, nowMs: number): ExecutionSummary[] {
  const sign = sort.descending ? -1 : 1;
  const compare = (a: ExecutionSummary, b: ExecutionSummary): number => {
    switch (sort.key) {
      case 'name':
        return a.name.localeCompare(b.name);
      case 'function':
        return a.functionName.localeCompare(b.functionName);
      case 'status':
        return (STATUS_ORDER[a.status] ?? 9) - (STATUS_ORDER[b.status] ?? 9);
      case 'duration':
        return duration(a, nowMs) - duration(b, nowMs);
      case 'started':
        return a.startMs - b.startMs;
    }
  };
  return list
    .filter((e) => matches(e, filter))
    .sort((a, b) => sign * compare(a, b) || b.startMs - a.startMs || a.arn.localeCompare(b.arn));
}

/** The functions that have executions, for the function filter's choices. */
export function functionNames(list: readonly ExecutionSummary[]): string[] {
  return [...new Set(list.map((e) => e.functionName))].sort((a, b) => a.localeCompare(b));
}

/** `datetime-local` input text → epoch ms, or undefined when empty or unreadable. */
export function parseLocalDateTime(text: string): number | undefined {
  if (text.trim() === '') return undefined;
  const ms = new Date(text).getTime();
  return Number.isNaN(ms) ? undefined : ms;
}
