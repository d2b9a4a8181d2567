import { Fragment } from 'react';
import { useEditor } from '../editor/editor-store.ts';
import { revealWhenShown } from '../editor/editor-instance.ts';
import { modelUri } from '../editor/models.ts';
import { useWorkspace } from '../functions/workspace-store.ts';
import { useUi } from '../shell/ui-store.ts';
import { readStack } from './stack-frames.ts';

async function openSource(fn: string, file: string, line: number, column: number): Promise<void> {
  useUi.getState().setView('functions');
  const editor = useEditor.getState();
  if (editor.fn !== fn) await editor.open(fn, file);
  else editor.setActive(file);
  revealWhenShown(modelUri(fn, file), line, column);
}

/** A handler's stack: its own frames, each a link to the place in its source; the studio's frames left out. */
export function StackTrace({ lines, fn, className }: { lines: readonly string[]; fn?: string; className?: string }) {
  const workspace = useWorkspace((s) => s.info?.workspace);
  return (
    <pre className={className} data-testid="stack-trace">
      {readStack(lines, workspace, fn).map((line, index) => (
        <Fragment key={index}>
          {index > 0 && '\n'}
          {line.kind === 'text' ? (
            line.text
          ) : (
            <>
              {line.before}
              <button type="button" className="stack-link" onClick={() => void openSource(line.fn, line.file, line.line, line.column)} title={`Open ${line.fn}/${line.file} at line ${line.line}`}>
                {`${line.file}:${line.line}:${line.column}`}
              </button>
              {line.after}
            </>
          )}
        </Fragment>
      ))}
    </pre>
  );
}
