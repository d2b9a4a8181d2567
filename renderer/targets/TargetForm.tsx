import { useState } from 'react';
import type { Target } from '../../shared/contract/targets.ts';
import { toFailure, type Failure } from '../lib/errors.ts';
import { ErrorMessage } from '../shell/ErrorMessage.tsx';
import { useTargets } from './target-store.ts';
import { checkDraft, draftOf, EMPTY_DRAFT, type TargetDraft } from './target-model.ts';

interface Props {
  /** The target being edited, or undefined to add one. */
  editing?: Target | undefined;
  onDone(saved: Target | null): void;
}

const HINTS: Record<keyof TargetDraft, string> = {
  name: 'How the studio calls it: letters, digits, ., - and _.',
  profile: 'A profile of ~/.aws/config or ~/.aws/credentials. The studio reads its credentials; it never stores them.',
  region: 'Where the functions live, e.g. eu-west-1.',
  endpoint: 'Optional: another endpoint than AWS’s own (LocalStack, a test service).',
};

/** Adds or edits an AWS target: a name, a profile and a region; no secrets ever. */
export function TargetForm({ editing, onDone }: Props) {
  const [draft, setDraft] = useState<TargetDraft>(editing === undefined ? EMPTY_DRAFT : draftOf(editing));
  const [touched, setTouched] = useState(false);
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState<Failure | null>(null);
  const check = checkDraft(draft);
  const problems = touched && !check.ok ? check.problems : {};

  const submit = async (event: React.FormEvent) => {
    event.preventDefault();
    setTouched(true);
    if (!check.ok) return;
    setBusy(true);
    setFailure(null);
    try {
      const saved = await useTargets.getState().save(check.input, editing?.id);
      onDone(saved);
    } catch (error) {
      setFailure(toFailure(error, 'The target was not saved'));
      setBusy(false);
    }
  };

  const field = (key: keyof TargetDraft, label: string, placeholder: string) => (
    <label className="field">
      <span className="field__label">{label}</span>
      <input
        className={`input mono${problems[key] === undefined ? '' : ' is-invalid'}`}
        value={draft[key]}
        placeholder={placeholder}
        spellCheck={false}
        autoFocus={key === 'name'}
        onChange={(e) => setDraft({ ...draft, [key]: e.target.value })}
        onBlur={() => draft[key] !== '' && setTouched(true)}
        data-testid={`target-${key}`}
      />
      <span className={`field__hint${problems[key] === undefined ? '' : ' is-error'}`}>{problems[key] ?? HINTS[key]}</span>
    </label>
  );

  return (
    <form className="target-form" onSubmit={(e) => void submit(e)} data-testid="target-form">
      <h4 className="target-form__title">{editing === undefined ? 'New AWS target' : `Edit ${editing.name}`}</h4>
      <div className="form-grid">
        {field('name', 'Name', 'prod')}
        {field('profile', 'AWS profile', 'default')}
        {field('region', 'Region', 'us-east-1')}
        {field('endpoint', 'Endpoint URL', 'https://lambda.us-east-1.amazonaws.com')}
      </div>
      {failure !== null && <ErrorMessage failure={failure} testId="target-save-failure" />}
      <div className="form-actions" style={{ marginTop: 12 }}>
        <button type="submit" className="button button--primary button--small" disabled={busy} data-testid="target-save">
          {editing === undefined ? 'Add target' : 'Save target'}
        </button>
        <button type="button" className="button button--small" onClick={() => onDone(null)} data-testid="target-cancel">
          Cancel
        </button>
      </div>
    </form>
  );
}
