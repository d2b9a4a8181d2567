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

/** Which role the function runs as: its current one, one of the account's, a new one, or an ARN typed in. */
export function RolePicker({ target, deployed, choice, problem, onChange }: Props) {
  const { roles, loading, failure } = useExecutionRoles(target);
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
      {radio('existing', 'Use an existing role', loading ? 'Listing the account’s roles…' : `${roles.length} roles Lambda may assume in this account.`, {
        kind: 'existing',
        arn: choice.kind === 'existing' ? choice.arn : (roles[0]?.arn ?? ''),
      })}
      {choice.kind === 'existing' && (
        <select className="input mono role-picker__input" value={choice.arn} onChange={(e) => onChange({ kind: 'existing', arn: e.target.value })} disabled={roles.length === 0} data-testid="deploy-role-select">
          {roles.length === 0 && <option value="">{loading ? 'Loading…' : 'No role Lambda may assume'}</option>}
          {roles.map((r) => (
            <option key={r.arn} value={r.arn} title={r.description}>
              {roleName(r.arn)}
            </option>
          ))}
        </select>
      )}
      {choice.kind === 'existing' && failure !== null && <span className="field__hint is-error">{failure.message}</span>}
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
