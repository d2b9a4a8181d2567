import * as Dialog from '@radix-ui/react-dialog';
import { useConfirm } from './confirm-store.ts';

/** Shows the question `askConfirm` put; Escape and Cancel answer No. */
export function ConfirmHost() {
  const open = useConfirm((s) => s.open);
  if (open === null) return null;
  return (
    <Dialog.Root open onOpenChange={(still) => !still && open.answer(false)}>
      <Dialog.Portal>
        <Dialog.Overlay className="dialog-overlay" />
        <Dialog.Content className="dialog" data-testid="confirm-dialog">
          <Dialog.Title className="dialog__title">{open.title}</Dialog.Title>
          <Dialog.Description className="dialog__description">{open.body}</Dialog.Description>
          <div className="dialog__buttons">
            {/* A destructive answer is never one Enter away. */}
            <button type="button" className="button" autoFocus={open.danger === true} onClick={() => open.answer(false)} data-testid="confirm-cancel">
              Cancel
            </button>
            <button type="button" className={`button ${open.danger === true ? 'button--danger' : 'button--primary'}`} autoFocus={open.danger !== true} onClick={() => open.answer(true)} data-testid="confirm-ok">
              {open.confirmLabel}
            </button>
          </div>
        </Dialog.Content>
      </Dialog.Portal>
    </Dialog.Root>
  );
}
