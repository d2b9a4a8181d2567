import { type Block, DEFAULT_BRANCH, type Edge, isContainer, type WorkflowGraph } from '../../shared/workflow/schema.ts';
import { CONTAINER_SIZE } from './block-catalog.ts';
import type { BlockEdge, BlockNode, Size, XY } from './flow-types.ts';
import { parentsFirst } from './graph-ops.ts';

/** What the canvas knows beyond the file: selection, sizes React Flow measured, a drag in progress. */
export interface ViewState {
  selected: ReadonlySet<string>;
  selectedEdges: ReadonlySet<string>;
  measured: ReadonlyMap<string, Size>;
  /** Positions of blocks being dragged, until the drag ends and they are written to the graph. */
  dragging: ReadonlyMap<string, XY>;
  /** Sizes of containers being resized, until the resize ends. */
  resizing: ReadonlyMap<string, Size>;
}

export const EMPTY_VIEW: ViewState = { selected: new Set(), selectedEdges: new Set(), measured: new Map(), dragging: new Map(), resizing: new Map() };

function containerSize(block: Block, view: ViewState): Size | undefined {
  if (block.type !== 'map' && block.type !== 'parallel') return undefined;
  return view.resizing.get(block.id) ?? block.size ?? CONTAINER_SIZE;
}

function sameXY(a: XY | undefined, b: XY | undefined): boolean {
  return a?.x === b?.x && a?.y === b?.y;
}

function sameSize(a: Partial<Size> | undefined, b: Partial<Size> | undefined): boolean {
  return a?.width === b?.width && a?.height === b?.height;
}

/** One block as a React Flow node; the previous node is returned as it is when nothing it shows changed. */
function toNode(block: Block, view: ViewState, previous: BlockNode | undefined): BlockNode {
  const position = view.dragging.get(block.id) ?? block.position;
  const selected = view.selected.has(block.id);
  const measured = view.measured.get(block.id);
  const size = containerSize(block, view);
  if (
    previous !== undefined &&
    previous.data.block === block &&
    previous.selected === selected &&
    sameXY(previous.position, position) &&
    sameSize(previous.measured, measured) &&
    previous.width === size?.width &&
    previous.height === size?.height
  ) {
    return previous;
  }
  return {
    id: block.id,
    type: block.type,
    position,
    data: { block },
    selected,
    ...(block.parent === undefined ? {} : { parentId: block.parent }),
    ...(measured === undefined ? {} : { measured }),
    ...(size === undefined ? {} : { width: size.width, height: size.height }),
    // Containers sit under the blocks they hold and take drops; blocks above them.
    zIndex: isContainer(block.type) ? 0 : 1,
  };
}

/**
 * The graph's blocks as React Flow nodes, parents before children as React Flow requires.
 * `previous` (last render's nodes) lets unchanged blocks keep their node object, so memoized
 * node components skip re-rendering.
 */
export function toFlowNodes(graph: WorkflowGraph, view: ViewState, previous: readonly BlockNode[] = []): BlockNode[] {
  const before = new Map(previous.map((n) => [n.id, n]));
  return parentsFirst(graph.blocks).map((block) => toNode(block, view, before.get(block.id)));
}

/** The graph's edges as React Flow edges; a Condition's leave from their branch's handle. */
export function toFlowEdges(graph: WorkflowGraph, view: ViewState, previous: readonly BlockEdge[] = []): BlockEdge[] {
  const before = new Map(previous.map((e) => [e.id, e]));
  return graph.edges.map((edge) => {
    const selected = view.selectedEdges.has(edge.id);
    const old = before.get(edge.id);
    const sourceHandle = edge.sourceHandle ?? null;
    if (old !== undefined && old.source === edge.source && old.target === edge.target && old.sourceHandle === sourceHandle && old.selected === selected) return old;
    return {
      id: edge.id,
      source: edge.source,
      target: edge.target,
      sourceHandle,
      selected,
      // The branch's name is on its port; the class lets the default branch draw dashed.
      className: edge.sourceHandle === undefined ? 'wf-edge' : edge.sourceHandle === DEFAULT_BRANCH ? 'wf-edge wf-edge--default' : 'wf-edge wf-edge--branch',
    };
  });
}

/** A React Flow edge back in the file's shape. */
export function fromFlowEdge(edge: Pick<BlockEdge, 'id' | 'source' | 'target' | 'sourceHandle'>): Edge {
  return { id: edge.id, source: edge.source, target: edge.target, ...(edge.sourceHandle == null ? {} : { sourceHandle: edge.sourceHandle }) };
}

/** The source handles a block offers: one per Condition branch plus `default`, else one unnamed. */
export function sourceHandles(block: Block): (string | null)[] {
  if (block.type === 'output') return [];
  if (block.type === 'condition') return [...block.branches.map((b) => b.id), DEFAULT_BRANCH];
  return [null];
}

/** Absolute positions of every block: its own plus its containers'. */
export function absolutePositions(graph: WorkflowGraph): Map<string, XY> {
  const byId = new Map(graph.blocks.map((b) => [b.id, b]));
  const found = new Map<string, XY>();
  const resolve = (block: Block, depth: number): XY => {
    const known = found.get(block.id);
    if (known !== undefined) return known;
    const parent = block.parent === undefined ? undefined : byId.get(block.parent);
    const origin = parent === undefined || depth > 32 ? { x: 0, y: 0 } : resolve(parent, depth + 1);
    const at = { x: origin.x + block.position.x, y: origin.y + block.position.y };
    found.set(block.id, at);
    return at;
  };
  for (const block of graph.blocks) resolve(block, 0);
  return found;
}
