import type { DurableExecutionStatusChange } from './status-event.ts';
import type { DurableStore, ExecutionRow } from './store.ts';

/** Callers waiting for executions to close (an invoke's answer, a test), and their release. */
export interface CloseWaiters {
  /**
   * Resolves when the execution has closed, after `timeoutMs`, or, given `early`, as soon as a
   * change leaves the running execution in a state `early` accepts.
   */
  waitForClose(arn: string, timeoutMs?: number, early?: (exec: ExecutionRow) => boolean): Promise<ExecutionRow | undefined>;
  /** The execution closed: everyone waiting for it gets its final row. */
  closed(exec: ExecutionRow): void;
  /** The engine closes: everyone still waiting gets undefined. */
  releaseAll(): void;
}

/** Waiters on the engine's store; `listeners` are the engine's change listeners, which `early` checks ride on. */
export function createCloseWaiters(store: DurableStore, listeners: Set<(event: DurableExecutionStatusChange) => void>): CloseWaiters {
  const waiters = new Map<string, Set<(exec: ExecutionRow | undefined) => void>>();
  return {
    waitForClose(arn, timeoutMs, early) {
      const exec = store.getExecution(arn);
      if (exec === undefined || exec.status !== 'RUNNING' || early?.(exec) === true) return Promise.resolve(exec);
      return new Promise((resolve) => {
        const set = waiters.get(arn) ?? new Set();
        waiters.set(arn, set);
        let handle: NodeJS.Timeout | undefined;
        const onChange = (event: DurableExecutionStatusChange): void => {
          if (event.detail.durableExecutionArn !== arn || early === undefined) return;
          const now = store.getExecution(arn);
          if (now !== undefined && now.status === 'RUNNING' && early(now)) done(now);
        };
        const done = (value: ExecutionRow | undefined): void => {
          if (handle !== undefined) clearTimeout(handle);
          set.delete(done);
          listeners.delete(onChange);
          resolve(value);
        };
        set.add(done);
        if (early !== undefined) listeners.add(onChange);
        if (timeoutMs !== undefined) handle = setTimeout(() => done(store.getExecution(arn)), timeoutMs);
      });
    },
    closed(exec) {
      const set = waiters.get(exec.arn);
      waiters.delete(exec.arn);
      for (const resolve of set ?? []) resolve(exec);
    },
    releaseAll() {
      for (const [, set] of waiters) for (const resolve of set) resolve(undefined);
      waiters.clear();
    },
  };
}
