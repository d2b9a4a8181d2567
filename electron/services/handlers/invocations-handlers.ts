import { StudioError } from '../../../shared/contract/errors.ts';
import type { InvocationRecorder } from '../invocations/invocation-recorder.ts';
import type { Handlers } from './handler-table.ts';

type InvocationsArea = Pick<Handlers, 'invocations.list' | 'invocations.get' | 'executions.invocations'>;

/** Every invocation of the local functions, whoever asked for it, and those of one durable execution. */
export function createInvocationsHandlers(recorder: InvocationRecorder | undefined): InvocationsArea {
  return {
    'invocations.list': async ({ functionName }) => recorder?.list(functionName) ?? [],
    'invocations.get': async ({ requestId }) => {
      const found = recorder?.get(requestId);
      if (found === undefined) throw new StudioError('NOT_FOUND', `No invocation ${requestId} is kept: the studio keeps the most recent ones of each function.`);
      return found;
    },
    'executions.invocations': async ({ arn }) => recorder?.ofExecution(arn) ?? [],
  };
}
