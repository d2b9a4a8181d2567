import * as Dialog from '@radix-ui/react-dialog';
import { useState } from 'react';
import { checkEventText } from '../invoke/event-text.ts';
import type { Failure } from '../lib/errors.ts';
import { ErrorMessage } from '../shell/ErrorMessage.tsx';
import { startRun } from './workflow-actions.ts';
import { DialogButtons } from '../shell/DialogButtons.tsx';

/** Run with an event typed here (JSON, checked with line and column) instead of the Input's sample. */
export function RunEventDialog({ initial, onClose }: { initial: string; onClose(): void }) {
  const [text, setText] = useState(initial);
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState<Failure | null>(null);
  const check = checkEventText(text);
  const submit = async (event: React.FormEvent | React.KeyboardEvent) => {
    event.preventDefault();
    if (!check.ok || busy) return;
    setBusy(true);
    const refused = await startRun(check.payload);
    setBusy(false);
    if (refused === null) onClose();
    else setFailure(refused);
  };
  return (
    <Dialog.Root open onOpenChange={(open) => !open && !busy && onClose()}>
      <Dialog.Portal>
        <Dialog.Overlay className="dialog-overlay" />
        <Dialog.Content className="dialog dialog--wide" data-testid="run-event-dialog">
          <Dialog.Title className="dialog__title">Run with an event</Dialog.Title>
          <Dialog.Description className="dialog__description">The workflow is saved, then runs with this JSON as its input.</Dialog.Description>
          <form onSubmit={(e) => void submit(e)}>
            <label className="field">
              <span className="field__label">Event (JSON)</span>
              <textarea
                className={`json-editor${check.ok ? '' : ' is-invalid'}`}
                value={text}
                spellCheck={false}
                autoFocus
                onChange={(e) => setText(e.target.value)}
                onKeyDown={(e) => {
                  if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) void submit(e);
                }}
                data-testid="run-event-text"
              />
              <span className={`field__hint${check.ok ? '' : ' is-error'}`} data-testid="run-event-hint">
                {check.ok ? 'Valid JSON. Ctrl+Enter runs.' : check.message}
              </span>
            </label>
            {failure !== null && <ErrorMessage failure={failure} testId="run-event-error" />}
            <DialogButtons closeDisabled={busy} confirm={{ label: busy ? 'Starting…' : 'Run', disabled: busy || !check.ok, testId: 'run-event-start' }} />
          </form>
        </Dialog.Content>
      </Dialog.Portal>
    </Dialog.Root>
  );
}
