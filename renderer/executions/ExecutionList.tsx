import * as Menu from '@radix-ui/react-dropdown-menu';
import { useVirtualizer } from '@tanstack/react-virtual';
import { ArrowDown, ArrowUp, Ban, Ellipsis, History, RotateCcw, Square } from 'lucide-react';
import { useEffect, useMemo, useRef } from 'react';
import { EmptyState } from '../shell/EmptyState.tsx';
import { useUi } from '../shell/ui-store.ts';
import { useCurrentTarget } from '../targets/useCurrentTarget.ts';
import { filterAndSort, isFiltered, EMPTY_FILTER, type ExecutionSummary, type SortKey } from './execution-filters.ts';
import { useExecutions } from './executions-store.ts';
import { executionLook } from './status-look.ts';
import { StatusBadge } from './StatusBadge.tsx';
import { formatAgo, formatDuration, formatExact } from './time-format.ts';
import { confirmStop } from './timer-actions.ts';

const ROW = 32;
/** Rows past the last drawn one (which is itself 10 rows of overscan below the view) at which the next page is asked for. */
const AHEAD = 10;

function Head({ label, sortKey }: { label: string; sortKey: SortKey }) {
  const sort = useExecutions((s) => s.sort);
  const sortBy = useExecutions((s) => s.sortBy);
  const active = sort.key === sortKey;
  return (
    <button className={active ? 'is-sorted' : undefined} onClick={() => sortBy(sortKey)} aria-sort={active ? (sort.descending ? 'descending' : 'ascending') : 'none'} data-testid={`sort-${sortKey}`}>
      {label}
      {active && (sort.descending ? <ArrowDown size={11} /> : <ArrowUp size={11} />)}
    </button>
  );
}

function Row({ e, top, nowMs, checked, canRerun }: { e: ExecutionSummary; top: number; nowMs: number; checked: boolean; canRerun: boolean }) {
  const { toggleChecked, open, stop, rerun } = useExecutions.getState();
  const look = executionLook(e.status);
  return (
    <div className={`exec-row${checked ? ' is-checked' : ''}`} style={{ transform: `translateY(${top}px)` }} onClick={() => open(e.arn)} data-testid="execution-row" data-name={e.name} data-status={e.status} role="row">
      <input type="checkbox" checked={checked} onChange={() => toggleChecked(e.arn)} onClick={(ev) => ev.stopPropagation()} aria-label={`Select ${e.name}`} data-testid="execution-check" />
      <span className="exec-row__name mono" title={e.arn}>
        {e.name}
      </span>
      <span className="exec-row__fn">
        {e.functionName}
        {e.functionDeleted === true && (
          <span className="badge exec-row__gone" title="No function of this name exists now (deleted or renamed); its execution is kept" data-testid="function-deleted">
            deleted
          </span>
        )}
      </span>
      <span>
        <StatusBadge {...look} />
      </span>
      <span className="exec-row__muted" title={formatExact(e.startMs)}>
        {formatAgo(e.startMs, nowMs)}
      </span>
      <span className="exec-row__muted mono">{formatDuration((e.endMs ?? nowMs) - e.startMs)}</span>
      <span className="exec-row__actions" onClick={(ev) => ev.stopPropagation()}>
        {e.status === 'RUNNING' && (
          <button className="row-action exec-row__wide" onClick={() => void confirmStop([e.name]).then((yes) => (yes ? stop([e.arn]) : undefined))} title="Stop this execution" data-testid="execution-stop">
            <Square size={10} /> Stop
          </button>
        )}
        {canRerun && (
          <button className="row-action exec-row__wide" onClick={() => void rerun(e.arn)} title="Run again with the same input" data-testid="execution-rerun">
            <RotateCcw size={10} /> Re-run
          </button>
        )}
        {(e.status === 'RUNNING' || canRerun) && <RowMenu e={e} canRerun={canRerun} />}
      </span>
    </div>
  );
}

/** The row's actions behind one button, for lists too narrow for them to show in full. */
function RowMenu({ e, canRerun }: { e: ExecutionSummary; canRerun: boolean }) {
  const { stop, rerun } = useExecutions.getState();
  return (
    <Menu.Root>
      <Menu.Trigger className="icon-button exec-row__narrow" aria-label={`Actions for ${e.name}`} data-testid="execution-actions">
        <Ellipsis size={14} />
      </Menu.Trigger>
      <Menu.Portal>
        <Menu.Content className="menu exec-row-menu" align="end" sideOffset={2}>
          {e.status === 'RUNNING' && (
            <Menu.Item className="menu__item" onSelect={() => void confirmStop([e.name]).then((yes) => (yes ? stop([e.arn]) : undefined))}>
              <Square size={10} aria-hidden /> Stop
            </Menu.Item>
          )}
          {canRerun && (
            <Menu.Item className="menu__item" onSelect={() => void rerun(e.arn)}>
              <RotateCcw size={10} aria-hidden /> Re-run with the same input
            </Menu.Item>
          )}
        </Menu.Content>
      </Menu.Portal>
    </Menu.Root>
  );
}

/** The executions, a page at a time as the list is scrolled, virtualized, in the chosen order; ticking rows enables the bulk bar. */
export function ExecutionList({ nowMs }: { nowMs: number }) {
  const list = useExecutions((s) => s.list);
  const loaded = useExecutions((s) => s.loaded);
  const filter = useExecutions((s) => s.filter);
  const sort = useExecutions((s) => s.sort);
  const checked = useExecutions((s) => s.checked);
  const shown = useMemo(() => filterAndSort(list, filter, sort, nowMs), [list, filter, sort, nowMs]);
  const scrollRef = useRef<HTMLDivElement>(null);
  // eslint-disable-next-line react-hooks/incompatible-library -- read fresh on every render, never memoized
  const virtualizer = useVirtualizer({ count: shown.length, getScrollElement: () => scrollRef.current, estimateSize: () => ROW, overscan: 10 });
  const setView = useUi((s) => s.setView);
  const allChecked = shown.length > 0 && shown.every((e) => checked.has(e.arn));
  const target = useCurrentTarget();
  const nextCursor = useExecutions((s) => s.nextCursor);
  const loadingMore = useExecutions((s) => s.loadingMore);
  const counts = useExecutions((s) => s.counts);
  const items = virtualizer.getVirtualItems();
  const lastShown = items.at(-1)?.index ?? -1;
  // Scrolling near the end of the loaded rows (or a list too short to scroll) asks for the next page.
  useEffect(() => {
    if (loaded && nextCursor !== undefined && !loadingMore && lastShown >= shown.length - AHEAD) void useExecutions.getState().loadMore();
  }, [loaded, nextCursor, loadingMore, lastShown, shown.length]);
  const total = (filter.statuses.length === 0 ? Object.keys(counts) : filter.statuses).reduce((sum, status) => sum + (counts[status] ?? 0), 0);

  if (loaded && list.length === 0 && !isFiltered(filter)) {
    return (
      <div className="page page--center">
        <EmptyState
          icon={<History size={32} />}
          title={target.kind === 'local' ? 'No durable executions yet' : `No durable executions on ${target.name}`}
          testId="executions-empty"
          action={
            <button className="button button--primary" onClick={() => setView('functions')}>
              Go to Functions
            </button>
          }
        >
          {target.kind === 'local'
            ? 'Invoke a durable function (the order approval template is one) and its execution appears here, live, with its step timeline.'
            : `Deploy a durable function to ${target.name} (Deploy in the function's header), invoke it, and its executions appear here with their step timeline.`}
        </EmptyState>
      </div>
    );
  }
  return (
    <div className="exec-list" ref={scrollRef} data-testid="execution-list">
      <div className="exec-list__head" role="row">
        <input type="checkbox" checked={allChecked} onChange={() => useExecutions.getState().setChecked(allChecked ? [] : shown.map((e) => e.arn))} aria-label="Select all shown" data-testid="execution-check-all" />
        <Head label="Name" sortKey="name" />
        <Head label="Function" sortKey="function" />
        <Head label="Status" sortKey="status" />
        <Head label="Started" sortKey="started" />
        <Head label="Duration" sortKey="duration" />
        <span />
      </div>
      {shown.length === 0 && loaded ? (
        <EmptyState
          icon={<Ban size={28} />}
          title="Nothing matches these filters"
          testId="executions-none-match"
          action={
            isFiltered(filter) ? (
              <button className="button" onClick={() => useExecutions.getState().setFilter(EMPTY_FILTER)}>
                Clear the filters
              </button>
            ) : undefined
          }
        />
      ) : (
        <div className="exec-list__inner" style={{ height: virtualizer.getTotalSize() }}>
          {items.map((v) => {
            const e = shown[v.index]!;
            return <Row key={e.arn} e={e} top={v.start} nowMs={nowMs} checked={checked.has(e.arn)} canRerun={target.kind === 'local' && e.functionDeleted !== true} />;
          })}
        </div>
      )}
      {loaded && shown.length > 0 && (
        <div className="exec-list__more" data-testid="executions-more" aria-live="polite">
          <span data-testid="executions-loaded">
            {nextCursor === undefined ? `${total.toLocaleString()} ${total === 1 ? 'execution' : 'executions'}` : `${shown.length.toLocaleString()} of ${total.toLocaleString()} loaded`}
          </span>
          {nextCursor !== undefined && sort.key !== 'started' && <span className="exec-list__note">sorted among the loaded rows</span>}
          {nextCursor !== undefined && (
            <button className="button button--small" disabled={loadingMore} onClick={() => void useExecutions.getState().loadMore()} data-testid="executions-load-more">
              {loadingMore ? 'Loading…' : 'Load more'}
            </button>
          )}
        </div>
      )}
    </div>
  );
}
