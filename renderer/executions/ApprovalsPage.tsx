import './executions.css';
import { BellRing, Check, ExternalLink, X } from 'lucide-react';
import { useState } from 'react';
import { EmptyState } from '../shell/EmptyState.tsx';
import { TargetChip } from '../targets/TargetChip.tsx';
import { ErrorMessage } from '../shell/ErrorMessage.tsx';
import { useUi } from '../shell/ui-store.ts';
import { useApprovals } from './approvals-store.ts';
import { useCallbacks } from './callback-store.ts';
import { SendFailureDialog, SendSuccessDialog } from './CallbackDialogs.tsx';
import type { PendingCallbackView } from './model.ts';
import { formatAgo, formatCountdown, formatExact } from './time-format.ts';
import { useExecutions } from './executions-store.ts';
import { useNow } from './useNow.ts';

type Dialog = { kind: 'approve' | 'reject'; items: PendingCallbackView[] } | null;

function target(p: PendingCallbackView) {
  return { callbackId: p.callbackId, label: `${p.executionName} · ${p.name}` };
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
            <span>Callback</span>
            <span>Execution</span>
            <span>Waiting</span>
            <span>Times out</span>
            <span />
          </div>
          {open.map((p) => {
            const busy = sending[p.callbackId] !== undefined;
            return (
              <div key={p.callbackId} className={`approval-row${checked.has(p.callbackId) ? ' is-checked' : ''}`} data-testid="approval-row" data-execution={p.executionName}>
                <input type="checkbox" checked={checked.has(p.callbackId)} onChange={() => useApprovals.getState().toggleChecked(p.callbackId)} aria-label={`Select ${p.executionName}`} data-testid="approval-check" />
                <span className="mono">{p.name}</span>
                <span className="approval-row__exec">
                  <button className="link-button mono" onClick={() => openExecution(p.executionArn)} title={p.executionArn} data-testid="approval-open">
                    {p.executionName} <ExternalLink size={10} />
                  </button>
                  <span className="tone-text--stopped">{p.functionName}</span>
                </span>
                <span title={formatExact(p.startMs)}>{formatAgo(p.startMs, nowMs).replace(' ago', '')}</span>
                <span className="tone-text--pending">{p.timeoutMs === undefined ? 'never' : formatCountdown(p.timeoutMs, nowMs)}</span>
                <span className="approval-row__actions">
                  <button className="row-action row-action--success" disabled={busy} onClick={() => setDialog({ kind: 'approve', items: [p] })} data-testid="approval-approve">
                    <Check size={11} /> Approve
                  </button>
                  <button className="row-action row-action--failure" disabled={busy} onClick={() => setDialog({ kind: 'reject', items: [p] })} data-testid="approval-reject">
                    <X size={11} /> Reject
                  </button>
                </span>
              </div>
            );
          })}
        </div>
      )}
      {dialog?.kind === 'approve' && (
        <SendSuccessDialog
          targets={dialog.items.map(target)}
          title={dialog.items.length === 1 ? `Approve ${dialog.items[0]!.executionName}` : `Approve ${dialog.items.length} callbacks`}
          onSend={(t, result) => useCallbacks.getState().succeed(t.callbackId, result)}
          onClose={() => setDialog(null)}
        />
      )}
      {dialog?.kind === 'reject' && (
        <SendFailureDialog
          targets={dialog.items.map(target)}
          title={dialog.items.length === 1 ? `Reject ${dialog.items[0]!.executionName}` : `Reject ${dialog.items.length} callbacks`}
          initial={{ type: 'Rejected', message: 'Rejected by the approver' }}
          onSend={(t, e) => useCallbacks.getState().fail(t.callbackId, e)}
          onClose={() => setDialog(null)}
        />
      )}
    </div>
  );
}
