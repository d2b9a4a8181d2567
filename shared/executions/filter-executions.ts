import type { ExecutionFilter, ExecutionSummary } from '../contract/executions.ts';

/**
 * The executions list as the viewer shows it, whichever target the rows came from: name and
 * time filters, newest first, and counts per status taken before the status filter, so the
 * status chips can say what each would show.
 */
export function filterExecutions(all: readonly ExecutionSummary[], filter: ExecutionFilter): { items: ExecutionSummary[]; counts: Record<string, number> } {
  const needle = filter.nameContains?.trim().toLowerCase() ?? '';
  const inRange = all.filter(
    (e) =>
      (needle === '' || e.DurableExecutionName.toLowerCase().includes(needle)) &&
      (filter.startedAfterMs === undefined || e.StartTimestamp * 1000 >= filter.startedAfterMs) &&
      (filter.startedBeforeMs === undefined || e.StartTimestamp * 1000 <= filter.startedBeforeMs),
  );
  const counts: Record<string, number> = {};
  for (const e of inRange) counts[e.Status] = (counts[e.Status] ?? 0) + 1;
  const statuses = filter.statuses ?? [];
  const items = inRange.filter((e) => statuses.length === 0 || statuses.includes(e.Status)).sort((a, b) => b.StartTimestamp - a.StartTimestamp);
  return { items, counts };
}
