import { create } from 'zustand';
import { toFailure, type Failure } from '../lib/errors.ts';
import { useUi } from '../shell/ui-store.ts';
import { LOCAL_TARGET_ID } from '../../shared/contract/targets.ts';
import { currentTargetId, useTargets } from '../targets/target-store.ts';
import { EMPTY_FILTER, type ExecutionFilter, type ExecutionSummary, type Sort, type SortKey } from './execution-filters.ts';
import { debugLocally, listPage, rerunExecution, stopExecutions } from './executions-api.ts';
import { appendPage, applyChanges, firstPage, narrowsBeyondStatus, nextPage, PAGE_SIZE, serverFilter } from './execution-pages.ts';

/** Rows per page; a test may set a smaller one in local storage to page through a few executions. */
function pageSize(): number {
  const set = typeof localStorage === 'undefined' ? null : Number(localStorage.getItem('executions.pageSize'));
  return set !== null && Number.isInteger(set) && set >= 1 && set <= 1000 ? set : PAGE_SIZE;
}

/** How long typing in the search waits before the list is asked again. */
const SEARCH_MS = 250;

interface ExecutionsState {
  /** The rows loaded so far, newest first as the API pages them. */
  list: ExecutionSummary[];
  loaded: boolean;
  /** Per status, of every execution the filter (statuses aside) matches: the server's, not the loaded rows'. */
  counts: Record<string, number>;
  /** Per status, of every execution. */
  allCounts: Record<string, number>;
  /** Where the next page starts; undefined when every matching row is loaded. */
  nextCursor: string | undefined;
  loadingMore: boolean;
  failure: Failure | null;
  filter: ExecutionFilter;
  sort: Sort;
  /** Executions ticked for a bulk action. */
  checked: ReadonlySet<string>;
  /** The execution whose detail is open, or null for the list. */
  openArn: string | null;
  /** Asks for the list again: as many rows as are loaded (at least a page), or with `fresh` the first page only. */
  load(fresh?: boolean): Promise<void>;
  /** Adds the next page to the loaded rows. */
  loadMore(): Promise<void>;
  /** Asks the server for the counts again (live changes move them, also for rows not loaded). */
  refreshCounts(): Promise<void>;
  /** Applies changed executions, all in one update of the list. */
  upsert(summaries: readonly ExecutionSummary[]): void;
  setFilter(patch: Partial<ExecutionFilter>): void;
  sortBy(key: SortKey): void;
  toggleChecked(arn: string): void;
  setChecked(arns: readonly string[]): void;
  open(arn: string | null): void;
  stop(arns: readonly string[]): Promise<void>;
  rerun(arn: string): Promise<void>;
  /** Replays the execution with the local code on the local target, and opens the new execution there. */
  debugLocally(arn: string): Promise<void>;
}

/** Bumped by every load: a page or counts asked for before it are for another filter and are dropped. */
let generation = 0;
let searchTimer: ReturnType<typeof setTimeout> | undefined;

export const useExecutions = create<ExecutionsState>((set, get) => ({
  list: [],
  loaded: false,
  counts: {},
  allCounts: {},
  nextCursor: undefined,
  loadingMore: false,
  failure: null,
  filter: EMPTY_FILTER,
  sort: { key: 'started', descending: true },
  checked: new Set(),
  openArn: null,
  load: async (fresh = false) => {
    const target = currentTargetId();
    const mine = ++generation;
    const { filter, list } = get();
    try {
      const [pages, allCounts] = await Promise.all([
        firstPage(listPage, filter, pageSize(), fresh ? 0 : list.length),
        narrowsBeyondStatus(filter) ? allCountsNow() : Promise.resolve(undefined),
      ]);
      // The target or the filter changed while this was on its way: their own load follows.
      if (target !== currentTargetId() || mine !== generation) return;
      set({ ...pages, allCounts: allCounts ?? (narrowsBeyondStatus(filter) ? get().allCounts : pages.counts), loaded: true, loadingMore: false, failure: null });
    } catch (error) {
      if (target !== currentTargetId() || mine !== generation) return;
      set({ loaded: true, loadingMore: false, failure: toFailure(error, 'Could not list the executions') });
    }
  },
  loadMore: async () => {
    const { nextCursor, loadingMore, filter } = get();
    if (nextCursor === undefined || loadingMore) return;
    const target = currentTargetId();
    const mine = generation;
    set({ loadingMore: true });
    try {
      const page = await nextPage(listPage, filter, nextCursor, pageSize());
      if (target !== currentTargetId() || mine !== generation) return;
      set({ list: appendPage(get().list, page), counts: page.counts, nextCursor: page.nextCursor, loadingMore: false });
    } catch (error) {
      if (target !== currentTargetId() || mine !== generation) return;
      set({ loadingMore: false, failure: toFailure(error, 'Could not list more executions') });
    }
  },
  refreshCounts: async () => {
    const target = currentTargetId();
    const mine = generation;
    const { filter } = get();
    try {
      const [counts, allCounts] = await Promise.all([
        listPage({ ...serverFilter({ ...filter, statuses: [] }), limit: 1 }).then((p) => p.counts),
        narrowsBeyondStatus(filter) ? allCountsNow() : Promise.resolve(undefined),
      ]);
      if (target !== currentTargetId() || mine !== generation) return;
      set({ counts, allCounts: allCounts ?? counts });
    } catch {
      // The next change or load asks again; the list itself is unaffected.
    }
  },
  upsert: (summaries) => {
    // Before the first page the list knows nothing to place them against; that page brings them.
    if (summaries.length === 0 || !get().loaded) return;
    const { list, nextCursor, counts, filter } = get();
    const next = applyChanges({ list, nextCursor, counts }, summaries, filter);
    if (next !== list) set({ list: next });
  },
  setFilter: (patch) => {
    const before = get().filter;
    const filter = { ...before, ...patch };
    set({ filter });
    clearTimeout(searchTimer);
    // The filter is applied by the server: the list is asked again, after a pause while the search is typed.
    const onlySearch = Object.keys(patch).every((key) => key === 'search');
    if (onlySearch && filter.search.trim() === before.search.trim()) return;
    if (onlySearch) searchTimer = setTimeout(() => void get().load(true), SEARCH_MS);
    else void get().load(true);
  },
  sortBy: (key) => {
    const sort = get().sort;
    set({ sort: sort.key === key ? { key, descending: !sort.descending } : { key, descending: key === 'started' || key === 'duration' } });
  },
  toggleChecked: (arn) => {
    const next = new Set(get().checked);
    if (next.has(arn)) next.delete(arn);
    else next.add(arn);
    set({ checked: next });
  },
  setChecked: (arns) => set({ checked: new Set(arns) }),
  open: (openArn) => {
    set({ openArn });
    if (openArn !== null && useUi.getState().view !== 'executions') useUi.getState().setView('executions');
  },
  stop: async (arns) => {
    let failures: string[];
    try {
      failures = (await stopExecutions(arns)).map((f) => `${f.arn.split('/').at(-2) ?? f.arn}: ${f.message}`);
    } catch (error) {
      failures = [toFailure(error).message];
    }
    set({ checked: new Set() });
    if (failures.length > 0) {
      useUi.getState().notify({ message: `${failures.length} of ${arns.length} executions could not be stopped.`, details: failures.join('\n') });
    }
    await get().load();
  },
  rerun: async (arn) => {
    try {
      const started = await rerunExecution(arn);
      await get().load();
      set({ openArn: started });
    } catch (error) {
      useUi.getState().notify(toFailure(error, 'Could not run the execution again'));
    }
  },
  debugLocally: async (arn) => {
    try {
      const started = await debugLocally(arn);
      // The replay is a local execution: switching the target reloads the lists from the local service.
      useTargets.getState().select(LOCAL_TARGET_ID);
      await get().load();
      set({ openArn: started });
    } catch (error) {
      useUi.getState().notify(toFailure(error, 'Could not debug the execution locally'));
    }
  },
}));

/**
 * Per status, of every execution on the local target (one row asked for). An AWS target would
 * answer every execution for it, so there the side list keeps the counts of the last unfiltered load.
 */
async function allCountsNow(): Promise<Record<string, number> | undefined> {
  if (currentTargetId() !== LOCAL_TARGET_ID) return undefined;
  return (await listPage({ limit: 1 })).counts;
}
