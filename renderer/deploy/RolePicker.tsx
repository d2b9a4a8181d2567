import { useCallback, useEffect } from 'react';
import type { RoleChoice } from './deploy-model.ts';
import { roleName } from './deploy-model.ts';
import { useExecutionRoles } from './useExecutionRoles.ts';

interface Props {
  target: string;
  deployed: boolean;
  choice: RoleChoice;
  problem: string | undefined;
  onChange(choice: RoleChoice): void;
}

/** The account's roles, asked only once the person wants one: a target without IAM (a test endpoint) never sees the call otherwise. */
function RoleSelect({ target, arn, onChange }: { target: string; arn: string; onChange(arn: string): void }) {
  const { roles, loading, failure } = useExecutionRoles(target);
  const first = roles[0]?.arn;
  // The list arrives after the choice: the first role stands chosen until the person picks another.
  useEffect(() => {
    if (arn === '' && first !== undefined) onChange(first);
  }, [arn, first, onChange]);
  return (
    <>
      <select className="input mono role-picker__input" value={arn} onChange={(e) => onChange(e.target.value)} disabled={roles.length === 0} data-testid="deploy-role-select">
        {roles.length === 0 && <option value="">{loading ? 'Listing the account’s roles…' : 'No role Lambda may assume'}</option>}
        {roles.map((r) => (
          <option key={r.arn} value={r.arn} title={r.description}>
            {roleName(r.arn)}
          </option>
        ))}
      </select>
      {failure !== null && (
        <span className="field__hint is-error role-picker__note" data-testid="deploy-roles-failure">
          {failure.message}
        </span>
      )}
    </>
  );
}

/** Which role the function runs as: its current one, one of the account's, a new one, or an ARN typed in. */
export function RolePicker({ target, deployed, choice, problem, onChange }: Props) {
  const pickExisting = useCallback((arn: string) => onChange({ kind: 'existing', arn }), [onChange]);
  const radio = (kind: RoleChoice['kind'], label: string, hint: string, next: RoleChoice) => (
    <label className="role-option">
      <input type="radio" name="deploy-role" checked={choice.kind === kind} onChange={() => onChange(next)} data-testid={`deploy-role-${kind}`} />
      <span>
        <span className="role-option__label">{label}</span>
        <span className="field__hint">{hint}</span>
      </span>
    </label>
  );
  return (
    <fieldset className="field role-picker" data-testid="deploy-role">
      <legend className="field__label">Execution role</legend>
      {deployed && radio('keep', 'Keep its current role', 'The function on AWS keeps the role it runs as now.', { kind: 'keep' })}
      {radio('create', 'Create one for me', 'A role named after the function, with the basic execution and durable checkpoint permissions.', { kind: 'create' })}
      {radio('existing', 'Use an existing role', 'One of the roles Lambda may assume in this account.', { kind: 'existing', arn: choice.kind === 'existing' ? choice.arn : '' })}
      {choice.kind === 'existing' && <RoleSelect target={target} arn={choice.arn} onChange={pickExisting} />}
      {radio('paste', 'Paste a role ARN', 'A role of this account, e.g. one your infrastructure code made.', { kind: 'paste', arn: choice.kind === 'paste' ? choice.arn : '' })}
      {choice.kind === 'paste' && (
        <input
          className={`input mono role-picker__input${problem === undefined ? '' : ' is-invalid'}`}
          value={choice.arn}
          placeholder="arn:aws:iam::123456789012:role/my-role"
          spellCheck={false}
          autoFocus
          onChange={(e) => onChange({ kind: 'paste', arn: e.target.value })}
          data-testid="deploy-role-arn"
        />
      )}
      {problem !== undefined && choice.kind !== 'keep' && choice.kind !== 'create' && <span className="field__hint is-error">{problem}</span>}
    </fieldset>
  );
}
