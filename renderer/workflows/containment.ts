import { type Block, isContainer, type WorkflowGraph } from '../../shared/workflow/schema.ts';
import { CONTAINER_SIZE } from './block-catalog.ts';
import { absolutePositions } from './flow-convert.ts';
import type { Size, XY } from './flow-types.ts';
import { withDescendants } from './graph-ops.ts';
import { BLOCK_SIZE } from './layout.ts';

function sizeOf(block: Block, measured: ReadonlyMap<string, Size>): Size {
  if (block.type === 'map' || block.type === 'parallel') return block.size ?? CONTAINER_SIZE;
  return measured.get(block.id) ?? BLOCK_SIZE;
}

/**
 * The innermost Map or Parallel under a point (absolute canvas coordinates), leaving out
 * `moving` and what it holds, so a container is never dropped into itself.
 */
export function containerAt(graph: WorkflowGraph, point: XY, moving?: string): Block | undefined {
  const excluded = moving === undefined ? new Set<string>() : withDescendants(graph, [moving]);
  const at = absolutePositions(graph);
  let best: { block: Block; area: number } | undefined;
  for (const block of graph.blocks) {
    if (!isContainer(block.type) || excluded.has(block.id)) continue;
    const origin = at.get(block.id) ?? block.position;
    const size = sizeOf(block, new Map());
    const inside = point.x >= origin.x && point.x <= origin.x + size.width && point.y >= origin.y && point.y <= origin.y + size.height;
    const area = size.width * size.height;
    if (inside && (best === undefined || area < best.area)) best = { block, area };
  }
  return best?.block;
}

/**
 * Where a block that was just dragged belongs: the container under its centre (or the top
 * level), with its position relative to that. Undefined when it stays where it is.
 */
export function dropPlacement(graph: WorkflowGraph, id: string, measured: ReadonlyMap<string, Size>): { parent: string | undefined; position: XY } | undefined {
  const block = graph.blocks.find((b) => b.id === id);
  if (block === undefined || block.type === 'input' || block.type === 'output') return undefined;
  const abs = absolutePositions(graph);
  const origin = abs.get(id) ?? block.position;
  const size = sizeOf(block, measured);
  const target = containerAt(graph, { x: origin.x + size.width / 2, y: origin.y + size.height / 2 }, id);
  if (target?.id === block.parent) return undefined;
  const base = target === undefined ? { x: 0, y: 0 } : (abs.get(target.id) ?? target.position);
  return { parent: target?.id, position: { x: origin.x - base.x, y: origin.y - base.y } };
}
