import * as Dialog from '@radix-ui/react-dialog';
import type { ReactNode } from 'react';

/** The button that does what the dialog is for. */
export interface DialogConfirm {
  label: ReactNode;
  /** `danger` for what cannot be taken back (trash, failing a callback). */
  tone?: 'primary' | 'danger';
  /** Without a handler the button submits the dialog's form, so Enter in a field does the same. */
  onClick?: () => void;
  disabled?: boolean;
  testId?: string;
}

interface DialogButtonsProps {
  /** `Cancel` when the dialog would do something, `Close` when it only shows something. */
  closeLabel?: string;
  closeDisabled?: boolean;
  /** Focus the closing button first: a destructive answer is never one Enter away. */
  focusClose?: boolean;
  closeTestId?: string;
  confirm?: DialogConfirm;
  /** Buttons shown before the closing one (a step back). */
  children?: ReactNode;
}

/** The row of buttons at the foot of a dialog: any extras, the closing button, then the confirming one. */
export function DialogButtons({ closeLabel = 'Cancel', closeDisabled, focusClose, closeTestId, confirm, children }: DialogButtonsProps) {
  return (
    <div className="dialog__buttons">
      {children}
      <Dialog.Close asChild>
        <button type="button" className="button" disabled={closeDisabled} autoFocus={focusClose} data-testid={closeTestId}>
          {closeLabel}
        </button>
      </Dialog.Close>
      {confirm !== undefined && (
        <button
          type={confirm.onClick === undefined ? 'submit' : 'button'}
          className={`button ${confirm.tone === 'danger' ? 'button--danger' : 'button--primary'}`}
          disabled={confirm.disabled}
          onClick={confirm.onClick}
          data-testid={confirm.testId}
        >
          {confirm.label}
        </button>
      )}
    </div>
  );
}
