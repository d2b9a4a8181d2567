import { StudioError } from '../../../shared/contract/errors.ts';
import type { FunctionConfig } from '../../../shared/workspace/function-config.ts';
import { BuildError } from '../bundle/bundle-function.ts';
import type { FunctionDetail } from '../../../shared/contract/functions.ts';
import type { FunctionStore } from '../workspace/function-store.ts';
import type { FunctionSync } from './function-sync.ts';

/**
 * Brings a workspace function up to date in the local Lambda service (bundling its current
 * source) before something runs it, so it runs what is on disk. A broken function.json and a
 * build error are reported as the user's to fix, with the file and line of each build problem.
 */
export async function syncForRun(
  services: { functions: FunctionStore; sync: FunctionSync },
  functionName: string,
  /** The function as the caller has just read it, so it is not read again. */
  known?: FunctionDetail,
): Promise<FunctionConfig> {
  const detail = known ?? (await services.functions.get(functionName));
  if (detail.config === null) {
    throw new StudioError('INVALID_CONFIG', `${functionName} cannot run until its function.json is fixed.`, detail.configError);
  }
  try {
    await services.sync.sync(functionName);
  } catch (error) {
    if (error instanceof BuildError) {
      const details = error.problems.map((p) => `${p.file ?? ''}${p.line === undefined ? '' : `:${p.line}:${p.column ?? 0}`} ${p.text}`.trim()).join('\n');
      throw new StudioError('BAD_INPUT', error.message, details);
    }
    throw error;
  }
  return detail.config;
}
