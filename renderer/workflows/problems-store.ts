import { create } from 'zustand';
import type { WorkflowGraph } from '../../shared/workflow/schema.ts';
import { describeProblem, validateWorkflow, type WorkflowProblem } from '../../shared/workflow/validate.ts';
import { useWorkspace } from '../functions/workspace-store.ts';
import { useGraph } from './graph-store.ts';

export interface ProblemRow extends WorkflowProblem {
  key: string;
  /** The problem in one line, naming its block. */
  text: string;
}

interface ProblemsState {
  rows: ProblemRow[];
  /** Messages by block name, for the red badge on each card. */
  byBlock: Readonly<Record<string, readonly ProblemRow[]>>;
}

export const useWorkflowProblems = create<ProblemsState>(() => ({ rows: [], byBlock: {} }));

/** The rows the Problems panel lists and the cards' badges, from a graph's validation. */
export function problemRows(graph: WorkflowGraph | null, functions: readonly string[] | undefined): ProblemsState {
  if (graph === null) return { rows: [], byBlock: {} };
  const problems = validateWorkflow(graph, functions === undefined ? {} : { functions });
  const rows = problems.map((p, i) => ({ ...p, key: `${p.blockId ?? p.edgeId ?? ''}:${p.field ?? ''}:${i}`, text: describeProblem(p) }));
  const byBlock: Record<string, ProblemRow[]> = {};
  for (const row of rows) if (row.blockId !== undefined) (byBlock[row.blockId] ??= []).push(row);
  return { rows, byBlock };
}

function recompute(): void {
  const { loaded, functions } = useWorkspace.getState();
  useWorkflowProblems.setState(problemRows(useGraph.getState().graph, loaded ? functions.map((f) => f.name) : undefined));
}

useGraph.subscribe((state, previous) => {
  if (state.graph !== previous.graph) recompute();
});
useWorkspace.subscribe((state, previous) => {
  if (state.functions !== previous.functions) recompute();
});

/** The problems of one field of a block, for the inspector. */
export function fieldProblems(rows: readonly ProblemRow[] | undefined, field: string): string[] {
  return (rows ?? []).filter((r) => r.field === field).map((r) => r.message);
}
