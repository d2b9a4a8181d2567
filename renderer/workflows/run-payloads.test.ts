import { describe, expect, it } from 'vitest';
import type { WorkflowGraph } from '../../shared/workflow/schema.ts';
import { asDrawn, readRunnerInput } from './run-payloads.ts';

const graph = (fn: string): WorkflowGraph => ({
  version: 1,
  blocks: [
    { id: 'input', type: 'input', position: { x: 0, y: 0 } },
    { id: 'price', type: 'lambda', position: { x: 0, y: 100 }, function: fn, returns: [], catches: [] },
  ],
  edges: [{ id: 'e', source: 'input', target: 'price' }],
});

describe('readRunnerInput', () => {
  it('keeps the input and the graph the run started with', () => {
    const read = readRunnerInput(JSON.stringify({ graph: graph('price'), input: { a: 1 } }));
    expect(read.input).toBe('{"a":1}');
    expect(read.graph).toEqual(graph('price'));
  });

  it('names the workspace function where a run on a target called its live alias', () => {
    expect(readRunnerInput(JSON.stringify({ graph: graph('price:live'), input: null })).graph).toEqual(graph('price'));
  });
});

describe('asDrawn', () => {
  it('leaves a local graph as it is', () => {
    const local = graph('price');
    expect(asDrawn(local)).toBe(local);
  });
});
