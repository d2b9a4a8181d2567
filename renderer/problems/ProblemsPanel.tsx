import { CircleAlert, CircleCheck, Info, TriangleAlert } from 'lucide-react';
import { useEditor } from '../editor/editor-store.ts';
import { revealWhenShown } from '../editor/editor-instance.ts';
import { modelUri } from '../editor/models.ts';
import { useUi } from '../shell/ui-store.ts';
import type { ProblemRow, ProblemSeverity } from './problems.ts';
import { useProblems } from './problems-store.ts';

const ICONS: Record<ProblemSeverity, React.ReactNode> = {
  error: <CircleAlert size={14} className="tone-error" aria-label="Error" />,
  warning: <TriangleAlert size={14} className="tone-warning" aria-label="Warning" />,
  info: <Info size={14} className="tone-info" aria-label="Info" />,
  hint: <Info size={14} className="tone-muted" aria-label="Hint" />,
};

function jumpTo(fn: string, row: ProblemRow): void {
  const editor = useEditor.getState();
  useUi.getState().setView('functions');
  editor.setActive(row.file);
  // Problems in function.json are fixed in its text, not in the form.
  if (row.file === 'function.json') editor.setConfigView('json');
  revealWhenShown(modelUri(fn, row.file), row.line, row.column);
}

/** Diagnostics of the open function's files; a row jumps to its place in the editor. */
export function ProblemsPanel() {
  const rows = useProblems((s) => s.rows);
  const fn = useEditor((s) => s.fn);
  if (fn === null) {
    return <p className="panel-note">Open a function to see its problems here.</p>;
  }
  if (rows.length === 0) {
    return (
      <p className="panel-note" data-testid="problems-empty">
        <CircleCheck size={14} className="tone-success" aria-hidden /> No problems in {fn}.
      </p>
    );
  }
  return (
    <ul className="problems" data-testid="problems-list">
      {rows.map((row) => (
        <li key={row.key}>
          <button className="problems__row" onClick={() => jumpTo(fn, row)} data-testid="problem-row" data-severity={row.severity}>
            {ICONS[row.severity]}
            <span className="problems__message">{row.message}</span>
            {row.code !== undefined && <span className="problems__code mono">{row.code}</span>}
            <span className="problems__where mono">
              {row.file}:{row.line}:{row.column}
            </span>
          </button>
        </li>
      ))}
    </ul>
  );
}
