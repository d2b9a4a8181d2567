/** The least a timeline row needs for nesting. */
export interface NestedRow {
  id: string;
  parentId?: string | undefined;
  status: string;
}

export interface VisibleRow<R extends NestedRow> {
  row: R;
  depth: number;
  childCount: number;
  /** Children that have finished, for a group's progress count. */
  doneCount: number;
  expanded: boolean;
}

/** Groups with more children than this start collapsed: a map of 1,000 items is one row until opened. */
export const AUTO_COLLAPSE_CHILDREN = 50;

const DONE = new Set(['SUCCEEDED', 'FAILED', 'CANCELLED', 'TIMED_OUT', 'STOPPED']);

/**
 * Flattens rows (in time order, parents anywhere) into the rows on screen: each child under
 * its parent, depth-first, skipping what sits under a collapsed group. `toggled` holds the
 * ids whose state the person flipped from the default (large groups collapsed, others open).
 * A row whose parent is unknown is shown at the top level rather than lost. O(n).
 */
export function visibleRows<R extends NestedRow>(rows: readonly R[], toggled: ReadonlySet<string>): VisibleRow<R>[] {
  const ids = new Set(rows.map((r) => r.id));
  const children = new Map<string, R[]>();
  const roots: R[] = [];
  for (const row of rows) {
    if (row.parentId !== undefined && row.parentId !== row.id && ids.has(row.parentId)) {
      const list = children.get(row.parentId);
      if (list === undefined) children.set(row.parentId, [row]);
      else list.push(row);
    } else {
      roots.push(row);
    }
  }
  const out: VisibleRow<R>[] = [];
  const seen = new Set<string>();
  // Explicit stack: nesting can be deep and recursion would not survive a pathological history.
  const stack: { row: R; depth: number }[] = roots.map((row) => ({ row, depth: 0 })).reverse();
  while (stack.length > 0) {
    const { row, depth } = stack.pop()!;
    if (seen.has(row.id)) continue;
    seen.add(row.id);
    const kids = children.get(row.id) ?? [];
    const collapsedByDefault = kids.length > AUTO_COLLAPSE_CHILDREN;
    const expanded = kids.length > 0 && collapsedByDefault === toggled.has(row.id);
    let doneCount = 0;
    for (const k of kids) if (DONE.has(k.status)) doneCount += 1;
    out.push({ row, depth, childCount: kids.length, doneCount, expanded });
    if (expanded) for (let i = kids.length - 1; i >= 0; i -= 1) stack.push({ row: kids[i]!, depth: depth + 1 });
  }
  return out;
}
