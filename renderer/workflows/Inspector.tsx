import { useState } from 'react';
import type { Block } from '../../shared/workflow/schema.ts';
import { blockKind } from './block-catalog.ts';
import { renameSelected } from './block-edit.ts';
import { BlockIcon } from './BlockIcon.tsx';
import { BlockSettings } from './BlockSettings.tsx';
import { AreaField, TextField } from './fields.tsx';
import { useGraph } from './graph-store.ts';
import { useWorkflowProblems } from './problems-store.ts';
import { RunDetails } from './RunDetails.tsx';
import { useRuns } from './run-store.ts';
import { WorkflowSummaryPane } from './WorkflowSummaryPane.tsx';

function NameField({ block, readOnly }: { block: Block; readOnly: boolean }) {
  const [problem, setProblem] = useState<string | undefined>(undefined);
  return (
    <TextField
      key={block.id}
      label="Name"
      mono
      value={block.id}
      readOnly={readOnly}
      problems={problem === undefined ? undefined : [problem]}
      hint="Also its operation's name in runs, and blocks.<name> in expressions."
      onCommit={(to) => setProblem(renameSelected(block.id, to.trim()))}
      testId="inspector-name"
    />
  );
}

function BlockInspector({ block, readOnly }: { block: Block; readOnly: boolean }) {
  const problems = useWorkflowProblems((s) => s.byBlock[block.id]);
  const showingRun = useRuns((s) => s.view !== null);
  const run = useRuns((s) => s.view?.blocks[block.id]);
  const [tab, setTab] = useState<'settings' | 'run'>('settings');
  const current = showingRun ? tab : 'settings';
  const general = (problems ?? []).filter((p) => p.field === undefined || p.field === 'parent');
  return (
    <div data-testid="inspector-block" data-block={block.id}>
      <h3 className="inspector__title">
        <BlockIcon type={block.type} />
        <span className="mono">{block.id}</span>
      </h3>
      <div className="inspector__sub">{blockKind(block.type).description}</div>
      {showingRun && (
        <div className="segmented wf-inspector-tabs" role="tablist">
          <button role="tab" aria-selected={current === 'settings'} className={current === 'settings' ? 'is-active' : ''} onClick={() => setTab('settings')} data-testid="inspector-tab-settings">
            Settings
          </button>
          <button role="tab" aria-selected={current === 'run'} className={current === 'run' ? 'is-active' : ''} onClick={() => setTab('run')} data-testid="inspector-tab-run">
            In this run
          </button>
        </div>
      )}
      {current === 'run' ? (
        <RunDetails run={run} />
      ) : (
        <>
          {general.length > 0 && (
            <ul className="wf-inspector-problems" data-testid="inspector-problems">
              {general.map((p) => (
                <li key={p.key}>{p.message}</li>
              ))}
            </ul>
          )}
          <NameField block={block} readOnly={readOnly} />
          <BlockSettings key={block.id} block={block} problems={problems} readOnly={readOnly} />
          <AreaField
            key={`${block.id}-note`}
            label="Note"
            value={block.note ?? ''}
            readOnly={readOnly}
            placeholder="A word for whoever reads this workflow next"
            onCommit={(v) => useGraph.getState().edit((g) => ({ ...g, blocks: g.blocks.map((b) => (b.id === block.id ? { ...b, note: v.trim() === '' ? undefined : v } : b)) }))}
            testId="inspector-note"
          />
        </>
      )}
    </div>
  );
}

/** The side pane: the selected block's settings (and its part in the run shown), else the workflow's. */
export function Inspector({ readOnly }: { readOnly: boolean }) {
  const selected = useGraph((s) => s.view.selected);
  const graph = useGraph((s) => s.graph);
  const shownGraph = useRuns((s) => (s.showRunGraph ? s.view?.runGraph : undefined));
  const source = shownGraph ?? graph;
  const blocks = source === null ? [] : source.blocks.filter((b) => selected.has(b.id));
  return (
    <aside className="inspector wf-inspector" aria-label="Inspector" data-testid="workflow-inspector">
      {blocks.length === 1 && blocks[0] !== undefined ? (
        <BlockInspector key={blocks[0].id} block={blocks[0]} readOnly={readOnly} />
      ) : (
        <WorkflowSummaryPane selectedCount={blocks.length} readOnly={readOnly} />
      )}
    </aside>
  );
}
