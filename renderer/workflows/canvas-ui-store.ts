import { create } from 'zustand';

interface CanvasUiState {
  /** The container a palette block would be dropped into, highlighted while dragging. */
  dropTarget: string | null;
  /** Why the last connection was refused, shown for a moment. */
  hint: string | null;
  /** A block to bring into view (from the Problems panel); the counter makes repeats count. */
  focus: { id: string; n: number } | null;
  setDropTarget(id: string | null): void;
  showHint(hint: string | null): void;
  focusBlock(id: string): void;
}

let hintTimer: ReturnType<typeof setTimeout> | undefined;

export const useCanvasUi = create<CanvasUiState>((set, get) => ({
  dropTarget: null,
  hint: null,
  focus: null,
  setDropTarget: (dropTarget) => {
    if (get().dropTarget !== dropTarget) set({ dropTarget });
  },
  showHint: (hint) => {
    clearTimeout(hintTimer);
    set({ hint });
    if (hint !== null) hintTimer = setTimeout(() => set({ hint: null }), 4000);
  },
  focusBlock: (id) => set({ focus: { id, n: (get().focus?.n ?? 0) + 1 } }),
}));
