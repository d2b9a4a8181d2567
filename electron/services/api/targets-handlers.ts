import { LOCAL_TARGET_ID, StudioError, type Target } from '../../../shared/contract/index.ts';
import type { Handlers } from './handler-table.ts';

type TargetsArea = Pick<
  Handlers,
  'targets.list' | 'targets.save' | 'targets.remove' | 'targets.test' | 'deploy.function' | 'deploy.status' | 'iam.roles'
>;

/** The local service as a target: always present, never stored. */
export function localTarget(region: string): Target {
  return { id: LOCAL_TARGET_ID, kind: 'local', name: 'Local', region };
}

/** The targets area: lists the local target; AWS targets follow. */
export function createTargetsHandlers(deps: { region: () => string }): TargetsArea {
  const notYet = async (): Promise<never> => {
    throw new StudioError('UNAVAILABLE', 'AWS targets are not available in this build yet.');
  };
  return {
    'targets.list': async () => [localTarget(deps.region())],
    'targets.save': notYet,
    'targets.remove': notYet,
    'targets.test': async ({ id }) =>
      id === LOCAL_TARGET_ID ? { ok: true } : { ok: false, problem: { kind: 'other', message: `There is no target named "${id}".` } },
    'deploy.function': notYet,
    'deploy.status': notYet,
    'iam.roles': notYet,
  };
}
