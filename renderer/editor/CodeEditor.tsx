import { useEffect, useRef } from 'react';
import { monaco } from '../monaco/setup.ts';
import { shortcutActions } from '../shell/actions.ts';
import { useCursor } from './cursor-store.ts';
import { applyPendingReveal, setEditorInstance } from './editor-instance.ts';
import { getModel } from './models.ts';

const viewStates = new Map<string, monaco.editor.ICodeEditorViewState | null>();

/**
 * The one Monaco editor. It is created once and driven imperatively: React only tells it
 * which model (by URI) to show; text, undo and cursor live in Monaco.
 */
export function CodeEditor({ uri, hidden }: { uri: string | null; hidden: boolean }) {
  const host = useRef<HTMLDivElement>(null);
  const editorRef = useRef<monaco.editor.IStandaloneCodeEditor | null>(null);

  useEffect(() => {
    if (host.current === null) return;
    const editor = monaco.editor.create(host.current, {
      model: null,
      automaticLayout: true,
      fontSize: 13,
      lineHeight: 19,
      fontFamily: 'ui-monospace, "SF Mono", "Cascadia Code", Menlo, Consolas, "DejaVu Sans Mono", monospace',
      minimap: { enabled: false },
      stickyScroll: { enabled: false },
      scrollBeyondLastLine: false,
      tabSize: 2,
      renderLineHighlight: 'line',
      fixedOverflowWidgets: true,
      // Native EditContext drops spaces typed by automation; the textarea path is stable.
      editContext: false,
      padding: { top: 6 },
    });
    const { KeyMod, KeyCode } = monaco;
    // Monaco keeps keys it handles from reaching the page, so the studio's shortcuts are bound here too.
    editor.addCommand(KeyMod.CtrlCmd | KeyCode.KeyS, shortcutActions.save);
    editor.addCommand(KeyMod.CtrlCmd | KeyCode.KeyK, shortcutActions.palette);
    editor.addCommand(KeyMod.CtrlCmd | KeyCode.KeyJ, shortcutActions.togglePanel);
    editor.addCommand(KeyMod.CtrlCmd | KeyCode.KeyN, shortcutActions.newFunction);
    editor.addCommand(KeyMod.CtrlCmd | KeyMod.Shift | KeyCode.KeyP, shortcutActions.palette);
    editor.addCommand(KeyMod.CtrlCmd | KeyCode.KeyB, shortcutActions.toggleSidebar);
    // Runs what is on screen, as the Invoke panel's own Ctrl/Cmd+Enter does.
    editor.addCommand(KeyMod.CtrlCmd | KeyCode.Enter, shortcutActions.invoke);
    const cursor = editor.onDidChangeCursorPosition((event) => useCursor.setState({ line: event.position.lineNumber, column: event.position.column }));
    const model = editor.onDidChangeModel(() => useCursor.setState({ language: editor.getModel()?.getLanguageId() ?? null }));
    editorRef.current = editor;
    setEditorInstance(editor);
    return () => {
      setEditorInstance(null);
      cursor.dispose();
      model.dispose();
      useCursor.setState({ language: null });
      editor.setModel(null);
      editor.dispose();
      editorRef.current = null;
    };
  }, []);

  useEffect(() => {
    const editor = editorRef.current;
    if (editor === null) return;
    const previous = editor.getModel();
    if (previous !== null) viewStates.set(previous.uri.toString(), editor.saveViewState());
    const model = uri === null ? null : getModel(uri);
    if (model === previous) return;
    editor.setModel(model);
    if (model !== null) {
      const state = viewStates.get(model.uri.toString());
      if (state) editor.restoreViewState(state);
      applyPendingReveal();
    }
    // Neither a new model nor a restored view state reports its cursor: the status bar reads it here.
    const position = editor.getPosition();
    if (position !== null) useCursor.setState({ line: position.lineNumber, column: position.column });
  }, [uri]);

  useEffect(() => {
    if (!hidden) applyPendingReveal();
  }, [hidden]);

  return <div ref={host} className="code-editor" hidden={hidden} data-testid="code-editor" />;
}
