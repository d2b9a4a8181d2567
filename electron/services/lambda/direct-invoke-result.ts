import type { InvocationResult } from '../runners/sandbox-types.ts';

/** A direct invocation's outcome, with every log line (the API's LogType Tail holds only 4 KB). */
export interface DirectInvokeResult extends InvocationResult {
  executedVersion: string;
  /** Set when the function is durable: the execution this invoke started or joined. */
  durableExecutionArn?: string;
}
