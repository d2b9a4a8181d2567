import { CircleAlert, FolderOpen, SquareFunction, TriangleAlert } from 'lucide-react';
import { useCursor } from '../editor/cursor-store.ts';
import { CONFIG_FILE, useEditor } from '../editor/editor-store.ts';
import { PendingStatus } from '../executions/PendingStatus.tsx';
import { useWorkspace } from '../functions/workspace-store.ts';
import { countProblems } from '../problems/problems.ts';
import { useProblems } from '../problems/problems-store.ts';
import { LambdaStatus } from '../settings/LambdaStatus.tsx';
import { TargetSelector } from '../targets/TargetSelector.tsx';
import { useGraph } from '../workflows/graph-store.ts';
import { useWorkflowProblemCount } from '../workflows/WorkflowProblemsPanel.tsx';
import { shortcutLabel } from './shortcuts.ts';
import { Tip } from './Tip.tsx';
import { useUi } from './ui-store.ts';

const LANGUAGE_NAMES: Record<string, string> = { typescript: 'TypeScript', javascript: 'JavaScript', json: 'JSON', python: 'Python', plaintext: 'Plain text' };

function CursorPosition() {
  const { line, column, language } = useCursor();
  const view = useUi((s) => s.view);
  const showingCode = useEditor((s) => s.fn !== null && !(s.active === CONFIG_FILE && s.configView === 'form'));
  if (language === null || view !== 'functions' || !showingCode) return null;
  return (
    <>
      <span className="status-bar__item" data-testid="status-cursor">
        Ln {line}, Col {column}
      </span>
      <span className="status-bar__item">{LANGUAGE_NAMES[language] ?? language}</span>
    </>
  );
}

/** One line at the bottom: where the studio works, which target it works on, and what needs attention. */
export function StatusBar() {
  const info = useWorkspace((s) => s.info);
  const count = useWorkspace((s) => s.functions.length);
  const rows = useProblems((s) => s.rows);
  const fn = useEditor((s) => s.fn);
  const showBottomTab = useUi((s) => s.showBottomTab);
  const onWorkflows = useUi((s) => s.view === 'workflows');
  const workflow = useGraph((s) => s.name);
  const workflowProblems = useWorkflowProblemCount();
  const counted = countProblems(rows);
  // On the Workflows page the count is the open workflow's validation problems.
  const { errors, warnings } = onWorkflows ? { errors: workflowProblems, warnings: 0 } : counted;
  const subject = onWorkflows ? workflow : fn;
  return (
    <footer className="status-bar" data-testid="status-bar">
      <span className="status-bar__item" title={info?.workspace} data-testid="status-workspace">
        <FolderOpen size={12} aria-hidden />
        <span className="mono">{info?.workspace ?? 'connecting…'}</span>
      </span>
      <TargetSelector />
      <span className="status-bar__item" data-testid="status-functions">
        <SquareFunction size={12} aria-hidden />
        {count} {count === 1 ? 'function' : 'functions'}
      </span>
      <LambdaStatus />
      <span className="status-bar__spacer" />
      <PendingStatus />
      <CursorPosition />
      <Tip label={subject === null ? `Problems in the open ${onWorkflows ? 'workflow' : 'function'}` : `Problems in ${subject}`} shortcut={shortcutLabel('togglePanel')} side="top">
        <button className="status-bar__item status-bar__button" onClick={() => showBottomTab('problems')} data-testid="status-problems">
          <CircleAlert size={12} aria-hidden className={errors > 0 ? 'tone-error' : undefined} />
          <span data-testid="status-errors">{errors}</span>
          <TriangleAlert size={12} aria-hidden className={warnings > 0 ? 'tone-warning' : undefined} />
          <span data-testid="status-warnings">{warnings}</span>
        </button>
      </Tip>
    </footer>
  );
}
