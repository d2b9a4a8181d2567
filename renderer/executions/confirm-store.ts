import { create } from 'zustand';

/** A question put to the person before something that cannot be undone. */
export interface ConfirmRequest {
  title: string;
  body: string;
  confirmLabel: string;
  /** Red confirm button: the action fails or ends something. */
  danger?: boolean;
}

interface ConfirmState {
  open: (ConfirmRequest & { answer(yes: boolean): void }) | null;
}

/** The one question open at a time; `ConfirmHost` shows it. */
export const useConfirm = create<ConfirmState>(() => ({ open: null }));

/** Asks, and resolves with the answer (false when dismissed). A second question replaces the first, which counts as No. */
export function askConfirm(request: ConfirmRequest): Promise<boolean> {
  useConfirm.getState().open?.answer(false);
  return new Promise((resolve) => {
    const answer = (yes: boolean) => {
      if (useConfirm.getState().open?.answer === answer) useConfirm.setState({ open: null });
      resolve(yes);
    };
    useConfirm.setState({ open: { ...request, answer } });
  });
}
