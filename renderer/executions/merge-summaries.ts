import type { ExecutionSummary } from './execution-filters.ts';

/**
 * The list with `changes` applied in one pass: a known execution takes the change's fields (its
 * function name kept when the change has none), a new one goes to the top, newest first. Many
 * executions change at once; one new list per batch redraws the views once instead of per change.
 */
export function mergeSummaries(list: readonly ExecutionSummary[], changes: readonly ExecutionSummary[]): ExecutionSummary[] {
  if (changes.length === 0) return [...list];
  const latest = new Map<string, ExecutionSummary>();
  for (const change of changes) latest.set(change.arn, { ...latest.get(change.arn), ...change });
  const merged = list.map((e) => {
    const change = latest.get(e.arn);
    if (change === undefined) return e;
    latest.delete(e.arn);
    return { ...e, ...change, functionName: change.functionName || e.functionName };
  });
  // What is left is new; the last to arrive is the newest.
  return [...[...latest.values()].reverse(), ...merged];
}
