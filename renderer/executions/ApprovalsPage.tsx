import './executions.css';
import { BellRing, Check, ExternalLink, X } from 'lucide-react';
import { useState } from 'react';
import { EmptyState } from '../shell/EmptyState.tsx';
import { TargetChip } from '../targets/TargetChip.tsx';
import { ErrorMessage } from '../shell/ErrorMessage.tsx';
import { useUi } from '../shell/ui-store.ts';
import { useApprovals } from './approvals-store.ts';
import { useCallbacks } from './callback-store.ts';
import { answerKey } from './answer-memory.ts';
import { ApprovalContext, approvalTitle } from './ApprovalContext.tsx';
import { CallbackAnswerDialog, type AnswerTarget } from './CallbackAnswerDialog.tsx';
import type { PendingCallbackView } from './model.ts';
import { formatAgo, formatCountdown, formatExact } from './time-format.ts';
import { useExecutions } from './executions-store.ts';
import { useNow } from './useNow.ts';

type Dialog = { kind: 'approve' | 'reject'; items: PendingCallbackView[] } | null;

function target(p: PendingCallbackView): AnswerTarget {
  return { callbackId: p.callbackId, label: `${approvalTitle(p)} · ${p.name}`, memoryKey: answerKey(p.functionName, p.stepPath) };
}

/** The last line the handler logged when it asked: the row's one-line reason. */
function lastLogLine(p: PendingCallbackView): string | undefined {
  return p.requestLog.at(-1)?.message;
}

/** The approvals inbox: every pending callback, its age and time left; answer one or many at once. */
export function ApprovalsPage() {
  const pending = useApprovals((s) => s.pending);
  const loaded = useApprovals((s) => s.loaded);
  const failure = useApprovals((s) => s.failure);
  const checked = useApprovals((s) => s.checked);
  const sending = useCallbacks((s) => s.sending);
  const answered = useCallbacks((s) => s.answered);
  const [dialog, setDialog] = useState<Dialog>(null);
  const nowMs = useNow(true);
  const open = pending.filter((p) => answered[p.callbackId] === undefined);
  const selected = open.filter((p) => checked.has(p.callbackId));
  const allChecked = open.length > 0 && selected.length === open.length;
  const openExecution = (arn: string) => {
    useExecutions.getState().open(arn);
    useUi.getState().setView('executions');
  };

  return (
    <div className="exec-page" data-testid="approvals-page">
      <div className="exec-toolbar">
        <span className="exec-toolbar__title">Approvals</span>
        <TargetChip />
        <span className="tone-text--stopped" data-testid="approvals-count">
          {open.length} pending {open.length === 1 ? 'callback' : 'callbacks'}
        </span>
        <span className="exec-toolbar__spacer" />
        <button className="button button--small" disabled={selected.length === 0} onClick={() => setDialog({ kind: 'approve', items: selected })} data-testid="approve-selected">
          <Check size={12} /> Approve {selected.length > 0 ? selected.length : ''}
        </button>
        <button className="button button--small" disabled={selected.length === 0} onClick={() => setDialog({ kind: 'reject', items: selected })} data-testid="reject-selected">
          <X size={12} /> Reject {selected.length > 0 ? selected.length : ''}
        </button>
      </div>
      {failure !== null && <ErrorMessage failure={failure} />}
      {loaded && open.length === 0 ? (
        <div className="page page--center">
          <EmptyState icon={<BellRing size={32} />} title="Nothing waiting for you" testId="approvals-empty" action={<button className="button" onClick={() => useUi.getState().setView('executions')}>Go to Executions</button>}>
            When a durable execution waits for a callback (an approval, a webhook), it shows up here with how long it has waited and how long it has left.
          </EmptyState>
        </div>
      ) : (
        <div className="exec-list" data-testid="approvals-list">
          <div className="approvals__head">
            <input type="checkbox" checked={allChecked} onChange={() => useApprovals.getState().setChecked(allChecked ? [] : open.map((p) => p.callbackId))} aria-label="Select all" data-testid="approvals-check-all" />
            <span>Waiting for</span>
            <span>Waiting</span>
            <span>Times out</span>
            <span />
          </div>
          {open.map((p) => {
            const busy = sending[p.callbackId] !== undefined;
            const title = approvalTitle(p);
            const said = lastLogLine(p);
            return (
              <div key={p.callbackId} className={`approval-row${checked.has(p.callbackId) ? ' is-checked' : ''}`} data-testid="approval-row" data-execution={p.executionName}>
                <input type="checkbox" checked={checked.has(p.callbackId)} onChange={() => useApprovals.getState().toggleChecked(p.callbackId)} aria-label={`Select ${title}`} data-testid="approval-check" />
                <span className="approval-row__what">
                  <button className="link-button approval-row__title mono" onClick={() => openExecution(p.executionArn)} title={`Open the execution ${p.executionName}`} data-testid="approval-title">
                    {title} <ExternalLink size={10} aria-hidden />
                  </button>
                  <span className="approval-row__meta">
                    <span>{p.functionName}</span>
                    <span aria-hidden>·</span>
                    <span className="mono" data-testid="approval-step">
                      {p.stepPath.join(' › ')}
                    </span>
                  </span>
                </span>
                <span title={formatExact(p.startMs)}>{formatAgo(p.startMs, nowMs).replace(' ago', '')}</span>
                <span className="tone-text--pending">{p.timeoutMs === undefined ? 'never' : formatCountdown(p.timeoutMs, nowMs)}</span>
                <span className="approval-row__actions">
                  <button className="row-action row-action--success" disabled={busy} onClick={() => setDialog({ kind: 'approve', items: [p] })} title="Send a result that approves: {&quot;approved&quot;: true}" data-testid="approval-approve">
                    <Check size={11} /> Approve…
                  </button>
                  <button className="row-action row-action--failure" disabled={busy} onClick={() => setDialog({ kind: 'reject', items: [p] })} title="Send a result that rejects, or a failure" data-testid="approval-reject">
                    <X size={11} /> Reject…
                  </button>
                </span>
                {said !== undefined && (
                  <span className="approval-row__log mono" title={p.requestLog.map((l) => l.message).join('\n')} data-testid="approval-log">
                    {said}
                  </span>
                )}
              </div>
            );
          })}
        </div>
      )}
      {dialog !== null && (
        <CallbackAnswerDialog
          targets={dialog.items.map(target)}
          subject={dialog.items.length === 1 ? approvalTitle(dialog.items[0]!) : `${dialog.items.length} callbacks`}
          kind="result"
          template={dialog.kind}
          context={dialog.items.length === 1 ? <ApprovalContext p={dialog.items[0]!} nowMs={nowMs} /> : <p className="dialog__description">{dialog.items.map(approvalTitle).join(', ')}</p>}
          onClose={() => setDialog(null)}
        />
      )}
    </div>
  );
}
