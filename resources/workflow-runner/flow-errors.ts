import { type FlowError, WorkflowBlockError } from '../../shared/workflow/interpret.ts';

/**
 * Turning the SDK's errors back into what a workflow talks about: the error type a block
 * failed with, its message and data.
 */

interface DurableErrorLike {
  errorType: string;
  errorData?: unknown;
  cause?: unknown;
}

function isDurableError(error: unknown): error is Error & DurableErrorLike {
  return error instanceof Error && typeof (error as Partial<DurableErrorLike>).errorType === 'string';
}

/**
 * The most specific type an error carries. The SDK wraps a failure once per operation it
 * crosses (a step, an item's child context) and keeps the original type as the innermost
 * cause's name; a cause named plain `Error` is one the SDK made up and says nothing.
 */
export function errorTypeOf(error: unknown): string {
  if (!(error instanceof Error)) return 'Error';
  let node: Error = error;
  for (let depth = 0; depth < 10; depth++) {
    if (!isDurableError(node)) return node.name;
    const cause = node.cause;
    if (!(cause instanceof Error)) return node.errorType;
    if (!isDurableError(cause) && (cause.name === 'Error' || cause.name === '')) return node.errorType;
    node = cause;
  }
  return node.name;
}

/** Error data as the SDK keeps it (a JSON string), read back into a value. */
export function errorDataOf(error: unknown): unknown {
  const data = isDurableError(error) ? error.errorData : undefined;
  if (typeof data !== 'string') return data ?? undefined;
  try {
    return JSON.parse(data) as unknown;
  } catch {
    return data;
  }
}

/** What a failed Map item or Parallel branch hands to the interpreter. */
export function flowErrorOf(error: unknown, type = errorTypeOf(error)): FlowError {
  const data = errorDataOf(error);
  return { type, message: error instanceof Error ? error.message : String(error), ...(data === undefined ? {} : { data }) };
}

/** The failure of the block `blockId`, with a message that names it. */
export function blockError(blockId: string, error: unknown, type = errorTypeOf(error)): WorkflowBlockError {
  if (error instanceof WorkflowBlockError) return error;
  const { message, data } = flowErrorOf(error, type);
  const named = message.startsWith(`Block "${blockId}"`) ? message : `Block "${blockId}": ${message}`;
  return new WorkflowBlockError(blockId, type, named, data);
}
