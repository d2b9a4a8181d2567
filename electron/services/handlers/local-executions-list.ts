import { StudioError } from '../../../shared/contract/errors.ts';
import type { ExecutionFilter, ExecutionSummary } from '../../../shared/contract/executions.ts';
import type { DurableStore, ExecutionRow } from '../durable/store.ts';

/** A page of the executions list as `executions.list` answers it. */
export interface ExecutionsPage {
  items: ExecutionSummary[];
  counts: Record<string, number>;
  nextCursor?: string;
}

/** `<start ms>.<seq>` of the last execution of a page: where the next one starts. */
function cursorOf(row: ExecutionRow): string {
  return `${row.startMs}.${row.seq}`;
}

function parseCursor(cursor: string): { startMs: number; seq: number } {
  const match = /^(\d{1,16})\.(\d{1,16})$/.exec(cursor);
  if (match === null) throw new StudioError('BAD_INPUT', `${cursor} is not a cursor this list gave: pass the nextCursor of the previous page.`);
  return { startMs: Number(match[1]), seq: Number(match[2]) };
}

/**
 * The local executions list read straight from the engine's store: a page (newest first, keyset
 * by start time and sequence) and the per-status counts, each an index lookup, so the list
 * answers as fast with 100,000 executions stored as with ten. `existing` names the functions
 * there are now; executions of others are marked deleted.
 */
export function listLocalExecutions(store: DurableStore, filter: ExecutionFilter, existing: ReadonlySet<string>): ExecutionsPage {
  const common = {
    ...(filter.functionName === undefined ? {} : { functionName: filter.functionName }),
    ...(filter.nameContains === undefined ? {} : { nameContains: filter.nameContains }),
    ...(filter.startedAfterMs === undefined ? {} : { startedAfterMs: filter.startedAfterMs }),
    ...(filter.startedBeforeMs === undefined ? {} : { startedBeforeMs: filter.startedBeforeMs }),
  };
  const rows = store.executionPage({
    ...common,
    ...(filter.statuses === undefined ? {} : { statuses: filter.statuses }),
    ...(filter.cursor === undefined ? {} : { after: parseCursor(filter.cursor) }),
    // One more than asked, to know whether a next page exists.
    ...(filter.limit === undefined ? {} : { limit: filter.limit + 1 }),
  });
  const page = filter.limit === undefined ? rows : rows.slice(0, filter.limit);
  const last = page.at(-1);
  const items = page.map((row): ExecutionSummary => {
    const name = row.functionName;
    return {
      DurableExecutionArn: row.arn,
      DurableExecutionName: row.name,
      FunctionArn: row.functionArn,
      FunctionName: name,
      Status: row.status,
      StartTimestamp: row.startMs / 1000,
      ...(row.endMs === null ? {} : { EndTimestamp: row.endMs / 1000 }),
      ...(existing.has(name) ? {} : { FunctionDeleted: true }),
    };
  });
  return {
    items,
    counts: store.statusCounts(common),
    ...(rows.length > page.length && last !== undefined ? { nextCursor: cursorOf(last) } : {}),
  };
}
