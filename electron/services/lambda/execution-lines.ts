import type { SandboxLogLine } from '../runners/sandbox-types.ts';
import type { InvocationEvent } from './invocation-events.ts';

/**
 * Collects a function's log lines while an invoke of it waits, and hands back those of one
 * durable execution's invocations: the execution is known only once the engine answers, and
 * other executions of the same function may run meanwhile.
 */
export function executionLines(
  functionName: string,
  subscribe: (listener: (line: SandboxLogLine) => void) => () => void,
  subscribeInvocations: (listener: (event: InvocationEvent) => void) => () => void,
): { of(executionArn: string): string[]; stop(): void } {
  const seen: SandboxLogLine[] = [];
  const executionOf = new Map<string, string>();
  const stopInvocations = subscribeInvocations((event) => {
    if (event.kind === 'start' && event.meta.durableExecutionArn !== undefined) executionOf.set(event.meta.requestId, event.meta.durableExecutionArn);
  });
  const stopLines = subscribe((line) => {
    if (line.functionName === functionName) seen.push(line);
  });
  return {
    of: (executionArn) => seen.filter((line) => executionOf.get(line.requestId) === executionArn).map((line) => line.line),
    stop() {
      stopLines();
      stopInvocations();
    },
  };
}
