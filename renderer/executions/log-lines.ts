import type { ExecutionLogLine } from '../../shared/contract/executions.ts';

/** The time of day of an ISO timestamp, to the millisecond: what a log reader scans for. */
function timeOfDay(iso: string): string {
  const match = /T(\d\d:\d\d:\d\d(?:\.\d+)?)/.exec(iso);
  return match?.[1] ?? iso;
}

/**
 * Groups the durable logger's lines by the operation that wrote them, each as one readable
 * line (`12:00:01.250 WARN  #2 message`, the attempt shown when it is past the first).
 */
export function logsByOperation(lines: readonly ExecutionLogLine[]): Map<string, string[]> {
  const byOperation = new Map<string, string[]>();
  for (const line of lines) {
    if (line.operationId === undefined) continue;
    const attempt = line.attempt !== undefined && line.attempt > 1 ? `#${line.attempt} ` : '';
    const text = `${timeOfDay(line.timestamp)} ${line.level.padEnd(5)} ${attempt}${line.message}`;
    const list = byOperation.get(line.operationId);
    if (list === undefined) byOperation.set(line.operationId, [text]);
    else list.push(text);
  }
  return byOperation;
}
