import { Handle, type NodeProps, NodeResizeControl, Position } from '@xyflow/react';
import { MoveDiagonal2 } from 'lucide-react';
import { memo, useRef } from 'react';
import { blockSummary, CONTAINER_MIN } from './block-catalog.ts';
import { BlockIcon } from './BlockIcon.tsx';
import { RunLine } from './BlockCard.tsx';
import { useCanvasUi } from './canvas-ui-store.ts';
import type { BlockNode } from './flow-types.ts';
import { useGraph } from './graph-store.ts';
import { ProblemBadge } from './ProblemBadge.tsx';
import { useWorkflowProblems } from './problems-store.ts';
import { useRuns } from './run-store.ts';
import { RunPeek } from './RunPeek.tsx';
import { useHover } from './useHover.ts';

/** A Map or Parallel: a frame the blocks it runs sit in, resizable from its corner. */
export const ContainerCard = memo(function ContainerCard({ id, data, selected }: NodeProps<BlockNode>) {
  const block = data.block;
  const run = useRuns((s) => s.view?.blocks[id]);
  const problems = useWorkflowProblems((s) => s.byBlock[id]);
  const empty = useGraph((s) => !(s.graph?.blocks.some((b) => b.parent === id) ?? false));
  const dropping = useCanvasUi((s) => s.dropTarget === id);
  const head = useRef<HTMLDivElement>(null);
  const hover = useHover(head);
  const status = run?.status ?? 'idle';
  return (
    <div
      className={`wf-container wf-block--${block.type} wf-status--${status}${selected ? ' is-selected' : ''}${dropping ? ' is-drop-target' : ''}`}
      data-testid="wf-block"
      data-block={id}
      data-type={block.type}
      data-status={status}
    >
      <NodeResizeControl minWidth={CONTAINER_MIN.width} minHeight={CONTAINER_MIN.height} position="bottom-right" className="wf-resize">
        <MoveDiagonal2 size={12} aria-label={`Resize ${id}`} />
      </NodeResizeControl>
      <Handle type="target" position={Position.Top} className="wf-port wf-port--in" />
      <div className="wf-container__head" ref={head}>
        <BlockIcon type={block.type} />
        <span className="wf-block__name mono">{id}</span>
        <span className="wf-container__summary">{blockSummary(block)}</span>
        <ProblemBadge rows={problems} />
        {run !== undefined && <RunLine run={run} />}
      </div>
      {empty && <div className="wf-container__hint">Drop the blocks {block.type === 'map' ? 'each item runs' : 'to run side by side'} here</div>}
      <Handle type="source" position={Position.Bottom} className="wf-port wf-port--out" />
      <RunPeek run={run} visible={hover} />
    </div>
  );
});
