import { ChevronDown, Terminal } from 'lucide-react';
import { useEditor } from '../editor/editor-store.ts';
import { InvokeLogs } from '../invoke/InvokeOutput.tsx';
import { countProblems } from '../problems/problems.ts';
import { ProblemsPanel } from '../problems/ProblemsPanel.tsx';
import { useProblems } from '../problems/problems-store.ts';
import { useWorkflowProblemCount, WorkflowProblemsPanel } from '../workflows/WorkflowProblemsPanel.tsx';
import { EmptyState } from './EmptyState.tsx';
import { shortcutLabel } from './shortcuts.ts';
import { Tip } from './Tip.tsx';
import { useUi, type BottomTab } from './ui-store.ts';

function TabButton({ tab, label, badge }: { tab: BottomTab; label: string; badge?: number }) {
  const active = useUi((s) => s.bottomTab === tab);
  const showBottomTab = useUi((s) => s.showBottomTab);
  return (
    <button role="tab" aria-selected={active} className={`panel-tab${active ? ' is-active' : ''}`} onClick={() => showBottomTab(tab)} data-testid={`bottom-tab-${tab}`}>
      {label}
      {badge !== undefined && badge > 0 && <span className="count-badge">{badge}</span>}
    </button>
  );
}

/** The collapsible panel under the work area: problems, and the log of the open function's last invocation. */
export function BottomPanel() {
  const tab = useUi((s) => s.bottomTab);
  const setBottomOpen = useUi((s) => s.setBottomOpen);
  const rows = useProblems((s) => s.rows);
  const fn = useEditor((s) => s.fn);
  const { errors, warnings } = countProblems(rows);
  const onWorkflows = useUi((s) => s.view === 'workflows');
  const workflowProblems = useWorkflowProblemCount();
  return (
    <section className="bottom-panel" data-testid="bottom-panel">
      <div className="bottom-panel__bar" role="tablist">
        <TabButton tab="problems" label="Problems" badge={onWorkflows ? workflowProblems : errors + warnings} />
        <TabButton tab="output" label="Log" />
        <span className="spacer" />
        <Tip label="Hide panel" shortcut={shortcutLabel('togglePanel')}>
          <button className="icon-button" aria-label="Hide panel" onClick={() => setBottomOpen(false)} data-testid="bottom-hide">
            <ChevronDown size={14} />
          </button>
        </Tip>
      </div>
      <div className="bottom-panel__content">
        {tab === 'problems' ? (
          onWorkflows ? (
            <WorkflowProblemsPanel />
          ) : (
            <ProblemsPanel />
          )
        ) : fn !== null ? (
          <InvokeLogs fn={fn} />
        ) : (
          <EmptyState icon={<Terminal size={22} />} title="No output yet">
            Open a function and invoke it: its log lines appear here as they are written.
          </EmptyState>
        )}
      </div>
    </section>
  );
}
