import type { InvocationResult } from '../runners/sandbox-types.ts';
import type { InvokeOrder } from './invoke-route.ts';

/** Lambda retries a failed asynchronous invocation twice: after about one minute, then two more. */
export const LAMBDA_ASYNC_RETRY_DELAYS_MS = [60_000, 120_000];

/** Runs Event invocations in the background and retries failed ones as Lambda does (same request id). */
export interface EventQueue {
  enqueue(order: InvokeOrder): void;
  /** Drops the retries still waiting. */
  close(): void;
}

export function createEventQueue(options: {
  run(order: InvokeOrder): Promise<InvocationResult>;
  retryDelaysMs: readonly number[];
  log(message: string): void;
}): EventQueue {
  const timers = new Set<NodeJS.Timeout>();
  let closed = false;

  const attempt = (order: InvokeOrder, retry: number): void => {
    options
      .run(order)
      .then((result) => {
        if (result.errorType === undefined || closed) return;
        const delay = options.retryDelaysMs[retry];
        if (delay === undefined) {
          options.log(`Event invocation ${order.requestId} of ${order.version.functionName} failed (${result.errorType}) after ${retry + 1} attempts; dropped.`);
          return;
        }
        const timer = setTimeout(() => {
          timers.delete(timer);
          if (!closed) attempt(order, retry + 1);
        }, delay);
        timer.unref();
        timers.add(timer);
      })
      .catch((error: unknown) => options.log(`Event invocation of ${order.version.functionName} could not run: ${(error as Error).message}`));
  };

  return {
    enqueue: (order) => attempt(order, 0),
    close() {
      closed = true;
      for (const timer of timers) clearTimeout(timer);
      timers.clear();
    },
  };
}
