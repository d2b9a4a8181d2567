import type { monaco } from '../monaco/setup.ts';

// The one code editor, owned by CodeEditor; others (Problems, commands) only ask it to move.
let instance: monaco.editor.IStandaloneCodeEditor | null = null;
let pendingReveal: { uri: string; line: number; column: number } | null = null;

export function setEditorInstance(editor: monaco.editor.IStandaloneCodeEditor | null): void {
  instance = editor;
}

/** Puts the cursor at a position once the model with this URI is shown. */
export function revealWhenShown(uri: string, line: number, column: number): void {
  pendingReveal = { uri, line, column };
  applyPendingReveal();
}

/** Called by CodeEditor after it switched models. */
export function applyPendingReveal(): void {
  if (instance === null || pendingReveal === null) return;
  if (instance.getModel()?.uri.toString() !== pendingReveal.uri) return;
  const position = { lineNumber: pendingReveal.line, column: pendingReveal.column };
  pendingReveal = null;
  instance.setPosition(position);
  instance.revealPositionInCenterIfOutsideViewport(position);
  instance.focus();
}
