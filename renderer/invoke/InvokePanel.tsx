import { Play } from 'lucide-react';
import { useEffect } from 'react';
import { useEditor } from '../editor/editor-store.ts';
import { ErrorMessage } from '../shell/ErrorMessage.tsx';
import { formatChord, isMac } from '../shell/shortcuts.ts';
import { Tip } from '../shell/Tip.tsx';
import { TargetChip } from '../targets/TargetChip.tsx';
import { DockerProgressLine } from './DockerProgressLine.tsx';
import { EventPicker } from './EventPicker.tsx';
import { InvokeOutput } from './InvokeOutput.tsx';
import { useInvoke } from './invoke-store.ts';
import { JsonEditor } from './JsonEditor.tsx';
import { TypeErrorsWarning } from './TypeErrorsWarning.tsx';

const INVOKE_CHORD = formatChord('Mod+Enter', typeof navigator !== 'undefined' && isMac(navigator.platform));

/** Saves the open function's unsaved files (and form) so the invoke runs what the user sees. */
async function saveOpenFunction(fn: string): Promise<boolean> {
  const editor = useEditor.getState();
  if (editor.fn !== fn) return true;
  for (const [path, isDirty] of Object.entries(editor.dirty)) {
    if (isDirty && !(await editor.saveFile(path))) return false;
  }
  if (editor.formDirty && editor.formSaver !== null) return editor.formSaver();
  return true;
}

export function runInvoke(fn: string): void {
  void useInvoke.getState().run(fn, () => saveOpenFunction(fn));
}

/** Beside the editor: an event, Invoke, and what came back, as the Lambda console's Test tab. */
export function InvokePanel({ fn }: { fn: string }) {
  const { eventText, running, problem } = useInvoke((s) => s.get(fn));
  const setEventText = useInvoke((s) => s.setEventText);
  useEffect(() => {
    void useInvoke.getState().loadEvents(fn);
  }, [fn]);

  return (
    <aside className="invoke-panel" data-testid="invoke-panel" aria-label="Invoke">
      <div className="invoke-panel__bar">
        <span className="invoke-panel__title">Event</span>
        <EventPicker fn={fn} />
        <span className="spacer" />
        <TargetChip compact />
        <Tip label="Invoke with this event" shortcut={INVOKE_CHORD}>
          <button className="button button--primary button--small" onClick={() => runInvoke(fn)} disabled={running} data-testid="invoke-run">
            <Play size={12} /> Invoke
          </button>
        </Tip>
      </div>
      <div className="invoke-panel__event">
        <JsonEditor key={fn} value={eventText} onChange={(text) => setEventText(fn, text)} onSubmit={() => runInvoke(fn)} label="Test event JSON" testId="event-editor" />
      </div>
      <TypeErrorsWarning />
      {running && <DockerProgressLine />}
      {problem !== null && <ErrorMessage failure={problem} testId="invoke-problem" />}
      <InvokeOutput fn={fn} />
    </aside>
  );
}
