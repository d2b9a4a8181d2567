import * as Menu from '@radix-ui/react-dropdown-menu';
import { Ellipsis, Plus, RefreshCw, TriangleAlert, Workflow } from 'lucide-react';
import type { WorkflowSummary } from '../../shared/contract/workflows.ts';
import { EmptyState } from '../shell/EmptyState.tsx';
import { ErrorMessage } from '../shell/ErrorMessage.tsx';
import { Tip } from '../shell/Tip.tsx';
import { useGraph } from './graph-store.ts';
import { useWorkflowList } from './list-store.ts';
import { openWorkflow } from './workflow-actions.ts';
import { useWorkflowDialogs, WorkflowDialogHost } from './WorkflowDialogs.tsx';
import { moveRowFocus } from '../shell/list-focus.ts';

function Row({ wf, selected }: { wf: WorkflowSummary; selected: boolean }) {
  const unsaved = useGraph((s) => s.name === wf.name && (s.save === 'pending' || s.save === 'failed'));
  const open = useWorkflowDialogs((s) => s.open);
  return (
    <li className={`fn-row${selected ? ' is-selected' : ''}`} data-testid="workflow-row" data-name={wf.name}>
      <button className="fn-row__main" onClick={() => void openWorkflow(wf.name)} aria-current={selected ? 'true' : undefined} data-testid={`workflow-open-${wf.name}`}>
        <Workflow size={15} className="fn-row__icon" aria-hidden />
        <span className="fn-row__text">
          <span className="fn-row__name">
            {wf.name}
            {unsaved && <span className="fn-row__unsaved" title="Unsaved changes" aria-label="unsaved changes" data-testid="workflow-unsaved" />}
          </span>
          <span className="fn-row__meta">
            {wf.fileError === undefined ? (
              <span title={wf.description}>
                {wf.blockCount} {wf.blockCount === 1 ? 'block' : 'blocks'}
                {wf.description !== undefined && wf.description !== '' ? ` · ${wf.description}` : ''}
              </span>
            ) : (
              <Tip label={wf.fileError}>
                <span className="badge badge--warning" data-testid="workflow-file-warning">
                  <TriangleAlert size={11} aria-hidden /> invalid file
                </span>
              </Tip>
            )}
          </span>
        </span>
      </button>
      <Menu.Root>
        <Menu.Trigger asChild>
          <button className="icon-button fn-row__menu" aria-label={`Actions for ${wf.name}`} data-testid={`workflow-menu-${wf.name}`}>
            <Ellipsis size={14} />
          </button>
        </Menu.Trigger>
        <Menu.Portal>
          <Menu.Content className="menu" align="end" sideOffset={4}>
            <Menu.Item className="menu__item" onSelect={() => open('rename', wf.name)} data-testid="workflow-rename">
              Rename…
            </Menu.Item>
            <Menu.Item className="menu__item" onSelect={() => open('duplicate', wf.name)} data-testid="workflow-duplicate">
              Duplicate…
            </Menu.Item>
            <Menu.Item className="menu__item menu__item--danger" onSelect={() => open('delete', wf.name)} data-testid="workflow-delete">
              Delete…
            </Menu.Item>
          </Menu.Content>
        </Menu.Portal>
      </Menu.Root>
    </li>
  );
}


/** The side list of the workspace's workflows, kept fresh by workspace events. */
export function WorkflowList() {
  const { workflows, loaded, loadError, refresh } = useWorkflowList();
  const selected = useGraph((s) => s.name);
  const openNew = useWorkflowDialogs((s) => s.openNew);
  return (
    <div className="side-list" data-testid="workflow-list">
      <div className="side-list__header">
        <span className="section-title">Workflows</span>
        <span className="spacer" />
        <Tip label="Refresh">
          <button className="icon-button" aria-label="Refresh workflows" onClick={() => void refresh()} data-testid="workflows-refresh">
            <RefreshCw size={14} />
          </button>
        </Tip>
        <Tip label="New workflow">
          <button className="icon-button" aria-label="New workflow" onClick={openNew} data-testid="new-workflow">
            <Plus size={16} />
          </button>
        </Tip>
      </div>
      {loadError !== null && <ErrorMessage failure={loadError} />}
      {loaded && workflows.length === 0 && loadError === null && (
        <EmptyState
          icon={<Workflow size={28} />}
          title="No workflows yet"
          testId="workflows-empty"
          action={
            <button className="button button--primary" onClick={openNew} data-testid="workflows-empty-create">
              <Plus size={14} /> New workflow
            </button>
          }
        >
          Chain your functions on a canvas, with conditions, maps, waits and approvals.
        </EmptyState>
      )}
      <ul className="list" aria-label="Workflows" onKeyDown={moveRowFocus}>
        {workflows.map((wf) => (
          <Row key={wf.name} wf={wf} selected={wf.name === selected} />
        ))}
      </ul>
      <WorkflowDialogHost />
    </div>
  );
}
