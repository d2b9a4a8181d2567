import '../executions/executions.css';
import './workflows.css';
import { ReactFlowProvider } from '@xyflow/react';
import { Plus, Workflow, X } from 'lucide-react';
import { useState } from 'react';
import type { Failure } from '../lib/errors.ts';
import { EmptyState } from '../shell/EmptyState.tsx';
import { ErrorMessage } from '../shell/ErrorMessage.tsx';
import { BrokenFile } from './BrokenFile.tsx';
import { Canvas } from './Canvas.tsx';
import { useCanvasUi } from './canvas-ui-store.ts';
import { useGraph } from './graph-store.ts';
import { Inspector } from './Inspector.tsx';
import { useWorkflowList } from './list-store.ts';
import { Palette } from './Palette.tsx';
import { RunBanner } from './RunBanner.tsx';
import { runGraphShown, useRuns } from './run-store.ts';
import { Toolbar } from './Toolbar.tsx';
import { useWorkflowsLive } from './useWorkflowsLive.ts';
import { useWorkflowDialogs } from './WorkflowDialogs.tsx';

function NothingOpen() {
  const count = useWorkflowList((s) => s.workflows.length);
  const loaded = useWorkflowList((s) => s.loaded);
  const openNew = useWorkflowDialogs((s) => s.openNew);
  return (
    <div className="page page--center" data-testid="workflows-nothing-open">
      <EmptyState
        icon={<Workflow size={32} />}
        title={loaded && count === 0 ? 'Draw your first workflow' : 'Open a workflow'}
        action={
          <button className="button button--primary" onClick={openNew} data-testid="workflows-page-create">
            <Plus size={14} /> New workflow
          </button>
        }
      >
        {loaded && count === 0
          ? 'A workflow is a graph of blocks — Lambda calls, transforms, conditions, maps, waits and approvals — that runs as one durable execution.'
          : 'Pick one from the list on the left, or start a new one.'}
      </EmptyState>
    </div>
  );
}

function Editor({ name }: { name: string }) {
  const graph = useGraph((s) => s.graph);
  const broken = useGraph((s) => s.broken);
  const showRunGraph = useRuns((s) => s.showRunGraph);
  const runView = useRuns((s) => s.view);
  const hint = useCanvasUi((s) => s.hint);
  const [runFailure, setRunFailure] = useState<Failure | null>(null);
  const shown = runGraphShown({ showRunGraph, view: runView }, graph);
  const readOnly = broken !== null || (showRunGraph && shown !== graph);
  return (
    <ReactFlowProvider>
      <Toolbar name={name} readOnly={readOnly} onRunFailure={setRunFailure} />
      {runFailure !== null && (
        <div className="wf-run-failure">
          <ErrorMessage failure={runFailure} testId="workflow-run-error" />
          <button className="icon-button" onClick={() => setRunFailure(null)} aria-label="Dismiss" data-testid="workflow-run-error-dismiss">
            <X size={14} />
          </button>
        </div>
      )}
      <RunBanner />
      {broken !== null ? (
        <BrokenFile name={name} error={broken.error} text={broken.text} />
      ) : shown !== null ? (
        <div className="wf-body">
          <Palette disabled={readOnly} />
          <div className="wf-canvas-wrap">
            {/* Keyed by name: each workflow opens fitted to the view. */}
            <Canvas key={name} graph={shown} readOnly={readOnly} />
            {hint !== null && (
              <div className="wf-hint" role="status" data-testid="canvas-hint">
                {hint}
              </div>
            )}
          </div>
          <Inspector readOnly={readOnly} />
        </div>
      ) : null}
    </ReactFlowProvider>
  );
}

/** The Workflows area's main screen: the open workflow on a canvas, its runs drawn on it. */
export function WorkflowsPage() {
  useWorkflowsLive();
  const name = useGraph((s) => s.name);
  const loading = useGraph((s) => s.loading);
  const failure = useGraph((s) => s.failure);
  return (
    <div className="wf-page" data-testid="workflows-page">
      {failure !== null && <ErrorMessage failure={failure} />}
      {name === null ? <NothingOpen /> : loading ? <p className="panel-note">Opening {name}…</p> : <Editor name={name} />}
    </div>
  );
}
