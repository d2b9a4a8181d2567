import { Check, CircleAlert, LoaderCircle } from 'lucide-react';
import { shortcutLabel } from '../shell/shortcuts.ts';
import { useGraph } from './graph-store.ts';

/** Saved / Saving… / Unsaved (a dot) / Not saved (with why): edits save by themselves shortly after. */
export function SaveState({ onSave }: { onSave(): void }) {
  const save = useGraph((s) => s.save);
  const failure = useGraph((s) => s.saveFailure);
  const broken = useGraph((s) => s.broken !== null);
  if (broken) return <span className="wf-save wf-save--readonly">Read-only</span>;
  if (save === 'saved') {
    return (
      <span className="wf-save" data-testid="workflow-save-state" data-state="saved">
        <Check size={12} aria-hidden /> Saved
      </span>
    );
  }
  if (save === 'saving') {
    return (
      <span className="wf-save" data-testid="workflow-save-state" data-state="saving">
        <LoaderCircle size={12} aria-hidden className="wf-spin" /> Saving…
      </span>
    );
  }
  if (save === 'failed') {
    return (
      <button className="wf-save wf-save--failed" onClick={onSave} title={`${failure?.message ?? 'Not saved'} Click to try again.`} data-testid="workflow-save-state" data-state="failed">
        <CircleAlert size={12} aria-hidden /> Not saved — retry
      </button>
    );
  }
  return (
    <button className="wf-save wf-save--dirty" onClick={onSave} title={`Unsaved changes; they save by themselves in a moment, or now with ${shortcutLabel('save')}`} data-testid="workflow-save-state" data-state="pending">
      <span className="wf-save__dot" aria-hidden /> Unsaved
    </button>
  );
}
