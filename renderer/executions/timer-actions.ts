import { askConfirm } from './confirm-store.ts';
import { nextTimer, skipTimer } from './executions-api.ts';

function sentence(text: string): string {
  return `${text.charAt(0).toUpperCase()}${text.slice(1)}${text.endsWith('.') ? '' : '.'}`;
}

/**
 * Skip to the next timer, as the engine describes it: a wait or a retry delay fires at once; a
 * timer whose firing fails the execution (a callback's timeout) is named and asked about first.
 * Resolves with whether anything fired.
 */
export async function skipNextTimer(arn: string): Promise<boolean> {
  const next = await nextTimer(arn);
  if (next === null) throw new Error('Nothing waits on a timer: the execution has no wait, retry delay or callback timeout left.');
  if (next.failsExecution) {
    const yes = await askConfirm({
      title: next.kind === 'callback-timeout' || next.kind === 'callback-heartbeat' ? `Time out ${next.operationName ?? 'the callback'} now?` : 'Fire the next timer now?',
      body: `The next timer ${next.description}. Answer the callback instead if the execution should carry on.`,
      confirmLabel: 'Fire it now',
      danger: true,
    });
    if (!yes) return false;
  }
  await skipTimer(arn, { kind: next.kind, operationId: next.operationId });
  return true;
}

/** Asks before stopping: a stopped execution cannot be resumed. Resolves with the answer. */
export function confirmStop(names: readonly string[]): Promise<boolean> {
  return askConfirm({
    title: names.length === 1 ? `Stop ${names[0]}?` : `Stop ${names.length} executions?`,
    body: `${sentence(names.length === 1 ? 'the execution ends at once' : 'each execution ends at once')}: its waits, retries and callbacks are abandoned and it cannot be resumed. Re-run starts a new one with the same input.`,
    confirmLabel: names.length === 1 ? 'Stop' : `Stop ${names.length}`,
    danger: true,
  });
}
