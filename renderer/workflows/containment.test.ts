import { describe, expect, it } from 'vitest';
import type { WorkflowGraph } from '../../shared/workflow/schema.ts';
import { containerAt, dropPlacement } from './containment.ts';

const graph: WorkflowGraph = {
  version: 1,
  blocks: [
    { id: 'outer', type: 'parallel', position: { x: 100, y: 100 }, size: { width: 600, height: 400 } },
    { id: 'inner', type: 'map', parent: 'outer', position: { x: 50, y: 60 }, items: 'data', toleratedFailures: 0, size: { width: 300, height: 200 } },
    { id: 'loose', type: 'transform', position: { x: 170, y: 180 }, expression: 'data' },
    { id: 'inside', type: 'transform', parent: 'inner', position: { x: 10, y: 50 }, expression: 'data' },
    { id: 'input', type: 'input', position: { x: 0, y: 0 } },
  ],
  edges: [],
};

describe('containment', () => {
  it('finds the innermost container under a point', () => {
    expect(containerAt(graph, { x: 200, y: 200 })?.id).toBe('inner');
    expect(containerAt(graph, { x: 650, y: 450 })?.id).toBe('outer');
    expect(containerAt(graph, { x: 10, y: 10 })).toBeUndefined();
    expect(containerAt(graph, { x: 200, y: 200 }, 'inner')?.id).toBe('outer');
    expect(containerAt(graph, { x: 200, y: 200 }, 'outer')).toBeUndefined();
  });

  it('places a dragged block into the container under its centre, relative to it', () => {
    expect(dropPlacement(graph, 'loose', new Map([['loose', { width: 100, height: 40 }]]))).toEqual({ parent: 'inner', position: { x: 20, y: 20 } });
  });

  it('takes a block out to the top level, in absolute coordinates', () => {
    const moved = { ...graph, blocks: graph.blocks.map((b) => (b.id === 'inside' ? { ...b, position: { x: 900, y: 900 } } : b)) };
    expect(dropPlacement(moved, 'inside', new Map())).toEqual({ parent: undefined, position: { x: 1050, y: 1060 } });
  });

  it('leaves a block where it is when it stays in its container, and never moves Input or Output in', () => {
    expect(dropPlacement(graph, 'inside', new Map())).toBeUndefined();
    expect(dropPlacement({ ...graph, blocks: graph.blocks.map((b) => (b.id === 'input' ? { ...b, position: { x: 200, y: 200 } } : b)) }, 'input', new Map())).toBeUndefined();
  });
});
