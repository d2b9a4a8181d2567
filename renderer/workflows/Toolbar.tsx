import * as Menu from '@radix-ui/react-dropdown-menu';
import { useStore } from 'zustand';
import { useReactFlow } from '@xyflow/react';
import { ChevronDown, Code, FileCode2, LayoutGrid, Maximize, Play, Redo2, Undo2 } from 'lucide-react';
import { useState } from 'react';
import { SamDialog } from '../deploy/SamDialog.tsx';
import type { Failure } from '../lib/errors.ts';
import { shortcutLabel } from '../shell/shortcuts.ts';
import { Tip } from '../shell/Tip.tsx';
import { saveNow } from './autosave.ts';
import { ExportDialog } from './ExportDialog.tsx';
import { redo, undo, useGraph } from './graph-store.ts';
import { applyLayout, autoLayout } from './layout.ts';
import { RunEventDialog } from './RunEventDialog.tsx';
import { RunsMenu } from './RunsMenu.tsx';
import { SaveState } from './SaveState.tsx';
import { startRun } from './workflow-actions.ts';
import { WorkflowTargetActions } from './WorkflowDeployButton.tsx';

const mod = shortcutLabel('save').replace(/S$/, '');

function sampleText(): string {
  const input = useGraph.getState().graph?.blocks.find((b) => b.type === 'input');
  return input?.type === 'input' && input.sample !== undefined ? JSON.stringify(input.sample, null, 2) : '{}';
}

/** Save state, undo and redo, layout, runs, export and Run, over the canvas. */
export function Toolbar({ name, readOnly, onRunFailure }: { name: string; readOnly: boolean; onRunFailure(failure: Failure | null): void }) {
  const broken = useGraph((s) => s.broken !== null);
  const canUndo = useStore(useGraph.temporal, (s) => s.pastStates.length > 0);
  const canRedo = useStore(useGraph.temporal, (s) => s.futureStates.length > 0);
  const flow = useReactFlow();
  const [dialog, setDialog] = useState<'event' | 'export' | 'sam' | null>(null);
  const [starting, setStarting] = useState(false);
  const run = async () => {
    setStarting(true);
    onRunFailure(null);
    onRunFailure(await startRun());
    setStarting(false);
  };
  const layout = () => {
    useGraph.getState().edit((g) => applyLayout(g, autoLayout(g, useGraph.getState().view.measured)));
    // Let React Flow draw the new positions before fitting them.
    setTimeout(() => void flow.fitView({ duration: 250, padding: 0.15, maxZoom: 1.1 }), 50);
  };
  return (
    <div className="wf-toolbar" data-testid="workflow-toolbar">
      <span className="wf-toolbar__name mono" data-testid="workflow-name">
        {name}
      </span>
      <SaveState onSave={() => void saveNow()} />
      <span className="wf-toolbar__sep" />
      <Tip label="Undo" shortcut={`${mod}Z`}>
        <button className="icon-button" disabled={readOnly || !canUndo} onClick={undo} aria-label="Undo" data-testid="workflow-undo">
          <Undo2 size={15} />
        </button>
      </Tip>
      <Tip label="Redo" shortcut={`Shift+${mod}Z`}>
        <button className="icon-button" disabled={readOnly || !canRedo} onClick={redo} aria-label="Redo" data-testid="workflow-redo">
          <Redo2 size={15} />
        </button>
      </Tip>
      <Tip label="Arrange the blocks automatically">
        <button className="icon-button" disabled={readOnly} onClick={layout} aria-label="Auto-layout" data-testid="workflow-layout">
          <LayoutGrid size={15} />
        </button>
      </Tip>
      <Tip label="Fit the workflow in view">
        <button className="icon-button" disabled={broken} onClick={() => void flow.fitView({ duration: 250, padding: 0.15, maxZoom: 1.1 })} aria-label="Fit view" data-testid="workflow-fit">
          <Maximize size={15} />
        </button>
      </Tip>
      <span className="spacer" />
      <WorkflowTargetActions name={name} disabled={broken} />
      <RunsMenu name={name} />
      <button className="button button--small" disabled={broken} onClick={() => setDialog('export')} data-testid="workflow-export">
        <Code size={12} /> Export as code
      </button>
      <button className="button button--small" disabled={broken} onClick={() => setDialog('sam')} title="An AWS SAM template to deploy from your own pipeline" data-testid="workflow-export-sam">
        <FileCode2 size={12} /> Export SAM template
      </button>
      <span className="wf-split-button">
        <button className="button button--small button--primary" disabled={readOnly || starting} onClick={() => void run()} title="Save, then run with the Input block’s sample" data-testid="workflow-run">
          <Play size={12} /> {starting ? 'Starting…' : 'Run'}
        </button>
        <Menu.Root>
          <Menu.Trigger asChild>
            <button className="button button--small button--primary wf-split-button__more" disabled={readOnly || starting} aria-label="More ways to run" data-testid="workflow-run-more">
              <ChevronDown size={12} />
            </button>
          </Menu.Trigger>
          <Menu.Portal>
            <Menu.Content className="menu" align="end" sideOffset={4}>
              <Menu.Item className="menu__item" onSelect={() => setDialog('event')} data-testid="workflow-run-with-event">
                Run with event…
              </Menu.Item>
            </Menu.Content>
          </Menu.Portal>
        </Menu.Root>
      </span>
      {dialog === 'event' && <RunEventDialog initial={sampleText()} onClose={() => setDialog(null)} />}
      {dialog === 'export' && <ExportDialog name={name} onClose={() => setDialog(null)} />}
      {dialog === 'sam' && <SamDialog source={{ kind: 'workflow', name }} before={saveNow} onClose={() => setDialog(null)} />}
    </div>
  );
}
