import { describe, expect, it } from 'vitest';
import { AUTO_COLLAPSE_CHILDREN, visibleRows, type NestedRow } from './visible-rows.ts';

const rows: NestedRow[] = [
  { id: 'validate', status: 'SUCCEEDED' },
  { id: 'par', status: 'STARTED' },
  { id: 'b1', parentId: 'par', status: 'SUCCEEDED' },
  { id: 'b1-step', parentId: 'b1', status: 'SUCCEEDED' },
  { id: 'b2', parentId: 'par', status: 'STARTED' },
  { id: 'after', status: 'STARTED' },
];

describe('visibleRows', () => {
  it('puts children under their parent, depth first, with progress counts', () => {
    const out = visibleRows(rows, new Set());
    expect(out.map((v) => `${v.row.id}@${v.depth}`)).toEqual(['validate@0', 'par@0', 'b1@1', 'b1-step@2', 'b2@1', 'after@0']);
    const par = out[1]!;
    expect([par.childCount, par.doneCount, par.expanded]).toEqual([2, 1, true]);
  });
  it('hides everything under a collapsed group', () => {
    const out = visibleRows(rows, new Set(['par']));
    expect(out.map((v) => v.row.id)).toEqual(['validate', 'par', 'after']);
    expect(out[1]!.expanded).toBe(false);
  });
  it('starts a large group collapsed and opens it when toggled', () => {
    const big: NestedRow[] = [{ id: 'map', status: 'STARTED' }];
    for (let i = 0; i <= AUTO_COLLAPSE_CHILDREN; i += 1) big.push({ id: `item-${i}`, parentId: 'map', status: i < 10 ? 'SUCCEEDED' : 'STARTED' });
    const closed = visibleRows(big, new Set());
    expect(closed).toHaveLength(1);
    expect([closed[0]!.childCount, closed[0]!.doneCount]).toEqual([AUTO_COLLAPSE_CHILDREN + 1, 10]);
    expect(visibleRows(big, new Set(['map']))).toHaveLength(AUTO_COLLAPSE_CHILDREN + 2);
  });
  it('keeps a row whose parent is missing, at the top level', () => {
    const out = visibleRows([{ id: 'orphan', parentId: 'gone', status: 'STARTED' }], new Set());
    expect(out.map((v) => [v.row.id, v.depth])).toEqual([['orphan', 0]]);
  });
  it('flattens 10,000 rows quickly', () => {
    const many: NestedRow[] = [];
    for (let i = 0; i < 10_000; i += 1) many.push({ id: `s${i}`, status: 'SUCCEEDED', ...(i % 100 === 0 ? {} : { parentId: `s${i - (i % 100)}` }) });
    const started = performance.now();
    const out = visibleRows(many, new Set(Array.from({ length: 100 }, (_, i) => `s${i * 100}`)));
    expect(out).toHaveLength(10_000);
    expect(performance.now() - started).toBeLessThan(200);
  });
});
