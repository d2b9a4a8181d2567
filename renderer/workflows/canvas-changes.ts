import type { EdgeChange, NodeChange } from '@xyflow/react';
import type { BlockType } from '../../shared/workflow/schema.ts';
import { useCanvasUi } from './canvas-ui-store.ts';
import { containerAt, dropPlacement } from './containment.ts';
import { absolutePositions } from './flow-convert.ts';
import type { BlockNode, Size, XY } from './flow-types.ts';
import { addBlock, type Connection, connect, connectionProblem, moveBlocks, reparent, resizeBlock } from './graph-ops.ts';
import { useGraph } from './graph-store.ts';

/**
 * React Flow reports what the pointer does as changes; here they become view state (selection,
 * sizes, a drag in progress) or, when a drag or resize ends, one edit of the graph.
 */
export function applyNodeChanges(changes: readonly NodeChange<BlockNode>[]): void {
  const { view, setView, edit } = useGraph.getState();
  const selected = new Set(view.selected);
  const measured = new Map(view.measured);
  const dragging = new Map(view.dragging);
  const resizing = new Map(view.resizing);
  const moved = new Map<string, XY>();
  const resized = new Map<string, Size>();
  let viewChanged = false;
  for (const change of changes) {
    if (change.type === 'select') {
      if (change.selected) selected.add(change.id);
      else selected.delete(change.id);
      viewChanged = true;
    } else if (change.type === 'dimensions' && change.dimensions !== undefined) {
      if (change.resizing === true) resizing.set(change.id, change.dimensions);
      else if (change.resizing === false) {
        resized.set(change.id, change.dimensions);
        resizing.delete(change.id);
      }
      measured.set(change.id, change.dimensions);
      viewChanged = true;
    } else if (change.type === 'position' && change.position !== undefined) {
      if (change.dragging === true) dragging.set(change.id, change.position);
      else {
        moved.set(change.id, change.position);
        dragging.delete(change.id);
      }
      viewChanged = true;
    }
  }
  if (viewChanged) setView({ selected, measured, dragging, resizing });
  if (moved.size > 0 || resized.size > 0) {
    edit((graph) => {
      let next = moveBlocks(graph, moved);
      for (const [id, size] of resized) next = resizeBlock(next, id, size);
      return next;
    });
  }
}

export function applyEdgeChanges(changes: readonly EdgeChange[]): void {
  const { view, setView } = useGraph.getState();
  const selectedEdges = new Set(view.selectedEdges);
  let changed = false;
  for (const change of changes) {
    if (change.type !== 'select') continue;
    if (change.selected) selectedEdges.add(change.id);
    else selectedEdges.delete(change.id);
    changed = true;
  }
  if (changed) setView({ selectedEdges });
}

export function isValidConnection(c: Connection): boolean {
  const graph = useGraph.getState().graph;
  return graph !== null && connectionProblem(graph, c) === undefined;
}

export function onConnect(c: Connection): void {
  const graph = useGraph.getState().graph;
  if (graph === null) return;
  const problem = connectionProblem(graph, c);
  if (problem !== undefined) {
    useCanvasUi.getState().showHint(problem);
    return;
  }
  useGraph.getState().edit((g) => connect(g, c));
}

/** After a drag: blocks let go over a container move into it, blocks dragged out of one leave it. */
export function onDragStop(ids: readonly string[]): void {
  const { edit, view } = useGraph.getState();
  edit((graph) => {
    let next = graph;
    for (const id of ids) {
      const placement = dropPlacement(next, id, view.measured);
      if (placement !== undefined) next = reparent(next, id, placement.parent, placement.position);
    }
    if (next.edges.length < graph.edges.length) useCanvasUi.getState().showHint('Moved in or out of a container: its connections were removed, as they cannot cross its edge.');
    return next;
  });
}

/** A palette block dropped at `point` (canvas coordinates): into the container under it, if any. */
export function dropBlock(type: BlockType, point: XY): string | undefined {
  const graph = useGraph.getState().graph;
  if (graph === null) return undefined;
  const container = type === 'input' || type === 'output' ? undefined : containerAt(graph, point);
  const base = container === undefined ? { x: 0, y: 0 } : (absolutePositions(graph).get(container.id) ?? container.position);
  const { graph: next, id } = addBlock(graph, type, { x: point.x - base.x, y: point.y - base.y }, container?.id);
  useGraph.getState().edit(() => next);
  useGraph.getState().select([id]);
  return id;
}
