import { create } from 'zustand';
import { useEditor } from '../editor/editor-store.ts';
import { monaco } from '../monaco/setup.ts';
import { markersToProblems, type ProblemRow } from './problems.ts';

interface ProblemsState {
  rows: ProblemRow[];
}

export const useProblems = create<ProblemsState>(() => ({ rows: [] }));

function recompute(): void {
  const fn = useEditor.getState().fn;
  const rows = fn === null ? [] : markersToProblems(monaco.editor.getModelMarkers({}), fn);
  useProblems.setState({ rows });
}

monaco.editor.onDidChangeMarkers(recompute);
useEditor.subscribe((state, previous) => {
  if (state.fn !== previous.fn) recompute();
});
