import dagre from '@dagrejs/dagre';
import { type Block, isContainer, type WorkflowGraph } from '../../shared/workflow/schema.ts';
import { CONTAINER_SIZE } from './block-catalog.ts';
import type { Size, XY } from './flow-types.ts';
import { moveBlocks, resizeBlock } from './graph-ops.ts';

/** A card's size before React Flow has measured it. */
export const BLOCK_SIZE: Size = { width: 220, height: 62 };
/** Room inside a container around what it holds; the top leaves space for its header. */
const PAD = { left: 24, right: 24, top: 52, bottom: 24 };
const ORIGIN: XY = { x: 40, y: 40 };

export interface Layout {
  /** Positions as stored: relative to the block's container, if any. */
  positions: Map<string, XY>;
  /** New sizes of containers, made to fit what they hold. */
  sizes: Map<string, Size>;
}

function depthOf(block: Block, byId: ReadonlyMap<string, Block>): number {
  let depth = 0;
  let current = block.parent === undefined ? undefined : byId.get(block.parent);
  while (current !== undefined && depth < 32) {
    depth += 1;
    current = current.parent === undefined ? undefined : byId.get(current.parent);
  }
  return depth;
}

/** Lays out one scope top to bottom; returns its blocks' top-left corners and the bounding size. */
function layoutScope(blocks: readonly Block[], graph: WorkflowGraph, sizeOf: (b: Block) => Size): { at: Map<string, XY>; box: Size } {
  const g = new dagre.graphlib.Graph({ multigraph: true });
  g.setGraph({ rankdir: 'TB', nodesep: 40, ranksep: 56, marginx: 0, marginy: 0 });
  g.setDefaultEdgeLabel(() => ({}));
  const ids = new Set(blocks.map((b) => b.id));
  for (const block of blocks) g.setNode(block.id, { ...sizeOf(block) });
  // A Condition's branches weigh more, so a short branch sits right under its Condition
  // rather than at the bottom beside the block it leads back to.
  for (const edge of graph.edges) if (ids.has(edge.source) && ids.has(edge.target)) g.setEdge(edge.source, edge.target, { weight: edge.sourceHandle === undefined ? 1 : 2 }, edge.id);
  dagre.layout(g);
  const at = new Map<string, XY>();
  let right = 0;
  let bottom = 0;
  for (const block of blocks) {
    const node = g.node(block.id);
    const size = sizeOf(block);
    const x = node.x - size.width / 2;
    const y = node.y - size.height / 2;
    at.set(block.id, { x, y });
    right = Math.max(right, x + size.width);
    bottom = Math.max(bottom, y + size.height);
  }
  return { at, box: { width: right, height: bottom } };
}

/**
 * Arranges every scope with dagre, innermost containers first so each container is sized to
 * fit its blocks before its own scope is laid out.
 */
export function autoLayout(graph: WorkflowGraph, measured: ReadonlyMap<string, Size> = new Map()): Layout {
  const byId = new Map(graph.blocks.map((b) => [b.id, b]));
  const sizes = new Map<string, Size>();
  const positions = new Map<string, XY>();
  const sizeOf = (b: Block): Size => sizes.get(b.id) ?? (isContainer(b.type) ? ((b.type === 'map' || b.type === 'parallel' ? b.size : undefined) ?? CONTAINER_SIZE) : (measured.get(b.id) ?? BLOCK_SIZE));
  const containers = graph.blocks.filter((b) => isContainer(b.type)).sort((a, b) => depthOf(b, byId) - depthOf(a, byId));
  for (const container of containers) {
    const inside = graph.blocks.filter((b) => b.parent === container.id);
    if (inside.length === 0) continue;
    const { at, box } = layoutScope(inside, graph, sizeOf);
    for (const [id, p] of at) positions.set(id, { x: p.x + PAD.left, y: p.y + PAD.top });
    sizes.set(container.id, { width: Math.max(box.width + PAD.left + PAD.right, 220), height: Math.max(box.height + PAD.top + PAD.bottom, 120) });
  }
  const top = graph.blocks.filter((b) => b.parent === undefined || !byId.has(b.parent));
  const { at } = layoutScope(top, graph, sizeOf);
  for (const [id, p] of at) positions.set(id, { x: p.x + ORIGIN.x, y: p.y + ORIGIN.y });
  return { positions, sizes };
}

/** The graph with a layout applied: one edit, so one undo step. */
export function applyLayout(graph: WorkflowGraph, layout: Layout): WorkflowGraph {
  let next = moveBlocks(graph, layout.positions);
  for (const [id, size] of layout.sizes) next = resizeBlock(next, id, size);
  return next;
}
