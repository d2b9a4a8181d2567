import { describe, expect, it } from 'vitest';
import type { WorkflowGraph } from '../../shared/workflow/schema.ts';
import { canonicalJson } from './canonical-json.ts';
import { fieldProblems, problemRows } from './problems-store.ts';

const graph: WorkflowGraph = {
  version: 1,
  blocks: [
    { id: 'input', type: 'input', position: { x: 0, y: 0 } },
    { id: 'charge', type: 'lambda', position: { x: 0, y: 100 }, function: 'payments', input: 'data.', returns: [], catches: [] },
    { id: 'output', type: 'output', position: { x: 0, y: 200 } },
  ],
  edges: [
    { id: 'a', source: 'input', target: 'charge' },
    { id: 'b', source: 'charge', target: 'output' },
  ],
};

describe('workflow problems', () => {
  it('lists each problem with its block, and groups them by block for the badges', () => {
    const { rows, byBlock } = problemRows(graph, ['orders']);
    expect(rows.map((r) => [r.blockId, r.field])).toEqual([
      ['charge', 'function'],
      ['charge', 'input'],
    ]);
    expect(rows[0]?.text).toBe('Block "charge" (function): runs function "payments", which is not in the workspace');
    expect(byBlock['charge']).toHaveLength(2);
    expect(fieldProblems(byBlock['charge'], 'input')[0]).toContain('does not parse');
    expect(fieldProblems(byBlock['charge'], 'returns[0].when')).toEqual([]);
  });

  it('does not check function names before the functions are known', () => {
    expect(problemRows(graph, undefined).rows.map((r) => r.field)).toEqual(['input']);
    expect(problemRows(null, []).rows).toEqual([]);
  });
});

describe('canonical JSON', () => {
  it('gives the same text whatever the key order, leaving out undefined members', () => {
    expect(canonicalJson({ b: 1, a: { d: [2, { z: 1, y: undefined }], c: 3 } })).toBe(canonicalJson({ a: { c: 3, d: [2, { z: 1 }] }, b: 1 }));
    expect(canonicalJson({ a: 1 })).not.toBe(canonicalJson({ a: 2 }));
  });
});
