import { describe, expect, it } from 'vitest';
import type { WorkflowGraph } from '../../shared/workflow/schema.ts';
import { copyFragment, parseFragment, pasteFragment } from './clipboard.ts';

const graph: WorkflowGraph = {
  version: 1,
  blocks: [
    { id: 'each', type: 'map', position: { x: 300, y: 0 }, items: 'data', toleratedFailures: 0 },
    { id: 'input', type: 'input', position: { x: 0, y: 0 } },
    { id: 'price', type: 'transform', parent: 'each', position: { x: 20, y: 60 }, expression: 'data' },
    { id: 'tax', type: 'transform', parent: 'each', position: { x: 220, y: 60 }, expression: 'data * 1.2' },
    { id: 'charge', type: 'lambda', position: { x: 700, y: 0 }, function: 'payments', returns: [], catches: [] },
  ],
  edges: [
    { id: 'a', source: 'input', target: 'each' },
    { id: 'b', source: 'price', target: 'tax' },
    { id: 'c', source: 'each', target: 'charge' },
  ],
};

describe('copy and paste', () => {
  it('copies a container with what it holds, and only the edges inside the selection', () => {
    const fragment = copyFragment(graph, ['each'])!;
    expect(fragment.blocks.map((b) => b.id)).toEqual(['each', 'price', 'tax']);
    expect(fragment.edges.map((e) => e.id)).toEqual(['b']);
    expect(copyFragment(graph, [])).toBeNull();
  });

  it('pastes under fresh names; edges and children follow the new names', () => {
    const fragment = copyFragment(graph, ['each', 'charge'])!;
    const { graph: next, ids } = pasteFragment(graph, fragment, { x: 40, y: 40 });
    expect(ids).toEqual(['each_2', 'price_2', 'tax_2', 'charge_2']);
    const byId = new Map(next.blocks.map((b) => [b.id, b]));
    expect(byId.get('each_2')?.position).toEqual({ x: 340, y: 40 });
    // Children keep their place inside the copied container.
    expect(byId.get('price_2')).toMatchObject({ parent: 'each_2', position: { x: 20, y: 60 } });
    expect(next.edges.filter((e) => ids.includes(e.source))).toEqual([
      { id: 'price_2->tax_2', source: 'price_2', target: 'tax_2' },
      { id: 'each_2->charge_2', source: 'each_2', target: 'charge_2' },
    ]);
    // The original is untouched.
    expect(next.blocks.filter((b) => !ids.includes(b.id))).toEqual(graph.blocks);
    // Containers come before the blocks they hold.
    expect(next.blocks.findIndex((b) => b.id === 'each_2')).toBeLessThan(next.blocks.findIndex((b) => b.id === 'price_2'));
  });

  it('pastes a block copied out of a container back into it, and pastes twice without clashes', () => {
    const fragment = copyFragment(graph, ['price'])!;
    const once = pasteFragment(graph, fragment, { x: 30, y: 30 });
    expect(once.graph.blocks.find((b) => b.id === 'price_2')).toMatchObject({ parent: 'each', position: { x: 50, y: 90 } });
    const twice = pasteFragment(once.graph, fragment, { x: 60, y: 60 });
    expect(twice.ids).toEqual(['price_3']);
  });

  it('pastes on the top level when the container is gone', () => {
    const fragment = copyFragment(graph, ['price'])!;
    const without = { ...graph, blocks: graph.blocks.filter((b) => b.id !== 'each' && b.parent !== 'each') };
    const { graph: next } = pasteFragment(without, fragment, { x: 0, y: 0 });
    expect(next.blocks.find((b) => b.id === 'price')?.parent).toBeUndefined();
  });

  it('reads a fragment back from clipboard text and ignores anything else', () => {
    const fragment = copyFragment(graph, ['charge'])!;
    expect(parseFragment(JSON.stringify(fragment))).toEqual(fragment);
    expect(parseFragment('hello')).toBeNull();
    expect(parseFragment('{"blocks":[]}')).toBeNull();
  });
});
