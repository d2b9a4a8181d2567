import * as Dialog from '@radix-ui/react-dialog';
import { useState } from 'react';
import { create } from 'zustand';
import { WorkflowName } from '../../shared/workflow/schema.ts';
import { toFailure, type Failure } from '../lib/errors.ts';
import { ErrorMessage } from '../shell/ErrorMessage.tsx';
import { useWorkflowList } from './list-store.ts';
import { duplicate, newWorkflow, remove, renameOpenOrOther } from './workflow-actions.ts';
import { DialogButtons } from '../shell/DialogButtons.tsx';

type DialogState = { kind: 'new' } | { kind: 'rename' | 'duplicate' | 'delete'; name: string } | null;

interface DialogsState {
  dialog: DialogState;
  openNew(): void;
  open(kind: 'rename' | 'duplicate' | 'delete', name: string): void;
  close(): void;
}

/** Which workflow dialog is open; the empty states and the list's menus open them. */
export const useWorkflowDialogs = create<DialogsState>((set) => ({
  dialog: null,
  openNew: () => set({ dialog: { kind: 'new' } }),
  open: (kind, name) => set({ dialog: { kind, name } }),
  close: () => set({ dialog: null }),
}));

/** Why a workflow name cannot be used, or undefined when it can. */
export function workflowNameProblem(name: string, existing: readonly string[]): string | undefined {
  const parsed = WorkflowName.safeParse(name);
  if (!parsed.success) return parsed.error.issues[0]?.message ?? 'not a valid name';
  if (existing.some((other) => other.toLowerCase() === name.toLowerCase())) return 'a workflow with this name already exists';
  return undefined;
}

const TEXT = {
  new: { title: 'New workflow', description: 'It starts with an Input and an Output block, connected.', button: 'Create' },
  rename: { title: 'Rename', description: 'The file is renamed; its runs stay listed under the old name.', button: 'Rename' },
  duplicate: { title: 'Duplicate', description: 'A copy of the file under a new name, opened on the canvas.', button: 'Duplicate' },
};

function NameDialog({ kind, from, onClose }: { kind: 'new' | 'rename' | 'duplicate'; from?: string; onClose(): void }) {
  const workflows = useWorkflowList((s) => s.workflows);
  const existing = workflows.map((w) => w.name);
  const [name, setName] = useState(kind === 'duplicate' && from !== undefined ? `${from}-copy` : (from ?? ''));
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState<Failure | null>(null);
  const problem = name === '' ? 'a name is required' : name === from && kind === 'rename' ? 'type a new name' : workflowNameProblem(name, existing);
  const text = TEXT[kind];
  const submit = async (event: React.FormEvent) => {
    event.preventDefault();
    if (problem !== undefined || busy) return;
    setBusy(true);
    try {
      if (kind === 'new') await newWorkflow(name);
      else if (kind === 'rename' && from !== undefined) await renameOpenOrOther(from, name);
      else if (from !== undefined) await duplicate(from, name);
      onClose();
    } catch (error) {
      setFailure(toFailure(error, `Could not ${kind === 'new' ? 'create' : kind} ${from ?? name}`));
      setBusy(false);
    }
  };
  const showProblem = problem !== undefined && name !== '' && name !== from;
  return (
    <Dialog.Root open onOpenChange={(open) => !open && onClose()}>
      <Dialog.Portal>
        <Dialog.Overlay className="dialog-overlay" />
        <Dialog.Content className="dialog" data-testid="workflow-name-dialog">
          <Dialog.Title className="dialog__title">{from === undefined ? text.title : `${text.title} ${from}`}</Dialog.Title>
          <Dialog.Description className="dialog__description">{text.description}</Dialog.Description>
          <form onSubmit={(e) => void submit(e)}>
            <label className="field">
              <span className="field__label">Name</span>
              <input className={`input mono${showProblem ? ' is-invalid' : ''}`} value={name} autoFocus spellCheck={false} onChange={(e) => setName(e.target.value)} data-testid="workflow-name-input" />
              <span className={`field__hint${showProblem ? ' is-error' : ''}`} data-testid="workflow-name-hint">
                {showProblem ? problem : `Letters, digits, - and _. Saved as workflows/${name || '<name>'}.workflow.json.`}
              </span>
            </label>
            {failure !== null && <ErrorMessage failure={failure} />}
            <DialogButtons confirm={{ label: text.button, disabled: busy || problem !== undefined, testId: 'workflow-name-confirm' }} />
          </form>
        </Dialog.Content>
      </Dialog.Portal>
    </Dialog.Root>
  );
}

function DeleteDialog({ name, onClose }: { name: string; onClose(): void }) {
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState<Failure | null>(null);
  const confirm = async () => {
    setBusy(true);
    try {
      await remove(name);
      onClose();
    } catch (error) {
      setFailure(toFailure(error, `Could not delete ${name}`));
      setBusy(false);
    }
  };
  return (
    <Dialog.Root open onOpenChange={(open) => !open && onClose()}>
      <Dialog.Portal>
        <Dialog.Overlay className="dialog-overlay" />
        <Dialog.Content className="dialog" data-testid="workflow-delete-dialog">
          <Dialog.Title className="dialog__title">Delete {name}?</Dialog.Title>
          <Dialog.Description className="dialog__description">
            <span className="mono">workflows/{name}.workflow.json</span> moves to the workspace's trash (<span className="mono">.studio/trash</span>), so it can be brought back by hand. Its runs stay in Executions.
          </Dialog.Description>
          {failure !== null && <ErrorMessage failure={failure} />}
          <DialogButtons focusClose confirm={{ label: 'Move to trash', tone: 'danger', disabled: busy, onClick: () => void confirm(), testId: 'workflow-delete-confirm' }} />
        </Dialog.Content>
      </Dialog.Portal>
    </Dialog.Root>
  );
}

/** Renders whichever workflow dialog is open. */
export function WorkflowDialogHost() {
  const dialog = useWorkflowDialogs((s) => s.dialog);
  const close = useWorkflowDialogs((s) => s.close);
  if (dialog === null) return null;
  if (dialog.kind === 'delete') return <DeleteDialog name={dialog.name} onClose={close} />;
  return <NameDialog kind={dialog.kind} from={dialog.kind === 'new' ? undefined : dialog.name} onClose={close} />;
}
