import { StudioError } from '../../../shared/contract/errors.ts';
import type { DeployError, DeployProgress, DeployStep } from '../../../shared/contract/targets.ts';

/** The alias a deploy moves to each new version, and that invokes on AWS go through by default. */
export const LIVE_ALIAS = 'live';

/** What to do when a step fails, beyond the plain words of the error itself. */
const ADVICE: Record<DeployStep, string> = {
  bundle: 'Fix the handler source (the Functions view shows the problem), then deploy again.',
  role: 'Pick an existing execution role, or ask for iam:CreateRole, iam:AttachRolePolicy and iam:PutRolePolicy permissions.',
  create: 'Check the function settings and the execution role (Lambda must be allowed to assume it), then deploy again.',
  'update-code': 'Deploy again once the function has finished its previous update; check lambda:UpdateFunctionCode permission.',
  'update-config': 'Check the function settings (memory, timeout, environment, runtime) and lambda:UpdateFunctionConfiguration permission.',
  wait: 'The function did not become ready; open it in the AWS console to see its state reason, then deploy again.',
  publish: 'Check lambda:PublishVersion permission, then deploy again; the code is already uploaded.',
  alias: 'Check lambda:CreateAlias and lambda:UpdateAlias permissions, then deploy again; the version is already published.',
};

/** The words a failed step reports: the error's message (already plain) and the step's advice. */
export function deployErrorOf(step: DeployStep, error: unknown): DeployError {
  const message = error instanceof Error ? error.message : String(error);
  const details = error instanceof StudioError && error.details !== undefined ? ` ${error.details}.` : '';
  return { message: `${message}${details}`, advice: ADVICE[step] };
}

/**
 * Runs a deploy's steps in order, announcing each as running, done or failed. A failure stops the
 * deploy with a StudioError that carries the step's advice, so callers without the events (the CLI)
 * still get the whole story.
 */
export function createStepRunner(base: Omit<DeployProgress, 'step' | 'status' | 'message' | 'error'>, emit: (progress: DeployProgress) => void) {
  return async function step<T>(name: DeployStep, message: string, work: () => Promise<T>): Promise<T> {
    emit({ ...base, step: name, status: 'running', message });
    try {
      const result = await work();
      emit({ ...base, step: name, status: 'done', message });
      return result;
    } catch (error) {
      const failure = deployErrorOf(name, error);
      emit({ ...base, step: name, status: 'failed', message, error: failure });
      const code = error instanceof StudioError ? error.code : 'BAD_INPUT';
      throw new StudioError(code, `Deploying ${base.functionName} to ${base.target} failed at "${name}": ${failure.message}`, failure.advice);
    }
  };
}
