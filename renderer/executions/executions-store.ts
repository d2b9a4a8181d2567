import { create } from 'zustand';
import { toFailure, type Failure } from '../lib/errors.ts';
import { useUi } from '../shell/ui-store.ts';
import { LOCAL_TARGET_ID } from '../../shared/contract/targets.ts';
import { currentTargetId, useTargets } from '../targets/target-store.ts';
import { EMPTY_FILTER, type ExecutionFilter, type ExecutionSummary, type Sort, type SortKey } from './execution-filters.ts';
import { debugLocally, listExecutions, rerunExecution, stopExecutions } from './executions-api.ts';
import { mergeSummaries } from './merge-summaries.ts';

interface ExecutionsState {
  list: ExecutionSummary[];
  loaded: boolean;
  failure: Failure | null;
  filter: ExecutionFilter;
  sort: Sort;
  /** Executions ticked for a bulk action. */
  checked: ReadonlySet<string>;
  /** The execution whose detail is open, or null for the list. */
  openArn: string | null;
  load(): Promise<void>;
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

export const useExecutions = create<ExecutionsState>((set, get) => ({
  list: [],
  loaded: false,
  failure: null,
  filter: EMPTY_FILTER,
  sort: { key: 'started', descending: true },
  checked: new Set(),
  openArn: null,
  load: async () => {
    const target = currentTargetId();
    try {
      const list = await listExecutions();
      // The target changed while this was on its way: the new target's own load follows.
      if (target !== currentTargetId()) return;
      set({ list, loaded: true, failure: null });
    } catch (error) {
      if (target !== currentTargetId()) return;
      set({ loaded: true, failure: toFailure(error, 'Could not list the executions') });
    }
  },
  upsert: (summaries) => {
    if (summaries.length > 0) set({ list: mergeSummaries(get().list, summaries) });
  },
  setFilter: (patch) => set({ filter: { ...get().filter, ...patch } }),
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
