import '@xyflow/react/dist/style.css';
import { Background, BackgroundVariant, Controls, MiniMap, type NodeTypes, ReactFlow, useReactFlow } from '@xyflow/react';
import { useCallback, useEffect } from 'react';
import type { WorkflowGraph } from '../../shared/workflow/schema.ts';
import { isBlockType } from './block-catalog.ts';
import { BlockCard } from './BlockCard.tsx';
import { applyEdgeChanges, applyNodeChanges, dropBlock, isValidConnection, onConnect, onDragStop } from './canvas-changes.ts';
import { useCanvasUi } from './canvas-ui-store.ts';
import { containerAt } from './containment.ts';
import { ContainerCard } from './ContainerCard.tsx';
import type { BlockNode } from './flow-types.ts';
import { useGraph } from './graph-store.ts';
import { PALETTE_MIME } from './Palette.tsx';
import { useCanvasKeys } from './useCanvasKeys.ts';
import { useFlowElements } from './useFlowElements.ts';

/** Declared once: React Flow re-creates every node when this object changes. */
const nodeTypes: NodeTypes = {
  input: BlockCard,
  lambda: BlockCard,
  transform: BlockCard,
  condition: BlockCard,
  wait: BlockCard,
  approval: BlockCard,
  output: BlockCard,
  map: ContainerCard,
  parallel: ContainerCard,
};

const SNAP: [number, number] = [10, 10];
const MINIMAP_SIZE = { width: 150, height: 100 };
const FIT = { padding: 0.15, maxZoom: 1.1 };

function minimapColor(node: BlockNode): string {
  return node.type === 'map' || node.type === 'parallel' ? 'var(--wf-minimap-container)' : 'var(--wf-minimap-block)';
}

/** The graph on a React Flow canvas. Read-only draws it without letting anything move or connect. */
export function Canvas({ graph, readOnly }: { graph: WorkflowGraph; readOnly: boolean }) {
  const view = useGraph((s) => s.view);
  const { nodes, edges } = useFlowElements(graph, view);
  const flow = useReactFlow();
  const setDropTarget = useCanvasUi((s) => s.setDropTarget);
  useCanvasKeys(!readOnly);
  const focus = useCanvasUi((s) => s.focus);
  useEffect(() => {
    if (focus === null) return;
    useGraph.getState().select([focus.id]);
    void flow.fitView({ nodes: [{ id: focus.id }], duration: 250, maxZoom: 1.2, padding: 0.4 });
  }, [focus, flow]);

  const onDragOver = useCallback(
    (event: React.DragEvent) => {
      if (readOnly || !event.dataTransfer.types.includes(PALETTE_MIME)) return;
      event.preventDefault();
      event.dataTransfer.dropEffect = 'move';
      const point = flow.screenToFlowPosition({ x: event.clientX, y: event.clientY });
      setDropTarget(containerAt(graph, point)?.id ?? null);
    },
    [flow, graph, readOnly, setDropTarget],
  );
  const onDrop = useCallback(
    (event: React.DragEvent) => {
      setDropTarget(null);
      const type = event.dataTransfer.getData(PALETTE_MIME);
      if (readOnly || !isBlockType(type)) return;
      event.preventDefault();
      dropBlock(type, flow.screenToFlowPosition({ x: event.clientX, y: event.clientY }));
    },
    [flow, readOnly, setDropTarget],
  );

  return (
    <div className="wf-canvas" data-testid="workflow-canvas" onDragLeave={() => setDropTarget(null)}>
      <ReactFlow<BlockNode>
        nodes={nodes}
        edges={edges}
        nodeTypes={nodeTypes}
        onNodesChange={applyNodeChanges}
        onEdgesChange={applyEdgeChanges}
        onConnect={onConnect}
        isValidConnection={(c) => isValidConnection(c)}
        onNodeDragStop={(_event, _node, dragged) => onDragStop(dragged.map((n) => n.id))}
        onDragOver={onDragOver}
        onDrop={onDrop}
        nodesDraggable={!readOnly}
        nodesConnectable={!readOnly}
        deleteKeyCode={null}
        selectionKeyCode="Shift"
        multiSelectionKeyCode={['Meta', 'Control']}
        snapToGrid
        snapGrid={SNAP}
        fitView
        fitViewOptions={FIT}
        minZoom={0.2}
        maxZoom={2}
        defaultEdgeOptions={{ type: 'smoothstep' }}
      >
        <Background variant={BackgroundVariant.Dots} gap={20} size={1.2} />
        <MiniMap<BlockNode> pannable zoomable nodeColor={minimapColor} nodeStrokeWidth={0} ariaLabel="Overview of the workflow" style={MINIMAP_SIZE} />
        <Controls fitViewOptions={FIT} showInteractive={false} aria-label="Zoom and fit" />
      </ReactFlow>
    </div>
  );
}
