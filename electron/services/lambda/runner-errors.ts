import { SandboxNotReadyError } from '../runners/sandbox-errors.ts';
import { LambdaApiError } from './api-types.ts';

/** The Lambda API's answer to an error a runner throws, or undefined when it has none of its own. */
export function lambdaErrorOfRunner(error: unknown): LambdaApiError | undefined {
  if (error instanceof SandboxNotReadyError) return new LambdaApiError(502, 'ResourceNotReadyException', error.message);
  return undefined;
}
