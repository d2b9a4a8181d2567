import { create } from 'zustand';

/** Where the cursor is in the code editor, for the status bar. */
interface CursorState {
  line: number;
  column: number;
  language: string | null;
}

export const useCursor = create<CursorState>(() => ({ line: 1, column: 1, language: null }));
