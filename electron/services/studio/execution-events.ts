import type { DurableEngine } from '../durable/engine.ts';
import type { DurableExecutionStatusChange } from '../durable/status-event.ts';
import { createChangeCoalescer } from './change-coalescer.ts';
import type { EventHub } from './event-hub.ts';

/** The shortest time between two `executions.changed` events for one execution. */
export const EXECUTION_EVENT_WINDOW_MS = 100;

/**
 * Forwards the engine's execution changes to the renderer as `executions.changed`, at most one
 * per execution per window while it runs (the latest state wins) and its end at once; every
 * checkpoint is a change, and a thousand busy executions would otherwise flood the views.
 * Returns the function that stops forwarding and sends what is held.
 */
export function forwardExecutionChanges(engine: DurableEngine, events: Pick<EventHub, 'emit'>, windowMs = EXECUTION_EVENT_WINDOW_MS): () => void {
  const coalescer = createChangeCoalescer<DurableExecutionStatusChange>({
    windowMs,
    keyOf: (change) => change.detail.durableExecutionArn,
    isFinal: (change) => change.detail.status !== 'RUNNING',
    send: (change) => {
      // Asked when sent, not when the change came: a held change reports the retry as it is now.
      const retry = change.detail.status === 'RUNNING' ? engine.invocationRetry(change.detail.durableExecutionArn) : undefined;
      events.emit('executions.changed', retry === undefined ? change.detail : { ...change.detail, invocationRetry: retry });
    },
  });
  const off = engine.onExecutionChanged((change) => coalescer.push(change));
  return () => {
    off();
    coalescer.close();
  };
}
