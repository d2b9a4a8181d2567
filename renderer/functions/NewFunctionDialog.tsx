import * as Dialog from '@radix-ui/react-dialog';
import { useState } from 'react';
import type { TemplateId } from '../../shared/contract/functions.ts';
import { toFailure, type Failure } from '../lib/errors.ts';
import { ErrorMessage } from '../shell/ErrorMessage.tsx';
import { useUi } from '../shell/ui-store.ts';
import { createFunction } from './function-actions.ts';
import { nameProblem } from './name-rule.ts';
import { useWorkspace } from './workspace-store.ts';
import { DialogButtons } from '../shell/DialogButtons.tsx';

/** New function: a name checked as it is typed, and a template chosen from the host's list. */
export function NewFunctionDialog() {
  const open = useUi((s) => s.newFunctionOpen);
  const setOpen = useUi((s) => s.setNewFunctionOpen);
  return (
    <Dialog.Root open={open} onOpenChange={setOpen}>
      <Dialog.Portal>
        <Dialog.Overlay className="dialog-overlay" />
        <Dialog.Content className="dialog dialog--wide" data-testid="new-function-dialog">
          {/* Mounted only while open, so every opening starts blank. */}
          {open && <NewFunctionForm onDone={() => setOpen(false)} />}
        </Dialog.Content>
      </Dialog.Portal>
    </Dialog.Root>
  );
}

function NewFunctionForm({ onDone }: { onDone: () => void }) {
  const templates = useWorkspace((s) => s.templates);
  const functions = useWorkspace((s) => s.functions);
  const existing = functions.map((f) => f.name);
  const [name, setName] = useState('');
  const [touched, setTouched] = useState(false);
  const [template, setTemplate] = useState<TemplateId | null>(null);
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState<Failure | null>(null);

  const chosen = template ?? templates[0]?.id ?? null;
  const problem = nameProblem(name, existing);
  const showProblem = touched && problem !== undefined;

  const submit = async (event: React.FormEvent) => {
    event.preventDefault();
    setTouched(true);
    if (problem !== undefined || chosen === null) return;
    setBusy(true);
    setFailure(null);
    try {
      await createFunction(name, chosen);
      onDone();
    } catch (error) {
      setFailure(toFailure(error, `Could not create ${name}`));
    } finally {
      setBusy(false);
    }
  };

  return (
    <>
      <Dialog.Title className="dialog__title">New function</Dialog.Title>
      <Dialog.Description className="dialog__description">
        Creates <span className="mono">functions/{name === '' ? '<name>' : name}/</span> in the workspace with a handler and its function.json.
      </Dialog.Description>
      <form onSubmit={(e) => void submit(e)}>
        <label className="field">
          <span className="field__label">Name</span>
          <input
            className={`input mono${showProblem ? ' is-invalid' : ''}`}
            value={name}
            autoFocus
            spellCheck={false}
            placeholder="e.g. process-order"
            onChange={(e) => {
              setName(e.target.value);
              if (e.target.value !== '') setTouched(true);
            }}
            aria-invalid={showProblem}
            data-testid="new-function-name"
          />
          <span className={`field__hint${showProblem ? ' is-error' : ''}`} data-testid="new-function-name-hint">
            {showProblem ? problem : 'Letters, digits, - and _; up to 64 characters, as Lambda allows.'}
          </span>
        </label>
        <fieldset className="field">
          <legend className="field__label">Template</legend>
          <div className="template-list" role="radiogroup">
            {templates.map((t) => (
              <label key={t.id} className={`template${chosen === t.id ? ' is-selected' : ''}`} data-testid={`template-${t.id}`}>
                <input type="radio" name="template" value={t.id} checked={chosen === t.id} onChange={() => setTemplate(t.id)} />
                <span className="template__text">
                  <span className="template__label">
                    {t.label} <span className="badge">{t.language}</span>
                  </span>
                  <span className="template__description">{t.description}</span>
                </span>
              </label>
            ))}
            {templates.length === 0 && <p className="panel-note">Loading templates…</p>}
          </div>
        </fieldset>
        {failure !== null && <ErrorMessage failure={failure} />}
        <DialogButtons confirm={{ label: busy ? 'Creating…' : 'Create function', disabled: busy || problem !== undefined || chosen === null, testId: 'new-function-create' }} />
      </form>
    </>
  );
}
