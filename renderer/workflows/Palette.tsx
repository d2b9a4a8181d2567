import { useReactFlow } from '@xyflow/react';
import { BLOCK_KINDS, type BlockKind } from './block-catalog.ts';
import { BlockIcon } from './BlockIcon.tsx';
import { dropBlock } from './canvas-changes.ts';
import { freeSpot } from './graph-ops.ts';
import { useGraph } from './graph-store.ts';
import { BLOCK_SIZE } from './layout.ts';

/** The drag payload's type: only palette items carry it, so other drops are ignored. */
export const PALETTE_MIME = 'application/x-lambda-studio-block';

function Item({ kind, disabled }: { kind: BlockKind; disabled: boolean }) {
  const flow = useReactFlow();
  // Enter or a click adds the block in the middle of the view, for keyboards and quick use.
  const addAtCentre = () => {
    const box = document.querySelector('.wf-canvas')?.getBoundingClientRect();
    if (box === undefined) return;
    const point = flow.screenToFlowPosition({ x: box.left + box.width / 2 - 100, y: box.top + box.height / 2 - 30 });
    const graph = useGraph.getState().graph;
    dropBlock(kind.type, graph === null ? point : freeSpot(graph, point, BLOCK_SIZE));
  };
  return (
    <button
      className="wf-palette__item"
      draggable={!disabled}
      disabled={disabled}
      onDragStart={(event) => {
        event.dataTransfer.setData(PALETTE_MIME, kind.type);
        event.dataTransfer.effectAllowed = 'move';
      }}
      onClick={addAtCentre}
      title={`${kind.description} Drag onto the canvas, or click to add it in the middle.`}
      data-testid={`palette-${kind.type}`}
    >
      <BlockIcon type={kind.type} size={13} />
      <span>{kind.label}</span>
    </button>
  );
}

/** Block types to drag onto the canvas (into a Map or Parallel to put them inside). */
export function Palette({ disabled }: { disabled: boolean }) {
  return (
    <nav className="wf-palette" aria-label="Blocks" data-testid="workflow-palette">
      <div className="wf-palette__title">Blocks</div>
      {BLOCK_KINDS.map((kind) => (
        <Item key={kind.type} kind={kind} disabled={disabled} />
      ))}
    </nav>
  );
}
