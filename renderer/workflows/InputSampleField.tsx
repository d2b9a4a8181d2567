import { useState } from 'react';
import type { BlockOf } from '../../shared/workflow/schema.ts';
import { checkEventText } from '../invoke/event-text.ts';
import { patchBlock } from './block-edit.ts';

function sampleText(sample: unknown): string {
  return sample === undefined ? '' : JSON.stringify(sample, null, 2);
}

/** The event Run sends: JSON, checked as it is typed and written only once it parses. */
export function InputSampleField({ block, readOnly }: { block: BlockOf<'input'>; readOnly: boolean }) {
  const saved = sampleText(block.sample);
  const [draft, setDraft] = useState<{ base: string; text: string } | null>(null);
  // A draft typed against an older sample (undo, a change on disk) gives way to the new one.
  const text = draft !== null && draft.base === saved ? draft.text : saved;
  const check = checkEventText(text);
  const commit = () => {
    if (draft === null || !check.ok) return;
    const value = text.trim() === '' ? undefined : (JSON.parse(check.payload) as unknown);
    patchBlock(block.id, 'input', (b) => {
      const { sample: _old, ...rest } = b;
      return value === undefined ? rest : { ...rest, sample: value };
    });
    setDraft(null);
  };
  return (
    <label className="field">
      <span className="field__label">Sample event (JSON)</span>
      <textarea
        className={`input wf-area wf-area--tall mono${check.ok ? '' : ' is-invalid'}`}
        value={text}
        rows={8}
        readOnly={readOnly}
        spellCheck={false}
        onChange={(e) => setDraft({ base: saved, text: e.target.value })}
        onBlur={commit}
        data-testid="inspector-sample"
      />
      <span className={`field__hint${check.ok ? '' : ' is-error'}`} data-testid="inspector-sample-hint">
        {check.ok ? 'Run sends this; the run’s blocks read it as input.' : check.message}
      </span>
    </label>
  );
}
