import type { ExecutionChanged } from '../../shared/contract/events.ts';

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
    const functionName = change.functionArn.split(':function:')[1]?.split(':')[0] ?? change.functionArn;
    return { title: `${functionName} ${word}`, body: `Durable execution ${change.durableExecutionName}` };
  };
}
