import { HistoryEvent } from '../contract/executions.ts';

/** An execution history read from a file, ready for the same timeline as a live one. */
export interface HistoryFile {
  events: HistoryEvent[];
}

export class HistoryFileError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'HistoryFileError';
  }
}

/**
 * Reads an exported history: GetDurableExecutionHistory's response (`{"Events": [...]}`, from
 * this studio, the AWS CLI or an SDK), or a bare array of its events (as the official local
 * test runner returns them). Timestamps may be epoch seconds or ISO text. Anything else is
 * refused with a sentence saying what was expected.
 */
export function parseHistoryFile(text: string): HistoryFile {
  let doc: unknown;
  try {
    doc = JSON.parse(text);
  } catch (error) {
    throw new HistoryFileError(`The file is not JSON (${error instanceof Error ? error.message : String(error)}).`);
  }
  const list = Array.isArray(doc) ? doc : typeof doc === 'object' && doc !== null ? (doc as Record<string, unknown>)['Events'] : undefined;
  if (!Array.isArray(list)) {
    throw new HistoryFileError('This is not an execution history: expected GetDurableExecutionHistory\'s JSON, {"Events": [...]}, or an array of its events.');
  }
  if (list.length === 0) throw new HistoryFileError('The history has no events.');
  const events: HistoryEvent[] = [];
  for (const [index, raw] of list.entries()) {
    const parsed = HistoryEvent.safeParse(raw);
    if (!parsed.success) {
      const issue = parsed.error.issues[0];
      const where = issue === undefined || issue.path.length === 0 ? '' : ` (${issue.path.join('.')})`;
      throw new HistoryFileError(`Event ${index + 1} is not a history event${where}: ${issue?.message ?? 'unexpected shape'}.`);
    }
    events.push(parsed.data);
  }
  return { events };
}
