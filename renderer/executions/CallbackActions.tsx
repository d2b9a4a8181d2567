import { Check, HeartPulse, X } from 'lucide-react';
import { useState } from 'react';
import { useCallbacks } from './callback-store.ts';
import { SendFailureDialog, SendSuccessDialog } from './CallbackDialogs.tsx';
import { isPendingCallback, type OperationView } from './model.ts';

/**
 * Send success, Send failure and Heartbeat for a pending callback. Disabled while a send is
 * in flight, gone once it is answered: a second answer cannot be sent from here.
 */
export function CallbackActions({ op, compact = false }: { op: OperationView; compact?: boolean }) {
  const sending = useCallbacks((s) => (op.callbackId === undefined ? undefined : s.sending[op.callbackId]));
  const answered = useCallbacks((s) => (op.callbackId === undefined ? undefined : s.answered[op.callbackId]));
  const [dialog, setDialog] = useState<'success' | 'failure' | null>(null);
  if (!isPendingCallback(op) || answered !== undefined) return null;
  const callbackId = op.callbackId!;
  const busy = sending !== undefined;
  const target = { callbackId, label: op.name };
  return (
    <>
      <button className="row-action row-action--success" disabled={busy} onClick={() => setDialog('success')} data-testid="send-success" title="Send success with a JSON result">
        <Check size={11} /> {compact ? 'Success' : 'Send success'}
      </button>
      <button className="row-action row-action--failure" disabled={busy} onClick={() => setDialog('failure')} data-testid="send-failure" title="Send failure with an error">
        <X size={11} /> {compact ? 'Failure' : 'Send failure'}
      </button>
      <button className="row-action" disabled={busy} onClick={() => void useCallbacks.getState().heartbeat(callbackId)} data-testid="send-heartbeat" title="Heartbeat: tell the engine the answer is still coming" aria-label="Heartbeat">
        <HeartPulse size={11} />
        {!compact && ' Heartbeat'}
      </button>
      {dialog === 'success' && <SendSuccessDialog targets={[target]} onSend={(t, result) => useCallbacks.getState().succeed(t.callbackId, result)} onClose={() => setDialog(null)} />}
      {dialog === 'failure' && <SendFailureDialog targets={[target]} onSend={(t, e) => useCallbacks.getState().fail(t.callbackId, e)} onClose={() => setDialog(null)} />}
    </>
  );
}
