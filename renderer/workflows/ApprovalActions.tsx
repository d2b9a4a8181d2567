import { Check, ExternalLink, X } from 'lucide-react';
import { useState } from 'react';
import { useCallbacks } from '../executions/callback-store.ts';
import { SendFailureDialog, SendSuccessDialog } from '../executions/CallbackDialogs.tsx';
import { useExecutions } from '../executions/executions-store.ts';
import { useRuns } from './run-store.ts';

/** Opens the run's execution on the Executions page, timeline and all. */
export function openInExecutions(arn: string): void {
  useExecutions.getState().open(arn);
}

/**
 * Approve and Reject on a waiting Approval block, with the same JSON dialogs as the timeline;
 * gone once answered, so the same approval is never answered twice from here.
 */
export function ApprovalActions({ blockId }: { blockId: string }) {
  const callbackId = useRuns((s) => s.view?.blocks[blockId]?.callbackId ?? s.pendingIds.get(blockId));
  const arn = useRuns((s) => s.arn);
  const sending = useCallbacks((s) => (callbackId === undefined ? undefined : s.sending[callbackId]));
  const answered = useCallbacks((s) => (callbackId === undefined ? undefined : s.answered[callbackId]));
  const [dialog, setDialog] = useState<'approve' | 'reject' | null>(null);
  if (answered !== undefined) return <div className="wf-approval__note">Answer sent</div>;
  const target = callbackId === undefined ? undefined : { callbackId, label: blockId };
  return (
    <div className="wf-approval nodrag nopan" data-testid="approval-actions">
      <button className="row-action row-action--success" disabled={target === undefined || sending !== undefined} onClick={() => setDialog('approve')} aria-label={`Approve ${blockId}`} data-testid="approval-approve">
        <Check size={11} aria-hidden /> Approve
      </button>
      <button className="row-action row-action--failure" disabled={target === undefined || sending !== undefined} onClick={() => setDialog('reject')} aria-label={`Reject ${blockId}`} data-testid="approval-reject">
        <X size={11} aria-hidden /> Reject
      </button>
      {arn !== null && (
        <button className="icon-button icon-button--small" onClick={() => openInExecutions(arn)} aria-label="Open in Executions" title="Open in Executions" data-testid="approval-open-execution">
          <ExternalLink size={12} />
        </button>
      )}
      {dialog === 'approve' && target !== undefined && (
        <SendSuccessDialog title={`Approve ${blockId}`} targets={[target]} onSend={(t, result) => useCallbacks.getState().succeed(t.callbackId, result)} onClose={() => setDialog(null)} />
      )}
      {dialog === 'reject' && target !== undefined && (
        <SendFailureDialog title={`Reject ${blockId}`} targets={[target]} onSend={(t, error) => useCallbacks.getState().fail(t.callbackId, error)} onClose={() => setDialog(null)} />
      )}
    </div>
  );
}
