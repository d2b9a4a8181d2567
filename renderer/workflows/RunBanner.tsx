import { ExternalLink, Hourglass, X } from 'lucide-react';
import { executionLook } from '../executions/status-look.ts';
import { StatusBadge } from '../executions/StatusBadge.tsx';
import { formatDuration, formatExact } from '../executions/time-format.ts';
import { useNow } from '../executions/useNow.ts';
import { ErrorMessage } from '../shell/ErrorMessage.tsx';
import { openInExecutions } from './ApprovalActions.tsx';
import { canonicalJson } from './canonical-json.ts';
import { useCanvasUi } from './canvas-ui-store.ts';
import { useGraph } from './graph-store.ts';
import { useRuns } from './run-store.ts';

/** The run drawn on the canvas: which, how it stands, and the way to its full timeline. */
export function RunBanner() {
  const arn = useRuns((s) => s.arn);
  const view = useRuns((s) => s.view);
  const failure = useRuns((s) => s.failure);
  const showRunGraph = useRuns((s) => s.showRunGraph);
  const graph = useGraph((s) => s.graph);
  const live = view?.status === 'RUNNING';
  const now = useNow(live);
  if (arn === null) return null;
  const waiting = view === null ? [] : Object.entries(view.blocks).flatMap(([id, b]) => (b.status === 'waiting' && b.label === 'Waiting for approval' ? [id] : []));
  const look = executionLook(view?.status ?? 'RUNNING');
  const changedSince = view?.runGraph !== undefined && graph !== null && canonicalJson({ ...view.runGraph, description: undefined }) !== canonicalJson({ ...graph, description: undefined });
  return (
    <div className={`wf-run-banner wf-run-banner--${look.tone}`} data-testid="run-banner">
      <StatusBadge {...look} testId="run-status" />
      <span className="mono wf-run-banner__name" data-testid="run-name">
        {view?.name ?? arn.split('/').at(-2) ?? arn}
      </span>
      {view !== null && Number.isFinite(view.startMs) && (
        <span className="wf-run-banner__time" title={formatExact(view.startMs)}>
          {formatDuration((view.endMs ?? now) - view.startMs)}
          {view.endMs === undefined ? ' so far' : ''}
        </span>
      )}
      {changedSince && (
        <label className="wf-run-banner__toggle" title="The file has changed since this run started">
          <input type="checkbox" checked={showRunGraph} onChange={(e) => useRuns.getState().setShowRunGraph(e.target.checked)} data-testid="run-show-graph" />
          Show the graph it ran
        </label>
      )}
      <span className="spacer" />
      {waiting.map((id) => (
        <button key={id} className="wf-run-banner__waiting" onClick={() => useCanvasUi.getState().focusBlock(id)} title="Show it on the canvas, with its Approve and Reject buttons" data-testid="run-waiting-approval" data-block={id}>
          <Hourglass size={12} aria-hidden /> <span className="mono">{id}</span> waits for approval
        </button>
      ))}
      {failure !== null && <ErrorMessage failure={failure} />}
      <button className="button button--small" onClick={() => openInExecutions(arn)} data-testid="run-open-execution">
        <ExternalLink size={12} /> Open in Executions
      </button>
      <button className="icon-button" onClick={() => useRuns.getState().hide()} aria-label="Stop showing this run" title="Back to editing" data-testid="run-close">
        <X size={14} />
      </button>
    </div>
  );
}
