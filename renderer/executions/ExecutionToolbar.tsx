import { CalendarClock, FileUp, RefreshCw, Search, Square, X } from 'lucide-react';
import { useMemo } from 'react';
import { TargetChip } from '../targets/TargetChip.tsx';
import { EXECUTION_STATUSES, functionNames, parseLocalDateTime } from './execution-filters.ts';
import { useWorkspace } from '../functions/workspace-store.ts';
import { useExecutions } from './executions-store.ts';
import { executionLook } from './status-look.ts';
import { StatusIcon } from './StatusBadge.tsx';
import { confirmStop } from './timer-actions.ts';

function toLocalInput(ms: number | undefined): string {
  if (ms === undefined) return '';
  const d = new Date(ms - new Date(ms).getTimezoneOffset() * 60_000);
  return d.toISOString().slice(0, 16);
}

/** Search, status chips with counts, function and start-time filters, and the bulk bar. */
export function ExecutionToolbar({ onOpenFile }: { onOpenFile(): void }) {
  const list = useExecutions((s) => s.list);
  const filter = useExecutions((s) => s.filter);
  const checked = useExecutions((s) => s.checked);
  const { setFilter, load, stop, setChecked } = useExecutions.getState();
  // Exact for every execution the filter matches, loaded or not: the server counts them.
  const counts = useExecutions((s) => s.counts);
  const workspace = useWorkspace((s) => s.functions);
  // The loaded rows name only some functions: the workspace's and the chosen one are offered too.
  const functions = useMemo(
    () => [...new Set([...functionNames(list), ...workspace.map((f) => f.name), ...(filter.functionName === '' ? [] : [filter.functionName])])].sort((a, b) => a.localeCompare(b)),
    [list, workspace, filter.functionName],
  );
  const runningRows = list.filter((e) => checked.has(e.arn) && e.status === 'RUNNING');
  const running = runningRows.map((e) => e.arn);
  const toggleStatus = (status: string) => setFilter({ statuses: filter.statuses.includes(status) ? filter.statuses.filter((s) => s !== status) : [...filter.statuses, status] });
  return (
    <>
      <div className="exec-toolbar" data-testid="executions-toolbar">
        <span className="exec-toolbar__title">Executions</span>
        <TargetChip />
        <span className="status-chips" role="group" aria-label="Status">
          {EXECUTION_STATUSES.map((status) => {
            const look = executionLook(status);
            return (
              <button
                key={status}
                className={`status-chip${filter.statuses.includes(status) ? ' is-active' : ''}`}
                onClick={() => toggleStatus(status)}
                aria-pressed={filter.statuses.includes(status)}
                title={`${look.label}: ${counts[status] ?? 0}`}
                data-testid={`status-chip-${status}`}
              >
                <StatusIcon tone={look.tone} size={12} />
                <span className="exec-toolbar__wide">{look.label}</span>
                <span className="status-chip__count" data-testid={`status-count-${status}`}>
                  {counts[status] ?? 0}
                </span>
              </button>
            );
          })}
        </span>
        <span className="exec-toolbar__spacer" />
        <button className="button button--small" onClick={onOpenFile} title="View an exported history (from this studio or AWS) offline" data-testid="open-history-file">
          <FileUp size={12} aria-hidden /> <span className="exec-toolbar__wide">Open history file</span>
        </button>
        <button className="icon-button" onClick={() => void load()} aria-label="Refresh" title="Refresh">
          <RefreshCw size={14} />
        </button>
      </div>
      <div className="exec-toolbar exec-toolbar--filters">
        <label className="exec-toolbar__search">
          <Search size={13} aria-hidden />
          <input className="input" placeholder="Search names" value={filter.search} onChange={(e) => setFilter({ search: e.target.value })} data-testid="executions-search" style={{ flex: 1 }} />
        </label>
        <label>
          <span className="exec-toolbar__wide">Function</span>
          <select className="input" value={filter.functionName} onChange={(e) => setFilter({ functionName: e.target.value })} data-testid="executions-function">
            <option value="">All functions</option>
            {functions.map((f) => (
              <option key={f} value={f}>
                {f}
              </option>
            ))}
          </select>
        </label>
        <label>
          <CalendarClock size={13} aria-hidden />
          <span className="exec-toolbar__wide">Started</span>
          <input className="input" type="datetime-local" aria-label="Started after" value={toLocalInput(filter.startedAfterMs)} onChange={(e) => setFilter({ startedAfterMs: parseLocalDateTime(e.target.value) })} data-testid="executions-after" />
        </label>
        <label>
          <span aria-hidden>–</span>
          <input className="input" type="datetime-local" aria-label="Started before" value={toLocalInput(filter.startedBeforeMs)} onChange={(e) => setFilter({ startedBeforeMs: parseLocalDateTime(e.target.value) })} data-testid="executions-before" />
        </label>
      </div>
      {checked.size > 0 && (
        <div className="selection-bar" data-testid="selection-bar">
          <span>{checked.size} selected</span>
          <button className="button button--small" disabled={running.length === 0} onClick={() => void confirmStop(runningRows.map((e) => e.name)).then((yes) => (yes ? stop(running) : undefined))} data-testid="stop-selected">
            <Square size={11} /> Stop {running.length === 0 ? '' : running.length} running
          </button>
          <button className="icon-button" onClick={() => setChecked([])} aria-label="Clear the selection">
            <X size={14} />
          </button>
        </div>
      )}
    </>
  );
}
