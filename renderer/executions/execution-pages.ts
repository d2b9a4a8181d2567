import { ExecutionStatus, type ExecutionFilter as WireFilter, type ExecutionSummary as WireSummary } from '../../shared/contract/executions.ts';
import { matches, type ExecutionFilter, type ExecutionSummary } from './execution-filters.ts';
import { mergeSummaries } from './merge-summaries.ts';

/** Rows asked for at a time: a screenful many times over, and quick to send with 100,000 stored. */
export const PAGE_SIZE = 200;
/** The most rows the API gives in one page; a reload of what was scrolled through asks for at most this. */
export const MAX_PAGE = 1000;

/** One answer of `executions.list`, its rows as the list shows them. */
export interface ListedPage {
  items: ExecutionSummary[];
  counts: Record<string, number>;
  nextCursor?: string | undefined;
}

/** `executions.list` with the target already chosen. */
export type ListCall = (filter: Omit<WireFilter, 'target'>) => Promise<ListedPage>;

/** The rows loaded so far, the server's counts for the filter, and where the next page starts (none when every row is here). */
export interface Pages {
  list: ExecutionSummary[];
  counts: Record<string, number>;
  nextCursor: string | undefined;
}

export function summaryOf(e: WireSummary): ExecutionSummary {
  return {
    arn: e.DurableExecutionArn,
    name: e.DurableExecutionName,
    functionName: e.FunctionName,
    status: e.Status,
    startMs: e.StartTimestamp * 1000,
    ...(e.EndTimestamp === undefined ? {} : { endMs: e.EndTimestamp * 1000 }),
    ...(e.FunctionDeleted === true ? { functionDeleted: true } : {}),
  };
}

/** The filter as the API applies it; counts come back for it without the statuses. */
export function serverFilter(filter: ExecutionFilter): Omit<WireFilter, 'target' | 'limit' | 'cursor'> {
  const name = filter.search.trim();
  return {
    ...(filter.functionName === '' ? {} : { functionName: filter.functionName }),
    ...(filter.statuses.length === 0 ? {} : { statuses: filter.statuses.filter((s): s is ExecutionStatus => ExecutionStatus.safeParse(s).success) }),
    ...(name === '' ? {} : { nameContains: name }),
    ...(filter.startedAfterMs === undefined ? {} : { startedAfterMs: filter.startedAfterMs }),
    ...(filter.startedBeforeMs === undefined ? {} : { startedBeforeMs: filter.startedBeforeMs }),
  };
}

/**
 * The first page, or as many rows as `keep` (up to one page of the API) so a reload after a stop
 * or a refresh leaves the rows scrolled through in place.
 */
export async function firstPage(call: ListCall, filter: ExecutionFilter, pageSize: number, keep = 0): Promise<Pages> {
  const limit = Math.min(MAX_PAGE, Math.max(pageSize, keep));
  const page = await call({ ...serverFilter(filter), limit });
  return { list: page.items, counts: page.counts, nextCursor: page.nextCursor };
}

/** The page after `cursor`. */
export function nextPage(call: ListCall, filter: ExecutionFilter, cursor: string, pageSize: number): Promise<ListedPage> {
  return call({ ...serverFilter(filter), limit: pageSize, cursor });
}

/** The loaded rows with a page after them; a row already there (a live change got it first) stays once. */
export function appendPage(list: readonly ExecutionSummary[], page: ListedPage): ExecutionSummary[] {
  const known = new Set(list.map((e) => e.arn));
  return [...list, ...page.items.filter((e) => !known.has(e.arn))];
}

/** Whether anything but the statuses narrows the list (its counts are then not every execution's). */
export function narrowsBeyondStatus(filter: ExecutionFilter): boolean {
  return Object.keys(serverFilter({ ...filter, statuses: [] })).length > 0;
}

/**
 * Live changes applied to the loaded rows: a loaded execution takes its change; one not loaded is
 * added only when the filter would list it and it sorts among the loaded rows (newer than the
 * last one, or every row is loaded). An older one the list has not reached yet comes with its page.
 */
export function applyChanges(pages: Pages, changes: readonly ExecutionSummary[], filter: ExecutionFilter): ExecutionSummary[] {
  const loaded = new Set(pages.list.map((e) => e.arn));
  const oldest = pages.list.at(-1)?.startMs;
  const kept = changes.filter((c) => loaded.has(c.arn) || (matches(c, filter) && (pages.nextCursor === undefined || oldest === undefined || c.startMs >= oldest)));
  return kept.length === 0 ? pages.list : mergeSummaries(pages.list, kept);
}
