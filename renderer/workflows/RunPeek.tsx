import { NodeToolbar, Position } from '@xyflow/react';
import { prettyPayload } from '../executions/json-text.ts';
import type { BlockRun } from './run-state.ts';

const MAX_CHARS = 700;

function Part({ label, text }: { label: string; text: string | undefined }) {
  if (text === undefined) return null;
  const pretty = prettyPayload(text).text;
  return (
    <div className="wf-peek__part">
      <div className="wf-peek__label">{label}</div>
      <pre className="wf-peek__pre mono">{pretty.length > MAX_CHARS ? `${pretty.slice(0, MAX_CHARS)}…` : pretty === '' ? '(empty)' : pretty}</pre>
    </div>
  );
}

/** What passed through a block in the run, shown while the pointer is over it; the inspector has the whole of it. */
export function RunPeek({ run, visible }: { run: BlockRun | undefined; visible: boolean }) {
  if (run === undefined || (run.input === undefined && run.output === undefined && run.result === undefined && run.error === undefined)) return null;
  const error = run.error === undefined ? undefined : [run.error.type, run.error.message].filter(Boolean).join(': ') || 'Failed without a message';
  return (
    <NodeToolbar isVisible={visible} position={Position.Right} offset={10} className="wf-peek-toolbar">
      <div className="wf-peek" data-testid="block-peek">
        <Part label="Input" text={run.input} />
        <Part label="Output" text={run.output} />
        <Part label="Function result" text={run.result} />
        {error !== undefined && (
          <div className="wf-peek__part">
            <div className="wf-peek__label">Error</div>
            <pre className="wf-peek__pre wf-peek__pre--error mono">{error}</pre>
          </div>
        )}
      </div>
    </NodeToolbar>
  );
}
