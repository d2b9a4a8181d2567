import { create } from 'zustand';
import type { HistoryEvent } from '../../shared/contract/executions.ts';
import type { WorkflowRun } from '../../shared/contract/workflows.ts';
import type { WorkflowGraph } from '../../shared/workflow/schema.ts';
import { toFailure, type Failure } from '../lib/errors.ts';
import { onTargetChanged } from '../targets/target-store.ts';
import { useGraph } from './graph-store.ts';
import { deriveRunView, type RunView } from './run-state.ts';
import { listRuns, pendingCallbackIds, readHistory } from './workflows-api.ts';

interface RunState {
  /** The workflow whose runs are listed. */
  workflow: string | null;
  runs: WorkflowRun[];
  runsLoaded: boolean;
  runsFailure: Failure | null;
  /** The run drawn on the canvas, or null while editing. */
  arn: string | null;
  events: HistoryEvent[];
  view: RunView | null;
  failure: Failure | null;
  /** Show the graph the run started with instead of the file's current one (read-only). */
  showRunGraph: boolean;
  /** Callback ids from the pending list, by block, for approvals whose history did not carry one. */
  pendingIds: ReadonlyMap<string, string>;
  loadRuns(workflow: string): Promise<void>;
  show(arn: string): Promise<void>;
  refresh(): Promise<void>;
  hide(): void;
  setShowRunGraph(show: boolean): void;
}

let generation = 0;

/** The graph a run is drawn on: the one it ran with when asked for, else the file's. */
export function runGraphShown(state: Pick<RunState, 'showRunGraph' | 'view'>, graph: WorkflowGraph | null): WorkflowGraph | null {
  return state.showRunGraph && state.view?.runGraph !== undefined ? state.view.runGraph : graph;
}

function derive(events: readonly HistoryEvent[], showRunGraph: boolean): RunView | null {
  const graph = useGraph.getState().graph;
  const fallback = deriveRunView(graph ?? { version: 1, blocks: [], edges: [] }, events);
  const shown = runGraphShown({ showRunGraph, view: fallback }, graph);
  return shown === null ? null : shown === graph ? fallback : deriveRunView(shown, events);
}

/** The workflow's runs and the one shown on the canvas, kept current by execution events. */
export const useRuns = create<RunState>((set, get) => ({
  workflow: null,
  runs: [],
  runsLoaded: false,
  runsFailure: null,
  arn: null,
  events: [],
  view: null,
  failure: null,
  showRunGraph: false,
  pendingIds: new Map(),
  loadRuns: async (workflow) => {
    if (get().workflow !== workflow) set({ workflow, runs: [], runsLoaded: false, runsFailure: null });
    try {
      const runs = await listRuns(workflow);
      if (get().workflow === workflow) set({ runs, runsLoaded: true, runsFailure: null });
    } catch (error) {
      if (get().workflow === workflow) set({ runsLoaded: true, runsFailure: toFailure(error, 'Could not list the runs') });
    }
  },
  show: async (arn) => {
    if (get().arn !== arn) set({ arn, events: [], view: null, failure: null, showRunGraph: false, pendingIds: new Map() });
    await get().refresh();
  },
  refresh: async () => {
    const { arn, events } = get();
    if (arn === null) return;
    generation += 1;
    const mine = generation;
    try {
      const next = await readHistory(arn, events);
      if (mine !== generation || get().arn !== arn) return;
      const view = derive(next, get().showRunGraph);
      set({ events: next, view, failure: null });
      const needsIds = view !== null && Object.values(view.blocks).some((b) => b.status === 'waiting' && b.label === 'Waiting for approval' && b.callbackId === undefined);
      if (needsIds) {
        const pendingIds = await pendingCallbackIds(arn);
        if (get().arn === arn) set({ pendingIds });
      }
    } catch (error) {
      if (mine === generation && get().arn === arn) set({ failure: toFailure(error, 'Could not read the run') });
    }
  },
  hide: () => {
    generation += 1;
    set({ arn: null, events: [], view: null, failure: null, showRunGraph: false, pendingIds: new Map() });
  },
  setShowRunGraph: (showRunGraph) => set({ showRunGraph, view: derive(get().events, showRunGraph) }),
}));

// Edits to the graph change which blocks exist: draw the run on the new graph.
useGraph.subscribe((state, previous) => {
  if (state.graph === previous.graph) return;
  const { arn, events, showRunGraph } = useRuns.getState();
  if (arn !== null && !showRunGraph) useRuns.setState({ view: derive(events, false) });
});

// Another target is another account: the run shown belongs to the one left, and the runs listed too.
// Heard here rather than on the page, which is not mounted while another area shows.
onTargetChanged(() => {
  const { workflow } = useRuns.getState();
  useRuns.getState().hide();
  useRuns.setState({ runs: [], runsLoaded: false, runsFailure: null });
  if (workflow !== null) void useRuns.getState().loadRuns(workflow);
});

/** The callback an Approval block waits on: from its history, else from the pending list. */
export function callbackIdOf(blockId: string): string | undefined {
  const { view, pendingIds } = useRuns.getState();
  return view?.blocks[blockId]?.callbackId ?? pendingIds.get(blockId);
}
