import type { Block, Edge, WorkflowGraph } from '../../shared/workflow/schema.ts';
import type { XY } from './flow-types.ts';
import { blockIds, edgeId, uniqueId, withDescendants } from './graph-ops.ts';

/** Copied blocks with the edges between them; plain data, so it can also go through the system clipboard. */
export interface Fragment {
  kind: 'lambda-studio/workflow-blocks';
  blocks: Block[];
  edges: Edge[];
}

/** The selected blocks, what containers among them hold, and the edges among all of them. */
export function copyFragment(graph: WorkflowGraph, ids: Iterable<string>): Fragment | null {
  const chosen = withDescendants(graph, ids);
  const blocks = graph.blocks.filter((b) => chosen.has(b.id));
  if (blocks.length === 0) return null;
  const edges = graph.edges.filter((e) => chosen.has(e.source) && chosen.has(e.target));
  return { kind: 'lambda-studio/workflow-blocks', blocks: structuredClone(blocks), edges: structuredClone(edges) };
}

/** Reads a fragment back from clipboard text; null for anything else. */
export function parseFragment(text: string): Fragment | null {
  try {
    const value = JSON.parse(text) as Partial<Fragment>;
    if (value.kind !== 'lambda-studio/workflow-blocks' || !Array.isArray(value.blocks) || !Array.isArray(value.edges)) return null;
    return value as Fragment;
  } catch {
    return null;
  }
}

/**
 * Adds a copy of the fragment to the graph. Every block gets a name not yet taken (`call` →
 * `call_2`), and edges and containers follow the new names. Blocks whose container was not
 * copied land in that same container if it still exists, else on the top level; they move
 * by `offset` so the copy does not hide the original.
 */
export function pasteFragment(graph: WorkflowGraph, fragment: Fragment, offset: XY): { graph: WorkflowGraph; ids: string[] } {
  const taken = blockIds(graph);
  const renamed = new Map<string, string>();
  for (const block of fragment.blocks) {
    const id = uniqueId(block.id, taken);
    taken.add(id);
    renamed.set(block.id, id);
  }
  const blocks = fragment.blocks.map((block): Block => {
    const innerParent = block.parent === undefined ? undefined : renamed.get(block.parent);
    const keepParent = block.parent !== undefined && innerParent === undefined && graph.blocks.some((b) => b.id === block.parent && (b.type === 'map' || b.type === 'parallel'));
    const parent = innerParent ?? (keepParent ? block.parent : undefined);
    const shifted = innerParent === undefined ? { x: block.position.x + offset.x, y: block.position.y + offset.y } : block.position;
    const { parent: _parent, ...rest } = block;
    return { ...rest, id: renamed.get(block.id) ?? block.id, position: shifted, ...(parent === undefined ? {} : { parent }) } as Block;
  });
  const edgeIds = new Set(graph.edges.map((e) => e.id));
  const edges = fragment.edges.map((edge): Edge => {
    const bare = { source: renamed.get(edge.source) ?? edge.source, target: renamed.get(edge.target) ?? edge.target, ...(edge.sourceHandle === undefined ? {} : { sourceHandle: edge.sourceHandle }) };
    const id = edgeId(bare, edgeIds);
    edgeIds.add(id);
    return { id, ...bare };
  });
  // Containers first, so the pasted ones precede what they hold.
  const containers = blocks.filter((b) => b.type === 'map' || b.type === 'parallel');
  const others = blocks.filter((b) => b.type !== 'map' && b.type !== 'parallel');
  return {
    graph: { ...graph, blocks: [...containers, ...graph.blocks, ...others], edges: [...graph.edges, ...edges] },
    ids: blocks.map((b) => b.id),
  };
}
