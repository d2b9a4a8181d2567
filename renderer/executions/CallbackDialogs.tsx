import * as Dialog from '@radix-ui/react-dialog';
import { useState } from 'react';
import { toFailure, type Failure } from '../lib/errors.ts';
import { ErrorMessage } from '../shell/ErrorMessage.tsx';
import { jsonProblem } from './json-text.ts';
import { DialogButtons } from '../shell/DialogButtons.tsx';

interface Target {
  callbackId: string;
  /** The operation's or execution's name, for the title. */
  label: string;
}

interface SuccessProps {
  targets: readonly Target[];
  initial?: string;
  title?: string;
  onSend(target: Target, result: string): Promise<void>;
  onClose(): void;
}

/** Sends to each target in turn; one that fails does not stop the rest, and the failures are summed up. */
export async function sendAll<T extends Target, R>(targets: readonly T[], send: (t: T) => Promise<R>): Promise<Failure | null> {
  const failures: string[] = [];
  for (const target of targets) {
    try {
      await send(target);
    } catch (error) {
      failures.push(`${target.label}: ${toFailure(error).message}`);
    }
  }
  if (failures.length === 0) return null;
  return { message: failures.length === 1 ? failures[0]! : `${failures.length} of ${targets.length} answers were not sent.`, details: failures.join('\n') };
}

function names(targets: readonly Target[]): string {
  return targets.length === 1 ? targets[0]!.label : `${targets.length} callbacks`;
}

/** Send success: a JSON result, checked as it is typed; nothing is sent until it parses. */
export function SendSuccessDialog({ targets, initial = '{\n  "approved": true\n}', title, onSend, onClose }: SuccessProps) {
  const [text, setText] = useState(initial);
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState<Failure | null>(null);
  const problem = jsonProblem(text);
  const submit = async (event: React.FormEvent) => {
    event.preventDefault();
    if (problem !== undefined || busy) return;
    setBusy(true);
    const result = await sendAll(targets, (t) => onSend(t, text));
    setBusy(false);
    if (result === null) onClose();
    else setFailure(result);
  };
  return (
    <Dialog.Root open onOpenChange={(open) => !open && !busy && onClose()}>
      <Dialog.Portal>
        <Dialog.Overlay className="dialog-overlay" />
        <Dialog.Content className="dialog dialog--wide" data-testid="callback-success-dialog">
          <Dialog.Title className="dialog__title">{title ?? `Send success to ${names(targets)}`}</Dialog.Title>
          <Dialog.Description className="dialog__description">The handler receives this JSON as the callback's result and carries on.</Dialog.Description>
          <form onSubmit={(e) => void submit(e)}>
            <label className="field">
              <span className="field__label">Result (JSON)</span>
              <JsonResultInput text={text} problem={problem} onChange={setText} onSend={(e) => void submit(e)} />
            </label>
            {failure !== null && <ErrorMessage failure={failure} />}
            <DialogButtons closeDisabled={busy} confirm={{ label: busy ? 'Sending…' : 'Send success', disabled: busy || problem !== undefined, testId: 'callback-success-send' }} />
          </form>
        </Dialog.Content>
      </Dialog.Portal>
    </Dialog.Root>
  );
}

export interface FailureFields {
  type: string;
  message: string;
  data: string;
}

interface FailureProps {
  targets: readonly Target[];
  title?: string;
  initial?: Partial<FailureFields>;
  onSend(target: Target, error: FailureFields): Promise<void>;
  onClose(): void;
}

/** Send failure: the error the handler's callback promise rejects with. */
export function SendFailureDialog({ targets, title, initial, onSend, onClose }: FailureProps) {
  const [fields, setFields] = useState<FailureFields>({ type: initial?.type ?? 'Rejected', message: initial?.message ?? '', data: initial?.data ?? '' });
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState<Failure | null>(null);
  const problem = fields.message.trim() === '' ? 'Say why, so whoever reads the execution knows.' : undefined;
  const submit = async (event: React.FormEvent) => {
    event.preventDefault();
    if (problem !== undefined || busy) return;
    setBusy(true);
    const result = await sendAll(targets, (t) => onSend(t, fields));
    setBusy(false);
    if (result === null) onClose();
    else setFailure(result);
  };
  const field = (key: keyof FailureFields) => ({ value: fields[key], onChange: (e: React.ChangeEvent<HTMLInputElement | HTMLTextAreaElement>) => setFields({ ...fields, [key]: e.target.value }) });
  return (
    <Dialog.Root open onOpenChange={(open) => !open && !busy && onClose()}>
      <Dialog.Portal>
        <Dialog.Overlay className="dialog-overlay" />
        <Dialog.Content className="dialog dialog--wide" data-testid="callback-failure-dialog">
          <Dialog.Title className="dialog__title">{title ?? `Send failure to ${names(targets)}`}</Dialog.Title>
          <Dialog.Description className="dialog__description">The handler's callback fails with this error; unless it catches it, the execution fails.</Dialog.Description>
          <form onSubmit={(e) => void submit(e)}>
            <label className="field">
              <span className="field__label">Error type</span>
              <input className="input mono" spellCheck={false} {...field('type')} data-testid="callback-error-type" />
            </label>
            <label className="field">
              <span className="field__label">Message</span>
              <input className={`input${problem !== undefined && fields.message !== '' ? ' is-invalid' : ''}`} autoFocus {...field('message')} data-testid="callback-error-message" />
              <span className="field__hint">{problem ?? 'Shown as the error of the callback and, if uncaught, of the execution.'}</span>
            </label>
            <label className="field">
              <span className="field__label">Data (optional)</span>
              <textarea className="json-editor" style={{ minHeight: 60 }} spellCheck={false} {...field('data')} data-testid="callback-error-data" />
            </label>
            {failure !== null && <ErrorMessage failure={failure} />}
            <DialogButtons closeDisabled={busy} confirm={{ label: busy ? 'Sending…' : 'Send failure', tone: 'danger', disabled: busy || problem !== undefined, testId: 'callback-failure-send' }} />
          </form>
        </Dialog.Content>
      </Dialog.Portal>
    </Dialog.Root>
  );
}

/** A callback result's JSON, with its validity hint; Ctrl/Cmd+Enter sends. */
export function JsonResultInput({ text, problem, onChange, onSend }: { text: string; problem: string | undefined; onChange: (text: string) => void; onSend: (e: React.KeyboardEvent) => void }) {
  return (
    <>
      <textarea
        className={`json-editor${problem !== undefined ? ' is-invalid' : ''}`}
        value={text}
        spellCheck={false}
        autoFocus
        onChange={(e) => onChange(e.target.value)}
        onKeyDown={(e) => {
          if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) onSend(e);
        }}
        data-testid="callback-result"
      />
      <span className={`field__hint${problem !== undefined ? ' is-error' : ''}`} data-testid="callback-result-hint">
        {problem ?? 'Valid JSON. Ctrl+Enter sends.'}
      </span>
    </>
  );
}
