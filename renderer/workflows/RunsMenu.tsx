import * as Menu from '@radix-ui/react-dropdown-menu';
import { ChevronDown, History } from 'lucide-react';
import { executionLook } from '../executions/status-look.ts';
import { StatusIcon } from '../executions/StatusBadge.tsx';
import { formatAgo, formatExact } from '../executions/time-format.ts';
import { useNow } from '../executions/useNow.ts';
import { useRuns } from './run-store.ts';

/** The workflow's runs, newest first; picking one draws it on the canvas. */
export function RunsMenu({ name }: { name: string }) {
  const runs = useRuns((s) => s.runs);
  const loaded = useRuns((s) => s.runsLoaded);
  const failure = useRuns((s) => s.runsFailure);
  const shown = useRuns((s) => s.arn);
  const now = useNow(true, 30_000);
  return (
    <Menu.Root onOpenChange={(open) => open && void useRuns.getState().loadRuns(name)}>
      <Menu.Trigger asChild>
        <button className="button button--small" data-testid="workflow-runs">
          <History size={12} /> Runs{runs.length > 0 ? ` (${runs.length})` : ''} <ChevronDown size={12} />
        </button>
      </Menu.Trigger>
      <Menu.Portal>
        <Menu.Content className="menu wf-runs-menu" align="end" sideOffset={4} data-testid="workflow-runs-menu">
          {failure !== null && <div className="wf-runs-menu__note tone-error">{failure.message}</div>}
          {loaded && runs.length === 0 && failure === null && <div className="wf-runs-menu__note">No runs yet. Run starts one with the Input’s sample.</div>}
          {!loaded && <div className="wf-runs-menu__note">Loading…</div>}
          {runs.map((run) => {
            const look = executionLook(run.status);
            return (
              <Menu.Item key={run.executionArn} className={`menu__item wf-run-item${run.executionArn === shown ? ' is-current' : ''}`} onSelect={() => void useRuns.getState().show(run.executionArn)} data-testid="workflow-run-item" data-name={run.executionName} data-status={run.status}>
                <StatusIcon tone={look.tone} size={12} />
                <span className="wf-run-item__name mono">{run.executionName}</span>
                <span className="wf-run-item__status">{look.label}</span>
                <span className="wf-run-item__when" title={formatExact(run.startedMs)}>
                  {formatAgo(run.startedMs, now)}
                </span>
              </Menu.Item>
            );
          })}
        </Menu.Content>
      </Menu.Portal>
    </Menu.Root>
  );
}
