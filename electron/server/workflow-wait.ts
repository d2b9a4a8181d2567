import type { ExecutionDetail, HistoryEvent } from '../../shared/contract/executions.ts';
import type { WireResult } from '../../shared/contract/errors.ts';
import { openCallbacks, type OpenCallback } from '../../shared/executions/pending-callbacks.ts';
import type { StudioServices } from '../services/studio/studio-services.ts';

/** How often the state is read again when no change event arrives (a missed event costs at most this). */
const POLL_MS = 1_000;

function unwrap<T>(result: WireResult, what: string): T {
  if (!result.ok) throw new Error(`${what}: ${result.error.message}`);
  return result.value as T;
}

/**
 * Waits for a durable execution to close, calling `onCallback` once for each callback it starts
 * waiting on meanwhile (an approval). Wakes on the engine's change events, and reads again every
 * second in case one is missed. Resolves with the closed execution, or undefined when `signal` aborts.
 */
export async function waitForExecution(
  services: Pick<StudioServices, 'dispatch' | 'events'>,
  arn: string,
  onCallback: (callback: OpenCallback) => void,
  signal?: AbortSignal,
  /** An AWS target the execution runs on (local when absent); it sends no change events, so only the polling wakes the loop. */
  target?: string,
): Promise<ExecutionDetail | undefined> {
  const where = target === undefined ? {} : { target };
  let wake: (() => void) | undefined;
  const stop = services.events.subscribe((event, payload) => {
    if (event === 'executions.changed' && (payload as { durableExecutionArn?: string }).durableExecutionArn === arn) wake?.();
  });
  const onAbort = () => wake?.();
  signal?.addEventListener('abort', onAbort);
  const told = new Set<string>();
  try {
    while (signal?.aborted !== true) {
      // Armed before reading, so a change during the read is not slept through.
      const changed = new Promise<void>((resolve) => (wake = resolve));
      const execution = unwrap<ExecutionDetail>(await services.dispatch('executions.get', { arn, ...where }), 'Reading the execution failed');
      if (execution.Status !== 'RUNNING') return execution;
      const history = unwrap<{ Events: HistoryEvent[] }>(await services.dispatch('executions.history', { arn, ...where }), 'Reading its history failed');
      for (const callback of openCallbacks(history.Events)) {
        if (told.has(callback.callbackId)) continue;
        told.add(callback.callbackId);
        onCallback(callback);
      }
      let timer: ReturnType<typeof setTimeout> | undefined;
      await Promise.race([changed, new Promise<void>((resolve) => (timer = setTimeout(resolve, POLL_MS)))]);
      clearTimeout(timer);
    }
    return undefined;
  } finally {
    stop();
    signal?.removeEventListener('abort', onAbort);
  }
}
