import type { ExecutionChanged } from '../../shared/contract/events.ts';
import { functionNameOfArn } from '../../shared/arn/function-arn.ts';

/** What a finished execution's notification says. */
export interface Notice {
  title: string;
  body: string;
}

const WORDS: Record<string, string> = {
  SUCCEEDED: 'succeeded',
  FAILED: 'failed',
  TIMED_OUT: 'timed out',
  STOPPED: 'was stopped',
};

/**
 * Decides which execution changes deserve an OS notification: each execution once, when it
 * closes. Changes repeat (every history event sends one), so the ARNs already told are kept.
 */
export function createExecutionNotices(): (change: ExecutionChanged) => Notice | undefined {
  const told = new Set<string>();
  return (change) => {
    const word = WORDS[change.status];
    if (word === undefined || told.has(change.durableExecutionArn)) return undefined;
    told.add(change.durableExecutionArn);
    const functionName = functionNameOfArn(change.functionArn) ?? change.functionArn;
    return { title: `${functionName} ${word}`, body: `Durable execution ${change.durableExecutionName}` };
  };
}
