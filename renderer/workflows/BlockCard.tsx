import { Handle, type NodeProps, Position } from '@xyflow/react';
import { memo, useRef } from 'react';
import { type Block, DEFAULT_BRANCH } from '../../shared/workflow/schema.ts';
import { ApprovalActions } from './ApprovalActions.tsx';
import { blockSummary } from './block-catalog.ts';
import { BlockIcon } from './BlockIcon.tsx';
import type { BlockNode } from './flow-types.ts';
import { ProblemBadge } from './ProblemBadge.tsx';
import { useWorkflowProblems } from './problems-store.ts';
import type { BlockRun } from './run-state.ts';
import { useRuns } from './run-store.ts';
import { RunPeek } from './RunPeek.tsx';
import { RunStatus } from './RunStatusIcon.tsx';
import { useHover } from './useHover.ts';

/** A Condition's outgoing ports along its bottom edge: one per branch and the default, each labelled. */
function BranchPorts({ block, taken }: { block: Extract<Block, { type: 'condition' }>; taken: string | undefined }) {
  const ids = [...block.branches.map((b) => b.id), DEFAULT_BRANCH];
  return (
    <div className="wf-branches">
      {ids.map((id, i) => (
        <div key={`${id}-${i}`} className={`wf-branch${id === DEFAULT_BRANCH ? ' wf-branch--default' : ''}${taken === id ? ' is-taken' : ''}`} data-testid="condition-branch" data-branch={id}>
          <span className="wf-branch__label mono">{id}</span>
          <Handle type="source" id={id} position={Position.Bottom} className={`wf-port wf-port--out wf-port--${id === DEFAULT_BRANCH ? 'default' : 'branch'}`} />
        </div>
      ))}
    </div>
  );
}

/** The run line: status in icon and word, and for blocks run once per item, how many are done. */
export function RunLine({ run }: { run: BlockRun }) {
  return (
    <div className="wf-block__run">
      <RunStatus status={run.status} label={run.label} testId="block-status" />
      {run.progress !== undefined && (
        <span className="wf-progress mono" title={`${run.progress.done} done, ${run.progress.failed} failed, of ${run.progress.total}`} data-testid="block-progress">
          {run.progress.done}/{run.progress.total}
        </span>
      )}
      {run.attempts !== undefined && <span className="wf-progress">attempt {run.attempts}</span>}
    </div>
  );
}

/** A block on the canvas: type icon, name, one line of settings, ports, and its state in the run shown. */
export const BlockCard = memo(function BlockCard({ id, data, selected }: NodeProps<BlockNode>) {
  const block = data.block;
  const run = useRuns((s) => s.view?.blocks[id]);
  const problems = useWorkflowProblems((s) => s.byBlock[id]);
  const ref = useRef<HTMLDivElement>(null);
  const hover = useHover(ref);
  const status = run?.status ?? 'idle';
  return (
    <div
      className={`wf-block wf-block--${block.type} wf-status--${status}${selected ? ' is-selected' : ''}${problems !== undefined ? ' has-problems' : ''}`}
      ref={ref}
      data-testid="wf-block"
      data-block={id}
      data-type={block.type}
      data-status={status}
    >
      {block.type !== 'input' && <Handle type="target" position={Position.Top} className="wf-port wf-port--in" />}
      <div className="wf-block__head">
        <BlockIcon type={block.type} />
        <span className="wf-block__name mono" title={id}>
          {id}
        </span>
        <ProblemBadge rows={problems} />
      </div>
      <div className="wf-block__summary" title={blockSummary(block)}>
        {blockSummary(block)}
      </div>
      {run !== undefined && <RunLine run={run} />}
      {block.type === 'approval' && run?.status === 'waiting' && run.label === 'Waiting for approval' && <ApprovalActions blockId={id} />}
      {block.type === 'condition' ? <BranchPorts block={block} taken={run?.branch} /> : block.type !== 'output' && <Handle type="source" position={Position.Bottom} className="wf-port wf-port--out" />}
      <RunPeek run={run} visible={hover} />
    </div>
  );
});
