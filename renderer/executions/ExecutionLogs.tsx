import { ScrollText } from 'lucide-react';
import { useMemo } from 'react';
import { LogLine } from '../invocations/LogLine.tsx';
import { CALLER_HINT, CALLER_LABEL, formatMs, invocationLook } from '../invocations/invocation-look.ts';
import { EmptyState } from '../shell/EmptyState.tsx';
import { useExecutionInvocations } from './execution-invocations-store.ts';
import { invocationLogViews } from './invocation-logs.ts';
import { formatExact } from './time-format.ts';
import './execution-logs.css';

/** The Logs tab: every invocation of the execution, oldest first, each with its own lines. */
export function ExecutionLogs({ onLocal }: { onLocal: boolean }) {
  const items = useExecutionInvocations((s) => s.items);
  const views = useMemo(() => invocationLogViews(items ?? []), [items]);
  if (!onLocal) {
    return (
      <EmptyState icon={<ScrollText size={22} />} title="Logs are in CloudWatch" testId="execution-logs-empty">
        An execution on an AWS target logs to its function&apos;s CloudWatch log group.
      </EmptyState>
    );
  }
  if (items === null) return <p className="muted exec-logs__loading">Loading the invocations…</p>;
  if (views.length === 0) {
    return (
      <EmptyState icon={<ScrollText size={22} />} title="No invocations kept" testId="execution-logs-empty">
        The studio keeps the most recent invocations of each function; this execution&apos;s are no longer among them.
      </EmptyState>
    );
  }
  return (
    <div className="exec-logs" data-testid="execution-logs">
      {views.map(({ invocation, lines }) => {
        const look = invocationLook(invocation);
        const replayed = lines.filter((l) => l.replayed).length;
        return (
          <section key={invocation.requestId} className="exec-logs__invocation" data-testid="execution-invocation" data-request-id={invocation.requestId}>
            <header className="exec-logs__head">
              <span className="exec-logs__no mono">#{invocation.invocationNo ?? '?'}</span>
              <span className={`exec-logs__status tone-text--${look.tone}`}>{look.label}</span>
              <span className="exec-logs__caller" title={CALLER_HINT[invocation.caller]}>
                {CALLER_LABEL[invocation.caller]}
              </span>
              <span className="mono muted" title="Start">
                {formatExact(invocation.startMs).slice(11)}
              </span>
              <span className="mono muted" title="Duration">
                {formatMs(invocation.durationMs)}
              </span>
              {replayed > 0 && (
                <span className="badge" title="Lines the handler wrote again while replaying what earlier invocations did">
                  {replayed} replayed
                </span>
              )}
              <span className="spacer" />
              <span className="mono muted exec-logs__id" title="Request id">
                {invocation.requestId}
              </span>
            </header>
            <pre className="invoke-logs exec-logs__lines">
              {lines.map((l, i) => (
                <LogLine key={i} line={l.line} replayed={l.replayed} />
              ))}
            </pre>
          </section>
        );
      })}
    </div>
  );
}
