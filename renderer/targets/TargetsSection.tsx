import { Cloud, Pencil, Plug, Plus, Server, Trash2 } from 'lucide-react';
import { useEffect, useState } from 'react';
import type { Target } from '../../shared/contract/targets.ts';
import { toFailure } from '../lib/errors.ts';
import { ErrorMessage } from '../shell/ErrorMessage.tsx';
import { useUi } from '../shell/ui-store.ts';
import { TargetForm } from './TargetForm.tsx';
import { useTargets } from './target-store.ts';
import { targetWhere } from './target-model.ts';
import { TestOutcome } from './TestOutcome.tsx';
import './targets.css';

type Editing = { kind: 'add' } | { kind: 'edit'; target: Target } | null;

function TargetRow({ target, onEdit }: { target: Target; onEdit(): void }) {
  const test = useTargets((s) => s.tests[target.id]);
  const [confirming, setConfirming] = useState(false);
  const local = target.kind === 'local';
  const remove = () => {
    useTargets
      .getState()
      .remove(target.id)
      .catch((error: unknown) => useUi.getState().notify(toFailure(error, `Could not remove ${target.name}`)));
  };
  return (
    <li className="target-row" data-testid="target-row" data-target={target.id}>
      {local ? <Server size={14} aria-hidden /> : <Cloud size={14} aria-hidden />}
      <span className="target-row__name">{target.name}</span>
      <span className={`target-row__where${local ? '' : ' mono'}`}>{targetWhere(target)}</span>
      <span className="target-row__actions">
        {confirming ? (
          <span className="target-confirm">
            Remove {target.name}? Nothing in AWS changes.
            <button className="button button--small button--danger" onClick={remove} data-testid="target-remove-confirm">
              Remove
            </button>
            <button className="button button--small" onClick={() => setConfirming(false)}>
              Keep
            </button>
          </span>
        ) : (
          <>
            <button className="button button--small" onClick={() => void useTargets.getState().test(target.id)} disabled={test?.running === true} data-testid="target-test">
              <Plug size={12} /> Test connection
            </button>
            {!local && (
              <>
                <button className="icon-button" onClick={onEdit} aria-label={`Edit ${target.name}`} title="Edit" data-testid="target-edit">
                  <Pencil size={13} />
                </button>
                <button className="icon-button" onClick={() => setConfirming(true)} aria-label={`Remove ${target.name}`} title="Remove" data-testid="target-remove">
                  <Trash2 size={13} />
                </button>
              </>
            )}
          </>
        )}
      </span>
      {test !== undefined && (
        <div className="target-row__result">
          <TestOutcome target={target} state={test} />
        </div>
      )}
    </li>
  );
}

/** Settings > Targets: the local service and the AWS accounts the studio can work on. */
export function TargetsSection() {
  const targets = useTargets((s) => s.targets);
  const failure = useTargets((s) => s.failure);
  const [editing, setEditing] = useState<Editing>(null);
  useEffect(() => {
    void useTargets.getState().load();
  }, []);
  const done = (saved: Target | null) => {
    setEditing(null);
    if (saved !== null) void useTargets.getState().test(saved.id);
  };
  return (
    <section className="form-section" data-testid="settings-targets">
      <h3 className="form-section__title">Targets</h3>
      {failure !== null && <ErrorMessage failure={failure} />}
      <ul className="target-list" data-testid="target-list">
        {targets.map((t) =>
          editing?.kind === 'edit' && editing.target.id === t.id ? (
            <li key={t.id} className="target-row" style={{ display: 'block' }}>
              <TargetForm editing={t} onDone={done} />
            </li>
          ) : (
            <TargetRow key={t.id} target={t} onEdit={() => setEditing({ kind: 'edit', target: t })} />
          ),
        )}
      </ul>
      {editing?.kind === 'add' ? (
        <TargetForm onDone={done} />
      ) : (
        <button className="button button--small" onClick={() => setEditing({ kind: 'add' })} data-testid="target-add">
          <Plus size={13} /> Add AWS target
        </button>
      )}
      <p className="field__hint">
        An AWS target is a profile of your AWS config and a region. Pick it in the status bar and Executions, Approvals and Invoke work on that account; Deploy
        sends the open function there. Credentials stay in your AWS files: the studio asks the AWS SDK for them, never you.
      </p>
    </section>
  );
}
