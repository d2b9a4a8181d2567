import { describe, expect, it } from 'vitest';
import type { WorkflowGraph } from '../../shared/workflow/schema.ts';
import { applyLayout, autoLayout, BLOCK_SIZE } from './layout.ts';

const graph: WorkflowGraph = {
  version: 1,
  blocks: [
    { id: 'each', type: 'map', position: { x: 0, y: 0 }, items: 'data', toleratedFailures: 0 },
    { id: 'input', type: 'input', position: { x: 500, y: 500 } },
    { id: 'price', type: 'transform', parent: 'each', position: { x: 0, y: 0 }, expression: 'data' },
    { id: 'tax', type: 'transform', parent: 'each', position: { x: 0, y: 0 }, expression: 'data' },
    { id: 'route', type: 'condition', position: { x: 0, y: 0 }, branches: [{ id: 'big', when: 'true' }] },
    { id: 'small', type: 'transform', position: { x: 0, y: 0 }, expression: 'data' },
    { id: 'output', type: 'output', position: { x: 0, y: 0 } },
  ],
  edges: [
    { id: 'a', source: 'input', target: 'route' },
    { id: 'b', source: 'route', sourceHandle: 'big', target: 'each' },
    { id: 'c', source: 'route', sourceHandle: 'default', target: 'small' },
    { id: 'd', source: 'each', target: 'output' },
    { id: 'e', source: 'small', target: 'output' },
    { id: 'f', source: 'price', target: 'tax' },
  ],
};

describe('auto-layout', () => {
  const layout = autoLayout(graph);
  const at = (id: string) => layout.positions.get(id)!;

  it('runs top to bottom along the edges', () => {
    expect(at('input').y).toBeLessThan(at('route').y);
    expect(at('route').y).toBeLessThan(at('each').y);
    expect(at('each').y).toBeLessThan(at('output').y);
    expect(at('route').y).toBeLessThan(at('small').y);
  });

  it('keeps a short branch right under its Condition', () => {
    expect(at('small').y).toBeLessThan(at('output').y - BLOCK_SIZE.height);
    expect(Math.abs(at('small').y - at('each').y)).toBeLessThan(200);
  });

  it('lays out a container’s blocks inside it and sizes it to fit them', () => {
    expect(at('price').y).toBeLessThan(at('tax').y);
    expect(at('price').y).toBeGreaterThanOrEqual(40);
    const size = layout.sizes.get('each')!;
    expect(size.width).toBeGreaterThanOrEqual(at('tax').x + BLOCK_SIZE.width);
    expect(size.height).toBeGreaterThanOrEqual(at('tax').y + BLOCK_SIZE.height);
  });

  it('keeps blocks from overlapping on the top level', () => {
    const sizeOf = (id: string) => layout.sizes.get(id) ?? BLOCK_SIZE;
    const top = ['input', 'route', 'each', 'small', 'output'];
    for (const a of top) {
      for (const b of top) {
        if (a >= b) continue;
        const pa = at(a);
        const pb = at(b);
        const apart = pa.x + sizeOf(a).width <= pb.x || pb.x + sizeOf(b).width <= pa.x || pa.y + sizeOf(a).height <= pb.y || pb.y + sizeOf(b).height <= pa.y;
        expect(apart, `${a} and ${b} overlap`).toBe(true);
      }
    }
  });

  it('applies as one edit: positions and container sizes, rounded', () => {
    const next = applyLayout(graph, layout);
    const each = next.blocks.find((b) => b.id === 'each');
    expect(each?.type === 'map' && each.size).toEqual(expect.objectContaining({ width: expect.any(Number) }));
    for (const block of next.blocks) {
      expect(Number.isInteger(block.position.x)).toBe(true);
    }
  });
});
