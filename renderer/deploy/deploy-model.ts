import { DeployRole, type DeployedFunctionStatus, type DeployError, type DeployProgress, type DeployStep } from '../../shared/contract/targets.ts';

/** Each step of a deploy as the person reads it. */
export const STEP_LABELS: Record<DeployStep, string> = {
  bundle: 'Bundle the code',
  role: 'Execution role',
  create: 'Create the function',
  'update-code': 'Upload the code',
  'update-config': 'Update the settings',
  wait: 'Wait until the function is ready',
  publish: 'Publish a version',
  alias: 'Point alias live at it',
};

export interface StepRow {
  step: DeployStep;
  status: DeployProgress['status'];
  message?: string;
  error?: DeployError;
}

/** Folds one `deploy.progress` event into the rows: a step shows once, in the order it started, with its latest state. */
export function applyProgress(rows: readonly StepRow[], event: DeployProgress): StepRow[] {
  const row: StepRow = {
    step: event.step,
    status: event.status,
    ...(event.message === undefined ? {} : { message: event.message }),
    ...(event.error === undefined ? {} : { error: event.error }),
  };
  const index = rows.findIndex((r) => r.step === event.step);
  if (index === -1) return [...rows, row];
  // A later "done" keeps the message the step started with when it brings none.
  const merged = { ...rows[index], ...row };
  return rows.map((r, i) => (i === index ? merged : r));
}

/** The role the person chose in the deploy dialog. */
export type RoleChoice = { kind: 'keep' } | { kind: 'existing'; arn: string } | { kind: 'create' } | { kind: 'paste'; arn: string };

export type RoleCheck = { ok: true; role: DeployRole | undefined } | { ok: false; problem: string };

/** The `role` a deploy sends, or why the choice is not one yet. */
export function roleOf(choice: RoleChoice): RoleCheck {
  if (choice.kind === 'keep') return { ok: true, role: undefined };
  if (choice.kind === 'create') return { ok: true, role: { create: true } };
  const arn = choice.arn.trim();
  if (arn === '') return { ok: false, problem: choice.kind === 'existing' ? 'Choose a role.' : 'Paste the role’s ARN.' };
  const parsed = DeployRole.safeParse({ arn });
  return parsed.success ? { ok: true, role: parsed.data } : { ok: false, problem: 'An IAM role ARN looks like arn:aws:iam::123456789012:role/my-role.' };
}

/** The first choice offered: keep the role of a deployed function, else have one made. */
export function defaultRoleChoice(deployed: boolean): RoleChoice {
  return deployed ? { kind: 'keep' } : { kind: 'create' };
}

/** What one target's status says at a glance: the live version, or why there is none. */
export function statusLine(status: DeployedFunctionStatus): string {
  if (status.problem !== undefined) return 'Could not ask';
  if (!status.deployed) return 'Not deployed';
  const live = status.liveVersion === undefined ? 'no live alias' : `live → v${status.liveVersion}`;
  return status.version === undefined ? live : `v${status.version} · ${live}`;
}

/** The role name of an ARN, for the role list (`arn:…:role/service-role/x` → `service-role/x`). */
export function roleName(arn: string): string {
  return arn.split(':role/')[1] ?? arn;
}
