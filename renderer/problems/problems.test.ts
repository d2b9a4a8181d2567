import { describe, expect, it } from 'vitest';
import { countProblems, markersToProblems, type MarkerLike } from './problems.ts';

const marker = (path: string, severity: number, line: number, message: string, extra: Partial<MarkerLike> = {}): MarkerLike => ({
  resource: { path },
  severity,
  message,
  startLineNumber: line,
  startColumn: 3,
  ...extra,
});

describe('markers to problem rows', () => {
  const markers = [
    marker('/functions/orders/index.ts', 4, 9, "'x' is declared but never used.", { code: '6133', source: 'ts' }),
    marker('/functions/orders/index.ts', 8, 12, "Type 'string' is not assignable to type 'number'.", { code: '2322' }),
    marker('/functions/other/index.ts', 8, 1, 'not ours'),
    marker('/functions/orders/lib/util.ts', 8, 2, 'Cannot find name y.', { code: { value: '2304' } }),
    marker('/functions/orders/index.ts', 1, 1, 'unused hint'),
  ];

  it('keeps only the open function, errors first, then file and line', () => {
    const rows = markersToProblems(markers, 'orders');
    expect(rows.map((r) => [r.severity, r.file, r.line])).toEqual([
      ['error', 'index.ts', 12],
      ['error', 'lib/util.ts', 2],
      ['warning', 'index.ts', 9],
    ]);
    expect(rows[0]?.code).toBe('ts(2322)');
    expect(rows[1]?.code).toBe('ts(2304)');
  });

  it('does not mistake a function whose name starts the same', () => {
    expect(markersToProblems([marker('/functions/orders-v2/index.ts', 8, 1, 'x')], 'orders')).toEqual([]);
  });

  it('counts errors and warnings', () => {
    expect(countProblems(markersToProblems(markers, 'orders'))).toEqual({ errors: 2, warnings: 1 });
  });
});
