import { useMemo } from 'react';
import type { Block, Edge, WorkflowGraph } from '../../shared/workflow/schema.ts';
import { type ViewState, toFlowEdges, toFlowNodes } from './flow-convert.ts';
import type { BlockEdge, BlockNode } from './flow-types.ts';
import { useRuns } from './run-store.ts';

// The last node made for each block object (blocks are replaced, never changed, on edit), so
// unchanged blocks keep their node and memoized cards skip re-rendering.
const nodeCache = new WeakMap<Block, BlockNode>();
const edgeCache = new WeakMap<Edge, BlockEdge>();

/**
 * The nodes and edges React Flow draws for a graph, with the edges a run went along marked so
 * they are drawn as taken.
 */
export function useFlowElements(graph: WorkflowGraph, view: ViewState): { nodes: BlockNode[]; edges: BlockEdge[] } {
  const taken = useRuns((s) => s.view?.takenEdges);
  const running = useRuns((s) => s.view?.status === 'RUNNING');
  const nodes = useMemo(() => {
    const made = toFlowNodes(graph, view, graph.blocks.flatMap((b) => nodeCache.get(b) ?? []));
    for (const node of made) nodeCache.set(node.data.block, node);
    return made;
  }, [graph, view]);
  const edges = useMemo(() => {
    const base = toFlowEdges(graph, view, graph.edges.flatMap((e) => edgeCache.get(e) ?? []));
    graph.edges.forEach((edge, i) => base[i] !== undefined && edgeCache.set(edge, base[i]));
    if (taken === undefined) return base;
    const takenSet = new Set(taken);
    return base.map((e) => (takenSet.has(e.id) ? { ...e, className: `${e.className ?? 'wf-edge'} is-taken`, animated: running } : e));
  }, [graph, view, taken, running]);
  return { nodes, edges };
}
