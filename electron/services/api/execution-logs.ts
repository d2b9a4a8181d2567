import type { ExecutionLogLine } from '../../../shared/contract/executions.ts';

/** What the store needs from the Lambda service: its stream of sandbox log lines. */
export interface LogSource {
  onLog(listener: (line: { line: string; requestId: string; timestamp: string }) => void): () => void;
}

export interface ExecutionLogs {
  lines(executionArn: string): ExecutionLogLine[];
  close(): void;
}

/** How many lines one execution keeps; a chatty loop should not take the studio's memory. */
const MAX_LINES_PER_EXECUTION = 5_000;
const MAX_EXECUTIONS = 500;

/**
 * Reads the durable SDK logger's JSON lines out of the sandbox log stream and files them under
 * their execution, with the operation and attempt the SDK stamped on them. Other lines (plain
 * console output) stay in the invoke log only: nothing says which operation wrote them.
 */
export function createExecutionLogs(source: LogSource, limits = { perExecution: MAX_LINES_PER_EXECUTION, executions: MAX_EXECUTIONS }): ExecutionLogs {
  const byExecution = new Map<string, ExecutionLogLine[]>();
  const stop = source.onLog(({ line, requestId, timestamp }) => {
    if (!line.startsWith('{') || !line.includes('"executionArn"')) return;
    let doc: Record<string, unknown>;
    try {
      doc = JSON.parse(line) as Record<string, unknown>;
    } catch {
      return;
    }
    const arn = doc['executionArn'];
    if (typeof arn !== 'string') return;
    const text = (key: string) => (typeof doc[key] === 'string' ? (doc[key] as string) : undefined);
    const message = doc['message'];
    const entry: ExecutionLogLine = {
      timestamp: text('timestamp') ?? timestamp,
      level: text('level') ?? 'INFO',
      message: typeof message === 'string' ? message : JSON.stringify(message),
      requestId: text('requestId') ?? requestId,
      ...(text('operationId') === undefined ? {} : { operationId: text('operationId') }),
      ...(text('operationName') === undefined ? {} : { operationName: text('operationName') }),
      ...(typeof doc['attempt'] === 'number' ? { attempt: doc['attempt'] } : {}),
    };
    let list = byExecution.get(arn);
    if (list === undefined) {
      // Oldest execution out first: Map keeps insertion order.
      if (byExecution.size >= limits.executions) byExecution.delete(byExecution.keys().next().value ?? '');
      list = [];
      byExecution.set(arn, list);
    }
    list.push(entry);
    if (list.length > limits.perExecution) list.splice(0, list.length - limits.perExecution);
  });
  return {
    lines: (arn) => [...(byExecution.get(arn) ?? [])],
    close: stop,
  };
}
