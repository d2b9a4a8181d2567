import { describe, expect, it } from 'vitest';
import type { WorkflowGraph } from '../../shared/workflow/schema.ts';
import { absolutePositions, EMPTY_VIEW, fromFlowEdge, sourceHandles, toFlowEdges, toFlowNodes } from './flow-convert.ts';
import { moveBlocks } from './graph-ops.ts';

const graph: WorkflowGraph = {
  version: 1,
  blocks: [
    { id: 'input', type: 'input', position: { x: 0, y: 0 } },
    { id: 'price', type: 'transform', parent: 'each', position: { x: 20, y: 60 }, expression: 'data * 2' },
    { id: 'each', type: 'map', position: { x: 300, y: 10 }, items: 'data', toleratedFailures: 0, size: { width: 400, height: 200 } },
    { id: 'route', type: 'condition', position: { x: 100, y: 0 }, branches: [{ id: 'big', when: 'data > 2' }] },
    { id: 'output', type: 'output', position: { x: 900, y: 0 } },
  ],
  edges: [
    { id: 'a', source: 'input', target: 'route' },
    { id: 'b', source: 'route', sourceHandle: 'big', target: 'each' },
    { id: 'c', source: 'route', sourceHandle: 'default', target: 'output' },
    { id: 'd', source: 'each', target: 'output' },
  ],
};

describe('graph → React Flow', () => {
  it('makes one node per block, containers before what they hold, with the block as data', () => {
    const nodes = toFlowNodes(graph, EMPTY_VIEW);
    expect(nodes.map((n) => n.id)).toEqual(['input', 'each', 'route', 'output', 'price']);
    const price = nodes.find((n) => n.id === 'price')!;
    expect(price).toMatchObject({ type: 'transform', parentId: 'each', position: { x: 20, y: 60 }, zIndex: 1 });
    expect(price.data.block).toBe(graph.blocks[1]);
    expect(nodes.find((n) => n.id === 'each')).toMatchObject({ width: 400, height: 200, zIndex: 0 });
    // The data is the file's own block: plain JSON, nothing to call.
    expect(JSON.parse(JSON.stringify(nodes.map((n) => n.data)))).toEqual(nodes.map((n) => n.data));
  });

  it('keeps the node objects of blocks that did not change, and what React Flow measured', () => {
    const measured = new Map([['input', { width: 200, height: 60 }]]);
    const first = toFlowNodes(graph, { ...EMPTY_VIEW, measured });
    const moved = moveBlocks(graph, new Map([['route', { x: 120, y: 0 }]]));
    const second = toFlowNodes(moved, { ...EMPTY_VIEW, measured }, first);
    expect(second.find((n) => n.id === 'input')).toBe(first.find((n) => n.id === 'input'));
    expect(second.find((n) => n.id === 'input')?.measured).toEqual({ width: 200, height: 60 });
    expect(second.find((n) => n.id === 'route')).not.toBe(first.find((n) => n.id === 'route'));
    expect(second.find((n) => n.id === 'route')?.position).toEqual({ x: 120, y: 0 });
  });

  it('shows a drag in progress and the selection without touching the graph', () => {
    const view = { ...EMPTY_VIEW, selected: new Set(['route']), dragging: new Map([['route', { x: 500, y: 500 }]]) };
    const route = toFlowNodes(graph, view).find((n) => n.id === 'route')!;
    expect(route).toMatchObject({ selected: true, position: { x: 500, y: 500 } });
    expect(graph.blocks[3]?.position).toEqual({ x: 100, y: 0 });
  });

  it('draws a Condition’s edges from their branch handle, the default one marked', () => {
    const edges = toFlowEdges(graph, EMPTY_VIEW);
    expect(edges.find((e) => e.id === 'b')).toMatchObject({ source: 'route', sourceHandle: 'big', target: 'each', className: 'wf-edge wf-edge--branch' });
    expect(edges.find((e) => e.id === 'c')?.className).toBe('wf-edge wf-edge--default');
    expect(edges.find((e) => e.id === 'a')).toMatchObject({ sourceHandle: null, className: 'wf-edge' });
  });

  it('offers one source handle per branch plus default, none on the Output', () => {
    expect(sourceHandles(graph.blocks[3]!)).toEqual(['big', 'default']);
    expect(sourceHandles(graph.blocks[0]!)).toEqual([null]);
    expect(sourceHandles(graph.blocks[4]!)).toEqual([]);
  });
});

describe('React Flow → graph', () => {
  it('turns an edge back into the file’s shape, without a handle when it has none', () => {
    expect(fromFlowEdge({ id: 'x', source: 'a', target: 'b', sourceHandle: null })).toEqual({ id: 'x', source: 'a', target: 'b' });
    expect(fromFlowEdge({ id: 'y', source: 'a', target: 'b', sourceHandle: 'big' })).toEqual({ id: 'y', source: 'a', target: 'b', sourceHandle: 'big' });
  });

  it('round-trips every edge', () => {
    expect(toFlowEdges(graph, EMPTY_VIEW).map(fromFlowEdge)).toEqual(graph.edges);
  });

  it('works out absolute positions through containers', () => {
    expect(absolutePositions(graph).get('price')).toEqual({ x: 320, y: 70 });
    expect(absolutePositions(graph).get('each')).toEqual({ x: 300, y: 10 });
  });
});
