import { StudioError } from '../../../shared/contract/errors.ts';
import type { Handlers } from './handler-table.ts';

type DebugLocallyArea = Pick<Handlers, 'executions.debugLocally'>;

/** Replaying a recorded execution on the local target. */
export function createDebugLocallyHandlers(): DebugLocallyArea {
  return {
    'executions.debugLocally': async () => {
      throw new StudioError('UNAVAILABLE', 'Debugging an execution locally is not available in this build.');
    },
  };
}
