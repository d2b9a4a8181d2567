import { CircleAlert, CircleCheck } from 'lucide-react';
import { useGraph } from './graph-store.ts';
import { useCanvasUi } from './canvas-ui-store.ts';
import { useWorkflowProblems } from './problems-store.ts';

/** The open workflow's validation problems; a row selects its block on the canvas. */
export function WorkflowProblemsPanel() {
  const rows = useWorkflowProblems((s) => s.rows);
  const name = useGraph((s) => s.name);
  const broken = useGraph((s) => s.broken);
  if (name === null) return <p className="panel-note">Open a workflow to see its problems here.</p>;
  if (broken !== null) {
    return (
      <ul className="problems" data-testid="problems-list">
        <li>
          <span className="problems__row" data-testid="problem-row" data-severity="error">
            <CircleAlert size={14} className="tone-error" aria-label="Error" />
            <span className="problems__message">{broken.error}</span>
            <span className="problems__where mono">workflows/{name}.workflow.json</span>
          </span>
        </li>
      </ul>
    );
  }
  if (rows.length === 0) {
    return (
      <p className="panel-note" data-testid="problems-empty">
        <CircleCheck size={14} className="tone-success" aria-hidden /> No problems in {name}.
      </p>
    );
  }
  return (
    <ul className="problems" data-testid="problems-list">
      {rows.map((row) => (
        <li key={row.key}>
          <button className="problems__row" disabled={row.blockId === undefined} onClick={() => row.blockId !== undefined && useCanvasUi.getState().focusBlock(row.blockId)} data-testid="problem-row" data-severity="error" data-block={row.blockId}>
            <CircleAlert size={14} className="tone-error" aria-label="Error" />
            <span className="problems__message">{row.message}</span>
            {row.field !== undefined && <span className="problems__code mono">{row.field}</span>}
            <span className="problems__where mono">{row.blockId ?? row.edgeId ?? name}</span>
          </button>
        </li>
      ))}
    </ul>
  );
}

/** Error count for the panel's tab and the status bar while the Workflows page is shown. */
export function useWorkflowProblemCount(): number {
  const rows = useWorkflowProblems((s) => s.rows.length);
  const broken = useGraph((s) => s.broken !== null);
  return rows + (broken ? 1 : 0);
}
