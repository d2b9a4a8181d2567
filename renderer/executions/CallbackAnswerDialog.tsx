import * as Dialog from '@radix-ui/react-dialog';
import { Check, History, X } from 'lucide-react';
import { useState, type ReactNode } from 'react';
import type { Failure } from '../lib/errors.ts';
import { ErrorMessage } from '../shell/ErrorMessage.tsx';
import { initialResult, lastResult, rememberResult, RESULT_TEMPLATES, type TemplateId } from './answer-memory.ts';
import { useCallbacks } from './callback-store.ts';
import { JsonResultInput, sendAll, type FailureFields } from './CallbackDialogs.tsx';
import { jsonProblem } from './json-text.ts';
import { DialogButtons } from '../shell/DialogButtons.tsx';

export type AnswerKind = 'result' | 'failure';

export interface AnswerTarget {
  callbackId: string;
  /** The execution's or operation's name, for a failure that names it. */
  label: string;
  /** Which remembered result this callback shares (`answerKey`). */
  memoryKey?: string | undefined;
}

interface Props {
  targets: readonly AnswerTarget[];
  /** What is answered, for the heading: the execution as people know it, a step, "3 callbacks". */
  subject: string;
  kind: AnswerKind;
  template?: TemplateId | undefined;
  /** What the approver needs to know, shown above the answer. */
  context?: ReactNode;
  onClose(): void;
}

const KINDS: { kind: AnswerKind; label: string; testId: string }[] = [
  { kind: 'result', label: 'Send result', testId: 'answer-kind-result' },
  { kind: 'failure', label: 'Send failure', testId: 'answer-kind-failure' },
];

const EXPLAIN: Record<AnswerKind, string> = {
  result:
    'The callback succeeds: the handler receives this JSON and carries on down its own path. A rejection the handler models as a result (like {"approved": false}) is sent this way.',
  failure:
    'The callback fails: the history records this error type and message as typed, and the handler’s await throws the durable SDK’s CallbackExternalError with this message. Unless the handler catches it, the execution fails.',
};

/**
 * Answers one or more callbacks, with the difference between the two answers spelled out:
 * Send result (JSON, from a template or the last result sent to this step) or Send failure
 * (an error type and message, sent as typed).
 */
export function CallbackAnswerDialog({ targets, subject, kind: initialKind, template, context, onClose }: Props) {
  const memoryKey = targets[0]?.memoryKey;
  const [kind, setKind] = useState<AnswerKind>(initialKind);
  const [text, setText] = useState(() => initialResult(memoryKey, template));
  const [fields, setFields] = useState<FailureFields>({ type: 'Rejected', message: '', data: '' });
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState<Failure | null>(null);
  const last = memoryKey === undefined ? undefined : lastResult(memoryKey);
  const problem = kind === 'result' ? jsonProblem(text) : fields.message.trim() === '' ? 'Say why, so whoever reads the execution knows.' : undefined;

  const submit = async (event: React.SyntheticEvent) => {
    event.preventDefault();
    if (problem !== undefined || busy) return;
    setBusy(true);
    const outcome =
      kind === 'result'
        ? await sendAll(targets, async (t) => {
            await useCallbacks.getState().succeed(t.callbackId, text);
            if (t.memoryKey !== undefined) rememberResult(t.memoryKey, text);
          })
        : await sendAll(targets, (t) => useCallbacks.getState().fail(t.callbackId, fields));
    setBusy(false);
    if (outcome === null) onClose();
    else setFailure(outcome);
  };
  const field = (key: keyof FailureFields) => ({
    value: fields[key],
    onChange: (e: React.ChangeEvent<HTMLInputElement | HTMLTextAreaElement>) => setFields({ ...fields, [key]: e.target.value }),
  });

  return (
    <Dialog.Root open onOpenChange={(open) => !open && !busy && onClose()}>
      <Dialog.Portal>
        <Dialog.Overlay className="dialog-overlay" />
        <Dialog.Content className="dialog dialog--wide answer-dialog" data-testid="callback-answer-dialog" aria-describedby={undefined}>
          <Dialog.Title className="dialog__title">{`${kind === 'result' ? 'Send a result to' : 'Send a failure to'} ${subject}`}</Dialog.Title>
          {context}
          <form onSubmit={(e) => void submit(e)}>
            <div className="answer-dialog__kinds">
              <div className="segmented" role="group" aria-label="Answer">
                {KINDS.map((k) => (
                  <button key={k.kind} type="button" className={kind === k.kind ? 'is-active' : ''} aria-pressed={kind === k.kind} onClick={() => setKind(k.kind)} data-testid={k.testId}>
                    {k.kind === 'result' ? <Check size={12} aria-hidden /> : <X size={12} aria-hidden />}
                    {k.label}
                  </button>
                ))}
              </div>
            </div>
            <p className="dialog__description" data-testid="answer-explain">
              {EXPLAIN[kind]}
            </p>
            {kind === 'result' ? (
              <label className="field">
                <span className="field__label answer-dialog__label">
                  Result (JSON)
                  <span className="answer-dialog__templates">
                    {RESULT_TEMPLATES.map((t) => (
                      <button key={t.id} type="button" className="chip-button" onClick={() => setText(t.text)} data-testid={`answer-template-${t.id}`}>
                        {t.label}
                      </button>
                    ))}
                    {last !== undefined && (
                      <button type="button" className="chip-button" onClick={() => setText(last)} title="The result last sent to this step" data-testid="answer-template-last">
                        <History size={11} aria-hidden /> Last sent
                      </button>
                    )}
                  </span>
                </span>
                <JsonResultInput text={text} problem={problem} onChange={setText} onSend={(e) => void submit(e)} />
              </label>
            ) : (
              <>
                <label className="field">
                  <span className="field__label">Error type</span>
                  <input className="input mono" spellCheck={false} {...field('type')} data-testid="callback-error-type" />
                </label>
                <label className="field">
                  <span className="field__label">Message</span>
                  <input className={`input${problem !== undefined && fields.message !== '' ? ' is-invalid' : ''}`} autoFocus {...field('message')} data-testid="callback-error-message" />
                  <span className="field__hint">{problem ?? 'Kept in the history with the type, and shown as the error of the execution if the handler lets it fail.'}</span>
                </label>
                <label className="field">
                  <span className="field__label">Data (optional)</span>
                  <textarea className="json-editor" style={{ minHeight: 60 }} spellCheck={false} {...field('data')} data-testid="callback-error-data" />
                </label>
              </>
            )}
            {failure !== null && <ErrorMessage failure={failure} />}
            <DialogButtons
              closeDisabled={busy}
              confirm={{
                label: busy ? 'Sending…' : kind === 'result' ? 'Send result' : 'Send failure',
                tone: kind === 'result' ? 'primary' : 'danger',
                disabled: busy || problem !== undefined,
                testId: 'callback-answer-send',
              }}
            />
          </form>
        </Dialog.Content>
      </Dialog.Portal>
    </Dialog.Root>
  );
}
