import { describe, expect, it } from 'vitest';
import type { WorkflowGraph } from '../../shared/workflow/schema.ts';
import { validateWorkflow } from '../../shared/workflow/validate.ts';
import { addBlock, connect, connectionProblem, freeSpot, removeElements, renameBlock, renameProblem, reparent, uniqueId } from './graph-ops.ts';

const graph: WorkflowGraph = {
  version: 1,
  blocks: [
    { id: 'each', type: 'map', position: { x: 300, y: 0 }, items: 'data', toleratedFailures: 0 },
    { id: 'input', type: 'input', position: { x: 0, y: 0 } },
    { id: 'price', type: 'transform', parent: 'each', position: { x: 20, y: 60 }, expression: 'data' },
    { id: 'output', type: 'output', position: { x: 900, y: 0 } },
  ],
  edges: [
    { id: 'a', source: 'input', target: 'each' },
    { id: 'b', source: 'each', target: 'output' },
  ],
};

describe('graph edits', () => {
  it('names new blocks after their type without clashing', () => {
    expect(uniqueId('call', new Set())).toBe('call');
    expect(uniqueId('call', new Set(['call', 'call_2']))).toBe('call_3');
    expect(uniqueId('call_2', new Set(['call_2']))).toBe('call_3');
    const { graph: once, id } = addBlock(graph, 'lambda', { x: 10.4, y: 20.6 });
    expect(id).toBe('call');
    expect(once.blocks.at(-1)).toMatchObject({ id: 'call', type: 'lambda', function: '', position: { x: 10, y: 21 } });
    expect(addBlock(once, 'lambda', { x: 0, y: 0 }).id).toBe('call_2');
  });

  it('renames a block with its edges and the blocks inside it', () => {
    const next = renameBlock(graph, 'each', 'prices');
    expect(next.blocks.map((b) => b.id)).toEqual(['prices', 'input', 'price', 'output']);
    expect(next.blocks[2]?.parent).toBe('prices');
    expect(next.edges).toEqual([
      { id: 'a', source: 'input', target: 'prices' },
      { id: 'b', source: 'prices', target: 'output' },
    ]);
    expect(validateWorkflow(next)).toEqual([]);
  });

  it('refuses names that are taken or not identifiers', () => {
    expect(renameProblem(graph, 'each', 'input')).toContain('already');
    expect(renameProblem(graph, 'each', '2x')).toContain('letter');
    expect(renameBlock(graph, 'each', 'input')).toBe(graph);
  });

  it('removes a container with what it holds and the edges left hanging', () => {
    const next = removeElements(graph, ['each']);
    expect(next.blocks.map((b) => b.id)).toEqual(['input', 'output']);
    expect(next.edges).toEqual([]);
    expect(removeElements(graph, [], ['a']).edges.map((e) => e.id)).toEqual(['b']);
  });

  it('connects blocks in the same scope only, once, and never into the Input', () => {
    expect(connectionProblem(graph, { source: 'input', target: 'price' })).toContain('Map or Parallel');
    expect(connectionProblem(graph, { source: 'output', target: 'each' })).toContain('Output');
    expect(connectionProblem(graph, { source: 'each', target: 'input' })).toContain('Input');
    expect(connectionProblem(graph, { source: 'input', target: 'each' })).toContain('already');
    const next = connect(graph, { source: 'input', target: 'output', sourceHandle: null });
    expect(next.edges.at(-1)).toEqual({ id: 'input->output', source: 'input', target: 'output' });
  });

  it('keeps a Condition’s branch on its edge', () => {
    const withCondition = addBlock(graph, 'condition', { x: 0, y: 0 }).graph;
    const next = connect(withCondition, { source: 'choose', sourceHandle: 'default', target: 'output' });
    expect(next.edges.at(-1)).toEqual({ id: 'choose.default->output', source: 'choose', sourceHandle: 'default', target: 'output' });
  });

  it('moves a block into a container and out again, dropping edges that would cross it', () => {
    const inside = reparent(graph, 'output', 'each', { x: 40, y: 80 });
    expect(inside.blocks.find((b) => b.id === 'output')).toMatchObject({ parent: 'each', position: { x: 40, y: 80 } });
    expect(inside.edges.map((e) => e.id)).toEqual(['a']);
    const out = reparent(inside, 'output', undefined, { x: 500, y: 0 });
    expect(out.blocks.find((b) => b.id === 'output')?.parent).toBeUndefined();
    // A container never goes inside itself.
    expect(reparent(graph, 'each', 'each', { x: 0, y: 0 })).toBe(graph);
  });
});

describe('freeSpot', () => {
  const size = { width: 220, height: 62 };
  it('keeps a point that covers no block', () => {
    expect(freeSpot(graph, { x: 2000, y: 2000 }, size)).toEqual({ x: 2000, y: 2000 });
  });
  it('moves down past the blocks a new block would cover', () => {
    const at = graph.blocks[0]?.position ?? { x: 0, y: 0 };
    const spot = freeSpot(graph, at, size);
    expect(spot.x).toBe(at.x);
    expect(spot.y).toBeGreaterThan(at.y);
    const covered = graph.blocks.filter((b) => b.parent === undefined && Math.abs(b.position.x - spot.x) < size.width && Math.abs(b.position.y - spot.y) < size.height);
    expect(covered).toEqual([]);
  });
});
