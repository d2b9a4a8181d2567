import { BellRing, FileUp, List } from 'lucide-react';
import { useApprovals } from './approvals-store.ts';
import { EMPTY_FILTER, EXECUTION_STATUSES } from './execution-filters.ts';
import { useDetail } from './detail-store.ts';
import { useExecutions } from './executions-store.ts';
import { executionLook } from './status-look.ts';
import { StatusIcon } from './StatusBadge.tsx';
import { useUi } from '../shell/ui-store.ts';
import { useHistoryFileInput } from './ExecutionsPage.tsx';
import { showExecutionList } from './show-list.ts';

/** The side list for Executions and Approvals: quick status views with their counts. */
export function ExecutionsSide() {
  // The server's counts of every execution, not of the rows loaded so far.
  const counts = useExecutions((s) => s.allCounts);
  const filter = useExecutions((s) => s.filter);
  const pending = useApprovals((s) => s.pending.length);
  const view = useUi((s) => s.view);
  const fileInput = useHistoryFileInput();
  // While one execution is open, no quick view is current: each one shows the list.
  const noneOpen = useExecutions((s) => s.openArn === null);
  const noneOffline = useDetail((s) => s.offlineName === null);
  const onList = view === 'executions' && noneOpen && noneOffline;
  const show = (statuses: string[]) => {
    useExecutions.getState().setFilter({ ...EMPTY_FILTER, statuses });
    showExecutionList();
  };
  const only = onList && filter.statuses.length === 1 ? filter.statuses[0] : undefined;
  return (
    <div className="side-list" data-testid="side-executions">
      {fileInput.element}
      <div className="side-list__header">
        <span className="section-title">Executions</span>
      </div>
      <ul className="list">
        <li>
          <button className={`list__row side-status${onList && filter.statuses.length === 0 ? ' is-selected' : ''}`} onClick={() => show([])} data-testid="side-status-all">
            <List size={13} aria-hidden /> All
            <span className="side-status__count">{Object.values(counts).reduce((sum, n) => sum + n, 0)}</span>
          </button>
        </li>
        {EXECUTION_STATUSES.map((status) => {
          const look = executionLook(status);
          return (
            <li key={status}>
              <button className={`list__row side-status${only === status ? ' is-selected' : ''}`} onClick={() => show([status])} data-testid={`side-status-${status}`}>
                <StatusIcon tone={look.tone} /> {look.label}
                <span className="side-status__count">{counts[status] ?? 0}</span>
              </button>
            </li>
          );
        })}
        <li>
          <button className={`list__row side-status${view === 'approvals' ? ' is-selected' : ''}`} onClick={() => useUi.getState().setView('approvals')}>
            <BellRing size={13} aria-hidden /> Pending approvals
            <span className="side-status__count">{pending}</span>
          </button>
        </li>
      </ul>
      <p className="side-list__note">
        <button className="link-button" onClick={fileInput.open}>
          <FileUp size={12} aria-hidden /> Open a history file…
        </button>
      </p>
    </div>
  );
}
