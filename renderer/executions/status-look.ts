/** Status colours are the same everywhere; each also has a word (and the views add an icon). */
export type Tone = 'running' | 'succeeded' | 'failed' | 'pending' | 'stopped';

export interface StatusLook {
  tone: Tone;
  label: string;
}

const EXECUTION: Record<string, StatusLook> = {
  RUNNING: { tone: 'running', label: 'Running' },
  SUCCEEDED: { tone: 'succeeded', label: 'Succeeded' },
  FAILED: { tone: 'failed', label: 'Failed' },
  TIMED_OUT: { tone: 'stopped', label: 'Timed out' },
  STOPPED: { tone: 'stopped', label: 'Stopped' },
};

export function executionLook(status: string): StatusLook {
  return EXECUTION[status] ?? { tone: 'stopped', label: status.toLowerCase() };
}

/**
 * An operation's look depends on its type: a started wait or callback is waiting (amber),
 * a started step is running (blue), a step between attempts is pending its retry.
 */
export function operationLook(type: string, status: string): StatusLook {
  switch (status) {
    case 'SUCCEEDED':
      return { tone: 'succeeded', label: 'Succeeded' };
    case 'FAILED':
      return { tone: 'failed', label: 'Failed' };
    case 'TIMED_OUT':
      return { tone: 'failed', label: 'Timed out' };
    case 'CANCELLED':
      return { tone: 'stopped', label: 'Cancelled' };
    case 'STOPPED':
      return { tone: 'stopped', label: 'Stopped' };
    case 'PENDING':
      return { tone: 'pending', label: type === 'STEP' ? 'Retry scheduled' : 'Pending' };
    case 'READY':
      return { tone: 'running', label: 'Ready' };
    default:
      if (type === 'WAIT') return { tone: 'pending', label: 'Waiting' };
      if (type === 'CALLBACK') return { tone: 'pending', label: 'Awaiting callback' };
      return { tone: 'running', label: 'Running' };
  }
}

const TYPE_LABELS: Record<string, string> = {
  STEP: 'Step',
  WAIT: 'Wait',
  CALLBACK: 'Callback',
  CONTEXT: 'Context',
  CHAINED_INVOKE: 'Invoke',
  EXECUTION: 'Execution',
};

/** `Parallel`, `Map`, `Wait for callback`… from the SDK's subtype when there is one. */
export function typeLabel(type: string, subType?: string): string {
  if (subType !== undefined && subType !== '') {
    const words = subType.replace(/([a-z])([A-Z])/g, '$1 $2').replace(/[_-]+/g, ' ').toLowerCase();
    return words.charAt(0).toUpperCase() + words.slice(1);
  }
  return TYPE_LABELS[type] ?? type;
}
