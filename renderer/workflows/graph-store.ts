import { temporal } from 'zundo';
import { create } from 'zustand';
import type { WorkflowGraph } from '../../shared/workflow/schema.ts';
import { toFailure, type Failure } from '../lib/errors.ts';
import { EMPTY_VIEW, type ViewState } from './flow-convert.ts';
import { getWorkflow } from './workflows-api.ts';

export type SaveStatus = 'saved' | 'pending' | 'saving' | 'failed';

interface GraphState {
  /** The open workflow, or null. */
  name: string | null;
  /** The graph on the canvas: the file's content plus edits not yet written. */
  graph: WorkflowGraph | null;
  /** A file that does not parse or fit the schema: shown as it is, read-only, never written. */
  broken: { error: string; text: string } | null;
  loading: boolean;
  failure: Failure | null;
  save: SaveStatus;
  saveFailure: Failure | null;
  /** Selection, measured sizes, a drag or resize in progress: not part of the file, not undone. */
  view: ViewState;
  /** Applies an edit; the canvas, undo history and autosave follow. */
  edit(change: (graph: WorkflowGraph) => WorkflowGraph): void;
  setView(patch: Partial<ViewState>): void;
  select(blocks: Iterable<string>, edges?: Iterable<string>): void;
}

/**
 * The open workflow's graph, with undo and redo (zundo) over the graph alone: selecting or
 * measuring never makes an undo step, and a drag makes one when it ends.
 */
export const useGraph = create<GraphState>()(
  temporal(
    (set, get) => ({
      name: null,
      graph: null,
      broken: null,
      loading: false,
      failure: null,
      save: 'saved',
      saveFailure: null,
      view: EMPTY_VIEW,
      edit: (change) => {
        const { graph, broken } = get();
        if (graph === null || broken !== null) return;
        const next = change(graph);
        if (next !== graph) set({ graph: next });
      },
      setView: (patch) => set({ view: { ...get().view, ...patch } }),
      select: (blocks, edges = []) => set({ view: { ...get().view, selected: new Set(blocks), selectedEdges: new Set(edges) } }),
    }),
    {
      partialize: (state) => ({ graph: state.graph }),
      equality: (past, current) => past.graph === current.graph,
      limit: 200,
    },
  ),
);

export const undo = (): void => useGraph.temporal.getState().undo();
export const redo = (): void => useGraph.temporal.getState().redo();

/** Puts a graph read from disk on the canvas: not an edit, so no undo step and no save. */
export function adoptGraph(name: string, graph: WorkflowGraph | null, broken: GraphState['broken']): void {
  adopting = true;
  try {
    const same = useGraph.getState().name === name;
    useGraph.setState({ name, graph, broken, loading: false, failure: null, save: 'saved', saveFailure: null, ...(same ? {} : { view: EMPTY_VIEW }) });
    useGraph.temporal.getState().clear();
  } finally {
    adopting = false;
  }
}

let adopting = false;

/** Whether a graph change came from disk rather than from an edit, undo or redo. */
export function isAdopting(): boolean {
  return adopting;
}

/** Opens a workflow; a file that does not parse opens read-only with what is wrong. */
export async function loadWorkflow(name: string): Promise<void> {
  useGraph.setState({ name, graph: null, broken: null, loading: true, failure: null, view: EMPTY_VIEW });
  useGraph.temporal.getState().clear();
  try {
    const detail = await getWorkflow(name);
    if (useGraph.getState().name !== name) return;
    adoptGraph(name, detail.graph, detail.graph === null ? { error: detail.fileError ?? 'The file could not be read.', text: detail.text } : null);
  } catch (error) {
    if (useGraph.getState().name !== name) return;
    useGraph.setState({ loading: false, failure: toFailure(error, `Could not open ${name}`) });
  }
}

export function closeWorkflow(): void {
  adoptGraph('', null, null);
  useGraph.setState({ name: null, view: EMPTY_VIEW });
}
