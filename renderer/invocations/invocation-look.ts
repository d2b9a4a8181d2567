import type { InvocationCaller, InvocationSummary } from '../../shared/contract/invocations.ts';

/** How the caller of an invocation reads in a list. */
export const CALLER_LABEL: Record<InvocationCaller, string> = {
  panel: 'Invoke panel',
  cli: 'AWS CLI',
  sdk: 'AWS SDK',
  api: 'API',
  durable: 'Durable resume',
  schedule: 'Schedule',
  url: 'HTTP endpoint',
  queue: 'Queue',
};

export const CALLER_HINT: Record<InvocationCaller, string> = {
  panel: 'Invoked from the studio',
  cli: 'Invoked through the local endpoint by the AWS CLI',
  sdk: 'Invoked through the local endpoint by an AWS SDK',
  api: 'Invoked through the local endpoint by another client',
  durable: 'Invoked by the durable engine to resume an execution (after a timer, a callback or a failed invocation), or by a chained invoke',
  schedule: 'Invoked by the function\'s schedule',
  url: 'Invoked by a request to the function\'s HTTP endpoint',
  queue: 'Invoked with a batch of messages from the function\'s queue',
};

/** Status word and tone of an invocation; a durable handler that suspended reads as such. */
export function invocationLook(inv: InvocationSummary): { label: string; tone: 'running' | 'succeeded' | 'failed' | 'pending' } {
  if (inv.status === 'running') return { label: 'Running', tone: 'running' };
  if (inv.status === 'failed') return { label: inv.errorType ?? 'Failed', tone: 'failed' };
  if (inv.durableStatus === 'PENDING') return { label: 'Suspended', tone: 'pending' };
  return { label: 'Succeeded', tone: 'succeeded' };
}

/** `12.3 ms`, `1.20 s`. */
export function formatMs(ms: number | undefined): string {
  if (ms === undefined) return '—';
  return ms < 1000 ? `${Math.round(ms * 10) / 10} ms` : `${(ms / 1000).toFixed(2)} s`;
}

/** Whether an invocation matches what the user typed in the filter: request id, caller, status, error, version, execution. */
export function matchesInvocation(inv: InvocationSummary, text: string): boolean {
  const needle = text.trim().toLowerCase();
  if (needle === '') return true;
  const haystack = [inv.requestId, inv.caller, CALLER_LABEL[inv.caller], inv.status, invocationLook(inv).label, inv.errorType ?? '', inv.version, inv.durableExecutionArn ?? ''].join(' ').toLowerCase();
  return needle.split(/\s+/).every((word) => haystack.includes(word));
}
