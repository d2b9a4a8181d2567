/** What a batch's answer means for its messages. */
export type BatchVerdict =
  | { kind: 'succeeded' }
  /** Only these messages failed; the others succeeded. */
  | { kind: 'partial'; failed: string[] }
  | { kind: 'failed'; error: string };

/**
 * Reads a handler's answer to an SQS batch as Lambda reads it with ReportBatchItemFailures on:
 * no answer, `null`, `{}`, or an empty or null `batchItemFailures` is a success for the whole
 * batch; a list of `{itemIdentifier}` naming messages of the batch fails just those; an answer
 * that is not JSON, or an item whose identifier is missing, empty or not in the batch, fails the
 * whole batch. With the setting off, any answer is a success, as on AWS.
 */
export function readBatchResponse(payload: string, batchIds: readonly string[], reportBatchItemFailures: boolean): BatchVerdict {
  if (!reportBatchItemFailures) return { kind: 'succeeded' };
  const text = payload.trim();
  if (text === '') return { kind: 'succeeded' };
  let answer: unknown;
  try {
    answer = JSON.parse(text);
  } catch {
    return { kind: 'failed', error: 'The answer is not JSON, so the batch item failures cannot be read (the whole batch failed).' };
  }
  if (answer === null || typeof answer !== 'object' || Array.isArray(answer)) return { kind: 'succeeded' };
  const failures = (answer as { batchItemFailures?: unknown }).batchItemFailures;
  if (failures === undefined || failures === null) return { kind: 'succeeded' };
  if (!Array.isArray(failures)) return { kind: 'failed', error: 'batchItemFailures is not a list (the whole batch failed).' };
  if (failures.length === 0) return { kind: 'succeeded' };
  const known = new Set(batchIds);
  const failed: string[] = [];
  for (const item of failures as unknown[]) {
    const id = typeof item === 'object' && item !== null ? (item as { itemIdentifier?: unknown }).itemIdentifier : undefined;
    if (typeof id !== 'string' || id === '') return { kind: 'failed', error: 'A batch item failure has no itemIdentifier (the whole batch failed).' };
    if (!known.has(id)) return { kind: 'failed', error: `The batch item failure ${id} names no message of the batch (the whole batch failed).` };
    if (!failed.includes(id)) failed.push(id);
  }
  return { kind: 'partial', failed };
}
