import { Check, HeartPulse, X } from 'lucide-react';
import { useState } from 'react';
import { answerKey, stepPathOf } from './answer-memory.ts';
import { useCallbacks } from './callback-store.ts';
import { CallbackAnswerDialog, type AnswerKind } from './CallbackAnswerDialog.tsx';
import { useDetail } from './detail-store.ts';
import { isPendingCallback, type OperationView } from './model.ts';

/**
 * Send result, Send failure and Heartbeat for a pending callback. Disabled while a send is
 * in flight, gone once it is answered: a second answer cannot be sent from here.
 */
export function CallbackActions({ op, compact = false }: { op: OperationView; compact?: boolean }) {
  const sending = useCallbacks((s) => (op.callbackId === undefined ? undefined : s.sending[op.callbackId]));
  const answered = useCallbacks((s) => (op.callbackId === undefined ? undefined : s.answered[op.callbackId]));
  const [dialog, setDialog] = useState<AnswerKind | null>(null);
  if (!isPendingCallback(op) || answered !== undefined) return null;
  const callbackId = op.callbackId!;
  const busy = sending !== undefined;
  const open = () => {
    const view = useDetail.getState().view;
    const memoryKey = view === null ? undefined : answerKey(view.execution.functionName, stepPathOf(op, view.operations));
    return { callbackId, label: op.name, memoryKey };
  };
  return (
    <>
      <button className="row-action row-action--success" disabled={busy} onClick={() => setDialog('result')} data-testid="send-success" title="Send result: the callback succeeds and the handler carries on with this JSON">
        <Check size={11} /> {compact ? 'Result' : 'Send result'}
      </button>
      <button className="row-action row-action--failure" disabled={busy} onClick={() => setDialog('failure')} data-testid="send-failure" title="Send failure: the handler's await throws this error">
        <X size={11} /> {compact ? 'Failure' : 'Send failure'}
      </button>
      <button className="row-action" disabled={busy} onClick={() => void useCallbacks.getState().heartbeat(callbackId)} data-testid="send-heartbeat" title="Heartbeat: tell the engine the answer is still coming" aria-label="Heartbeat">
        <HeartPulse size={11} />
        {!compact && ' Heartbeat'}
      </button>
      {dialog !== null && <CallbackAnswerDialog targets={[open()]} subject={op.name} kind={dialog} onClose={() => setDialog(null)} />}
    </>
  );
}
