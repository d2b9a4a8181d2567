import type { PendingCallbackView } from './model.ts';
import { executionTitle, inputPreview, isGivenName } from './execution-label.ts';
import { formatAgo, formatCountdown, formatExact } from './time-format.ts';

/** What an approver reads before answering one callback: which run, which step, what it started with, what the handler said. */
export function ApprovalContext({ p, nowMs }: { p: PendingCallbackView; nowMs: number }) {
  const input = inputPreview(p.input, 400);
  return (
    <dl className="answer-context" data-testid="answer-context">
      <dt>Execution</dt>
      <dd className="mono" title={p.executionArn}>
        {isGivenName(p.executionName) ? p.executionName : `${p.executionName} (unnamed)`}
      </dd>
      <dt>Function</dt>
      <dd>{p.functionName}</dd>
      <dt>Step</dt>
      <dd className="mono">{p.stepPath.join(' › ')}</dd>
      {input !== undefined && (
        <>
          <dt>Input</dt>
          <dd className="mono">{input}</dd>
        </>
      )}
      <dt>Asked</dt>
      <dd title={formatExact(p.startMs)}>
        {formatAgo(p.startMs, nowMs)}
        {p.timeoutMs !== undefined && `; times out ${formatCountdown(p.timeoutMs, nowMs)}`}
      </dd>
      {p.requestLog.length > 0 && (
        <>
          <dt>Handler logged</dt>
          <dd>
            <pre className="answer-context__log mono">{p.requestLog.map((l) => `${l.level} ${l.message}`).join('\n')}</pre>
          </dd>
        </>
      )}
    </dl>
  );
}

/** The row's and the dialog's headline for a callback: the execution as people know it. */
export function approvalTitle(p: PendingCallbackView): string {
  return executionTitle(p.executionName, p.input);
}
