import type { ReactNode } from 'react';
import { useDraft } from './drafts.ts';

interface FieldProps {
  label: string;
  hint?: ReactNode;
  problems?: readonly string[];
  testId: string;
  readOnly?: boolean;
}

function Hint({ hint, problems }: { hint: ReactNode; problems: readonly string[] | undefined }) {
  if (problems !== undefined && problems.length > 0) {
    return (
      <span className="field__hint is-error" role="alert">
        {problems.join(' ')}
      </span>
    );
  }
  return hint === undefined ? null : <span className="field__hint">{hint}</span>;
}

/** One line of text (or a CEL expression), written on pause, blur or Enter; Escape puts it back. */
export function TextField({ label, hint, problems, testId, readOnly, value, onCommit, mono = false, placeholder }: FieldProps & { value: string; onCommit(text: string): void; mono?: boolean; placeholder?: string }) {
  const draft = useDraft(value, onCommit);
  return (
    <label className="field">
      <span className="field__label">{label}</span>
      <input
        className={`input${mono ? ' mono' : ''}${problems !== undefined && problems.length > 0 ? ' is-invalid' : ''}`}
        value={draft.text}
        readOnly={readOnly}
        spellCheck={false}
        placeholder={placeholder}
        onChange={(e) => draft.change(e.target.value)}
        onBlur={draft.flush}
        onKeyDown={(e) => {
          if (e.key === 'Enter') draft.flush();
          if (e.key === 'Escape') draft.reset();
        }}
        data-testid={testId}
      />
      <Hint hint={hint} problems={problems} />
    </label>
  );
}

/** A CEL expression or other longer text; several lines. */
export function AreaField({ label, hint, problems, testId, readOnly, value, onCommit, rows = 2, placeholder }: FieldProps & { value: string; onCommit(text: string): void; rows?: number; placeholder?: string }) {
  const draft = useDraft(value, onCommit);
  return (
    <label className="field">
      <span className="field__label">{label}</span>
      <textarea
        className={`input wf-area mono${problems !== undefined && problems.length > 0 ? ' is-invalid' : ''}`}
        rows={rows}
        value={draft.text}
        readOnly={readOnly}
        spellCheck={false}
        placeholder={placeholder}
        onChange={(e) => draft.change(e.target.value)}
        onBlur={draft.flush}
        data-testid={testId}
      />
      <Hint hint={hint} problems={problems} />
    </label>
  );
}

/** A whole number, or empty for "not set" when `optional`. */
export function NumberField({ label, hint, problems, testId, readOnly, value, onCommit, min, unit, optional = false }: FieldProps & { value: number | undefined; onCommit(value: number | undefined): void; min: number; unit?: string; optional?: boolean }) {
  const text = value === undefined ? '' : String(value);
  const parse = (raw: string): number | undefined | null => {
    if (raw.trim() === '') return optional ? undefined : null;
    const n = Number(raw);
    return Number.isInteger(n) && n >= min ? n : null;
  };
  const draft = useDraft(text, (raw) => {
    const n = parse(raw);
    if (n !== null) onCommit(n);
  });
  const invalid = parse(draft.text) === null;
  return (
    <label className="field">
      <span className="field__label">{label}</span>
      <span className="input-with-unit">
        <input
          className={`input mono${invalid || (problems?.length ?? 0) > 0 ? ' is-invalid' : ''}`}
          inputMode="numeric"
          value={draft.text}
          readOnly={readOnly}
          placeholder={optional ? 'not set' : undefined}
          onChange={(e) => draft.change(e.target.value)}
          onBlur={() => (invalid ? draft.reset() : draft.flush())}
          onKeyDown={(e) => e.key === 'Enter' && !invalid && draft.flush()}
          data-testid={testId}
        />
        {unit !== undefined && <span className="input-unit">{unit}</span>}
      </span>
      <Hint hint={invalid ? <span className="is-error">A whole number, at least {min}.</span> : hint} problems={problems} />
    </label>
  );
}
