import { create } from 'zustand';
import { toFailure, type Failure } from '../lib/errors.ts';
import { loadExecution } from './executions-api.ts';
import type { ExecutionDetailView } from './model.ts';

export type DetailTab = 'timeline' | 'history' | 'logs';

interface DetailState {
  arn: string | null;
  view: ExecutionDetailView | null;
  /** An opened history file: shown read-only, never refreshed. */
  offlineName: string | null;
  failure: Failure | null;
  selectedId: string | null;
  tab: DetailTab;
  show(arn: string): Promise<void>;
  showOffline(view: ExecutionDetailView, fileName: string): void;
  refresh(): Promise<void>;
  select(id: string | null): void;
  setTab(tab: DetailTab): void;
  clear(): void;
}

let generation = 0;

/** The open execution: loaded once, then refreshed when the engine says it changed. */
export const useDetail = create<DetailState>((set, get) => ({
  arn: null,
  view: null,
  offlineName: null,
  failure: null,
  selectedId: null,
  tab: 'timeline',
  show: async (arn) => {
    if (get().arn !== arn || get().offlineName !== null) set({ arn, view: null, offlineName: null, failure: null, selectedId: null, tab: 'timeline' });
    await get().refresh();
  },
  showOffline: (view, fileName) => {
    generation += 1;
    set({ arn: view.execution.arn, view, offlineName: fileName, failure: null, selectedId: null, tab: 'timeline' });
  },
  refresh: async () => {
    const { arn, offlineName } = get();
    if (arn === null || offlineName !== null) return;
    generation += 1;
    const mine = generation;
    try {
      const view = await loadExecution(arn);
      // A newer load (or another execution) won the race: drop this answer.
      if (mine !== generation || get().arn !== arn) return;
      set({ view, failure: null });
    } catch (error) {
      if (mine !== generation || get().arn !== arn) return;
      set({ failure: toFailure(error, 'Could not load the execution') });
    }
  },
  select: (selectedId) => set({ selectedId }),
  setTab: (tab) => set({ tab }),
  clear: () => {
    generation += 1;
    set({ arn: null, view: null, offlineName: null, failure: null, selectedId: null });
  },
}));
