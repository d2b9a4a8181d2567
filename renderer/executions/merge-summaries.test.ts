import { describe, expect, it } from 'vitest';
import type { ExecutionSummary } from './execution-filters.ts';
import { mergeSummaries } from './merge-summaries.ts';

const summary = (arn: string, status = 'RUNNING', extra: Partial<ExecutionSummary> = {}): ExecutionSummary => ({ arn, name: arn, functionName: 'fn', status, startMs: 1, ...extra });

describe('mergeSummaries', () => {
  it('updates known executions in place, the latest change winning', () => {
    const list = [summary('a'), summary('b')];
    const merged = mergeSummaries(list, [summary('b', 'RUNNING'), summary('b', 'SUCCEEDED', { endMs: 5 }), summary('a', 'FAILED')]);
    expect(merged.map((e) => [e.arn, e.status, e.endMs])).toEqual([
      ['a', 'FAILED', undefined],
      ['b', 'SUCCEEDED', 5],
    ]);
  });

  it('puts new executions on top, newest first, and keeps a known function name a change lacks', () => {
    const list = [summary('a')];
    const merged = mergeSummaries(list, [summary('n1'), summary('a', 'SUCCEEDED', { functionName: '' }), summary('n2'), summary('n1', 'SUCCEEDED')]);
    expect(merged.map((e) => [e.arn, e.status, e.functionName])).toEqual([
      ['n2', 'RUNNING', 'fn'],
      ['n1', 'SUCCEEDED', 'fn'],
      ['a', 'SUCCEEDED', 'fn'],
    ]);
  });

  it('leaves the list as it was when nothing changed', () => {
    const list = [summary('a')];
    expect(mergeSummaries(list, [])).toEqual(list);
  });
});
