import { Activity, ExternalLink, Search } from 'lucide-react';
import { useEffect, useMemo } from 'react';
import { Group, Panel, Separator } from 'react-resizable-panels';
import type { InvocationSummary } from '../../shared/contract/invocations.ts';
import { useExecutions } from '../executions/executions-store.ts';
import { StatusBadge } from '../executions/StatusBadge.tsx';
import { formatAgo, formatExact } from '../executions/time-format.ts';
import { useNow } from '../executions/useNow.ts';
import { ErrorMessage } from '../shell/ErrorMessage.tsx';
import { EmptyState } from '../shell/EmptyState.tsx';
import { CALLER_HINT, CALLER_LABEL, formatMs, invocationLook, matchesInvocation } from './invocation-look.ts';
import { useInvocations } from './invocations-store.ts';
import { LogLine } from './LogLine.tsx';
import './invocations.css';

/** `…/durable-execution/<name>/<id>` → `<name>`. */
function executionName(arn: string): string {
  return arn.split('/').at(-2) ?? arn;
}

function Row({ inv, nowMs, selected }: { inv: InvocationSummary; nowMs: number; selected: boolean }) {
  const look = invocationLook(inv);
  const arn = inv.durableExecutionArn;
  return (
    <tr
      className={`inv-row${selected ? ' is-selected' : ''}`}
      onClick={() => void useInvocations.getState().select(inv.requestId)}
      aria-selected={selected}
      data-testid="invocation-row"
      data-caller={inv.caller}
      data-status={inv.status}
      data-request-id={inv.requestId}
    >
      <td>
        <StatusBadge tone={look.tone} label={look.label} />
      </td>
      <td title={formatExact(inv.startMs)}>{formatAgo(inv.startMs, nowMs)}</td>
      <td className="mono num">{inv.status === 'running' ? '…' : formatMs(inv.durationMs)}</td>
      <td title={CALLER_HINT[inv.caller]}>{CALLER_LABEL[inv.caller]}</td>
      <td className="mono">{inv.version}</td>
      <td className="mono inv-row__id">{inv.requestId}</td>
      <td>
        {arn !== undefined && (
          <button
            className="link-button"
            title={`Open execution ${arn}`}
            onClick={(event) => {
              event.stopPropagation();
              useExecutions.getState().open(arn);
            }}
          >
            {executionName(arn)}
            {inv.invocationNo !== undefined ? ` #${inv.invocationNo}` : ''} <ExternalLink size={11} aria-hidden />
          </button>
        )}
      </td>
    </tr>
  );
}

function Detail() {
  const detail = useInvocations((s) => s.detail);
  const selected = useInvocations((s) => s.selected);
  if (selected === null) return <p className="muted inv-detail__hint">Select an invocation to read its log.</p>;
  if (detail === null) return <p className="muted inv-detail__hint">Loading…</p>;
  const figures: [string, string][] = [
    ['Duration', formatMs(detail.durationMs)],
    ['Billed', formatMs(detail.billedDurationMs)],
    ['Memory used', detail.maxMemoryUsedMb === undefined ? '—' : `${detail.maxMemoryUsedMb} MB`],
    ...(detail.initDurationMs === undefined ? [] : ([['Init', formatMs(detail.initDurationMs)]] as [string, string][])),
    ...(detail.durableStatus === undefined ? [] : ([['Durable answer', detail.durableStatus]] as [string, string][])),
  ];
  return (
    <div className="inv-detail" data-testid="invocation-detail">
      <dl className="inv-detail__figures">
        {figures.map(([label, value]) => (
          <div key={label}>
            <dt>{label}</dt>
            <dd className="mono">{value}</dd>
          </div>
        ))}
      </dl>
      <pre className="invoke-logs inv-detail__lines" data-testid="invocation-logs">
        {detail.lines.length === 0 ? <span className="muted">No lines.</span> : detail.lines.map((l, i) => <LogLine key={i} line={l.line} />)}
      </pre>
    </div>
  );
}

/** Every invocation of the function, from any caller (panel, AWS CLI, SDKs, the durable engine), newest first and live. */
export function InvocationsView({ fn }: { fn: string }) {
  const items = useInvocations((s) => s.items);
  const failure = useInvocations((s) => s.failure);
  const filter = useInvocations((s) => s.filter);
  const selected = useInvocations((s) => s.selected);
  const loadedFn = useInvocations((s) => s.fn);
  const nowMs = useNow(true);
  useEffect(() => {
    void useInvocations.getState().load(fn);
  }, [fn]);
  const shown = useMemo(() => (items ?? []).filter((i) => matchesInvocation(i, filter)), [items, filter]);
  const list = loadedFn !== fn || items === null ? null : items;

  return (
    <div className="inv-view" data-testid="invocations-view">
      <div className="inv-toolbar">
        <label className="inv-filter">
          <Search size={13} aria-hidden />
          <input
            className="input"
            placeholder="Filter: request id, caller, status, error…"
            value={filter}
            onChange={(e) => useInvocations.getState().setFilter(e.target.value)}
            aria-label="Filter invocations"
            data-testid="invocations-filter"
          />
        </label>
        <span className="muted inv-toolbar__count">
          {list === null ? '' : filter.trim() === '' ? `${list.length} kept` : `${shown.length} of ${list.length}`}
        </span>
        <span className="spacer" />
        <span className="muted inv-toolbar__note">The most recent 200 per function are kept, across restarts.</span>
      </div>
      {failure !== null && <ErrorMessage failure={failure} />}
      {list !== null && list.length === 0 ? (
        <EmptyState icon={<Activity size={22} />} title="No invocations yet" testId="invocations-empty">
          Invoke the function from the panel, the AWS CLI or an SDK through the local endpoint: every invocation shows here as it runs.
        </EmptyState>
      ) : (
        <Group orientation="vertical" className="inv-split">
          <Panel id="inv-list" minSize="25%">
            <div className="inv-table-wrap">
              <table className="inv-table">
                <thead>
                  <tr>
                    <th>Status</th>
                    <th>Started</th>
                    <th className="num">Duration</th>
                    <th>Caller</th>
                    <th>Version</th>
                    <th>Request id</th>
                    <th>Execution</th>
                  </tr>
                </thead>
                <tbody>
                  {shown.map((inv) => (
                    <Row key={inv.requestId} inv={inv} nowMs={nowMs} selected={inv.requestId === selected} />
                  ))}
                </tbody>
              </table>
              {list !== null && shown.length === 0 && <p className="muted inv-detail__hint">No invocation matches the filter.</p>}
            </div>
          </Panel>
          <Separator className="separator separator--horizontal" />
          <Panel id="inv-detail" minSize="20%" defaultSize="45%">
            <Detail />
          </Panel>
        </Group>
      )}
    </div>
  );
}
