import * as Dialog from '@radix-ui/react-dialog';
import { useState } from 'react';
import { toFailure, type Failure } from '../lib/errors.ts';
import { ErrorMessage } from '../shell/ErrorMessage.tsx';
import { deleteFunction, renameFunction } from './function-actions.ts';
import { nameProblem } from './name-rule.ts';
import { useWorkspace } from './workspace-store.ts';
import { DialogButtons } from '../shell/DialogButtons.tsx';

interface Props {
  name: string;
  onClose: () => void;
}

export function RenameDialog({ name, onClose }: Props) {
  const functions = useWorkspace((s) => s.functions);
  const existing = functions.map((f) => f.name);
  const [to, setTo] = useState(name);
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState<Failure | null>(null);
  const problem = to === name ? 'type a new name' : nameProblem(to, existing);
  const submit = async (event: React.FormEvent) => {
    event.preventDefault();
    if (problem !== undefined) return;
    setBusy(true);
    try {
      await renameFunction(name, to);
      onClose();
    } catch (error) {
      setFailure(toFailure(error, `Could not rename ${name}`));
      setBusy(false);
    }
  };
  return (
    <Dialog.Root open onOpenChange={(open) => !open && onClose()}>
      <Dialog.Portal>
        <Dialog.Overlay className="dialog-overlay" />
        <Dialog.Content className="dialog" data-testid="rename-dialog">
          <Dialog.Title className="dialog__title">Rename {name}</Dialog.Title>
          <Dialog.Description className="dialog__description">The folder is renamed; unsaved edits in its files are discarded.</Dialog.Description>
          <form onSubmit={(e) => void submit(e)}>
            <label className="field">
              <span className="field__label">New name</span>
              <input className={`input mono${to !== name && problem !== undefined ? ' is-invalid' : ''}`} value={to} autoFocus spellCheck={false} onChange={(e) => setTo(e.target.value)} data-testid="rename-input" />
              <span className={`field__hint${to !== name && problem !== undefined ? ' is-error' : ''}`}>{to !== name && problem !== undefined ? problem : 'Letters, digits, - and _.'}</span>
            </label>
            {failure !== null && <ErrorMessage failure={failure} />}
            <DialogButtons confirm={{ label: 'Rename', disabled: busy || problem !== undefined, testId: 'rename-confirm' }} />
          </form>
        </Dialog.Content>
      </Dialog.Portal>
    </Dialog.Root>
  );
}

export function DeleteDialog({ name, onClose }: Props) {
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState<Failure | null>(null);
  const confirm = async () => {
    setBusy(true);
    try {
      await deleteFunction(name);
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
        <Dialog.Content className="dialog" data-testid="delete-dialog">
          <Dialog.Title className="dialog__title">Delete {name}?</Dialog.Title>
          <Dialog.Description className="dialog__description">
            The folder <span className="mono">functions/{name}/</span> moves to the workspace's trash (<span className="mono">.studio/trash</span>), so it can be brought back by hand. Unsaved edits are lost.
          </Dialog.Description>
          {failure !== null && <ErrorMessage failure={failure} />}
          <DialogButtons focusClose confirm={{ label: 'Move to trash', tone: 'danger', disabled: busy, onClick: () => void confirm(), testId: 'delete-confirm' }} />
        </Dialog.Content>
      </Dialog.Portal>
    </Dialog.Root>
  );
}
