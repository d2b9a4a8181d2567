import { useEffect, useRef } from 'react';
import { monaco } from '../monaco/setup.ts';

let nextId = 0;

interface Props {
  value: string;
  onChange: (text: string) => void;
  /** Ctrl/Cmd+Enter inside the editor. */
  onSubmit?: () => void;
  label: string;
  testId?: string;
}

/**
 * A small Monaco editor for a JSON document (an event, a callback result). It owns its own
 * model, so it never disturbs the code editor's tabs; the text lives in the caller's state.
 */
export function JsonEditor({ value, onChange, onSubmit, label, testId }: Props) {
  const host = useRef<HTMLDivElement>(null);
  const editorRef = useRef<monaco.editor.IStandaloneCodeEditor | null>(null);
  const handlers = useRef({ onChange, onSubmit });
  useEffect(() => {
    handlers.current = { onChange, onSubmit };
  });

  useEffect(() => {
    if (host.current === null) return;
    nextId += 1;
    const model = monaco.editor.createModel(value, 'json', monaco.Uri.parse(`inmemory://json-editor/${nextId}.json`));
    const editor = monaco.editor.create(host.current, {
      model,
      automaticLayout: true,
      fontSize: 12.5,
      lineHeight: 18,
      fontFamily: 'ui-monospace, "SF Mono", "Cascadia Code", Menlo, Consolas, "DejaVu Sans Mono", monospace',
      minimap: { enabled: false },
      lineNumbers: 'off',
      folding: true,
      glyphMargin: false,
      lineDecorationsWidth: 6,
      scrollBeyondLastLine: false,
      renderLineHighlight: 'none',
      fixedOverflowWidgets: true,
      tabSize: 2,
      editContext: false,
      ariaLabel: label,
      padding: { top: 4, bottom: 4 },
    });
    editor.addCommand(monaco.KeyMod.CtrlCmd | monaco.KeyCode.Enter, () => handlers.current.onSubmit?.());
    const change = model.onDidChangeContent(() => handlers.current.onChange(model.getValue()));
    editorRef.current = editor;
    return () => {
      change.dispose();
      editor.dispose();
      model.dispose();
      editorRef.current = null;
    };
    // The editor is created once; later values arrive through the effect below.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);

  useEffect(() => {
    const model = editorRef.current?.getModel();
    // Only text that came from outside (another saved event) replaces the model, so typing keeps undo.
    if (model != null && model.getValue() !== value) model.setValue(value);
  }, [value]);

  return <div ref={host} className="monaco-json" data-testid={testId} />;
}
