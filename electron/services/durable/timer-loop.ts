import type { Clock } from './engine-types.ts';
import { fireTimer } from './service-events.ts';
import type { DurableStore, TimerKind, TimerRow } from './store.ts';

/** The timers the virtual clock (and Skip) may fire before they are due: never an execution's own timeout. */
export const SKIPPABLE: TimerKind[] = ['wait', 'retry', 'callback-timeout', 'callback-heartbeat', 'invoke-retry'];
/** setTimeout's longest delay (about 24.8 days); a later timer is re-armed when this one fires. */
const MAX_TIMEOUT_MS = 2_147_000_000;

interface TimerLoopDeps {
  store: DurableStore;
  clock: Clock;
  /** Nothing is armed before start; nothing runs or is armed after close. */
  isStarted(): boolean;
  isClosed(): boolean;
  /** Whether the whole engine runs on the virtual clock. */
  isVirtual(): boolean;
  /** Called once per execution a run of timers changed. */
  changed(arn: string): void;
}

/** The one process timer that fires the store's due timers (and, on the virtual clock, skippable ones at once). */
export interface TimerLoop {
  /** Re-arms for the next due timer; without `force`, only when the timers or the clock mode changed. */
  schedule(force?: boolean): void;
  /** Fires every timer due now, then re-arms. */
  runDue(): void;
  stop(): void;
}

export function createTimerLoop(deps: TimerLoopDeps): TimerLoop {
  const { store, clock } = deps;
  let timer: NodeJS.Timeout | undefined;
  // What the armed timer was computed from: most checkpoints touch no timer and need no new one.
  let scheduledFrom: { revision: number; virtual: boolean } | undefined;

  const runDue = (): void => {
    if (deps.isClosed()) return;
    const nowMs = clock.now();
    const due: TimerRow[] = [...store.dueTimers(nowMs), ...store.skippableTimers(SKIPPABLE, nowMs, deps.isVirtual())];
    const touched = new Set<string>();
    for (const t of due) {
      if (fireTimer(store, t, nowMs, t.dueMs > nowMs)) touched.add(t.arn);
    }
    for (const arn of touched) deps.changed(arn);
    schedule(true);
  };

  function schedule(force = false): void {
    if (deps.isClosed() || !deps.isStarted()) return;
    const virtual = deps.isVirtual();
    const revision = store.timersRevision();
    if (!force && scheduledFrom?.revision === revision && scheduledFrom.virtual === virtual) return;
    scheduledFrom = { revision, virtual };
    if (timer !== undefined) clearTimeout(timer);
    timer = undefined;
    const nextDue = store.nextTimerDue();
    if (nextDue === undefined) return;
    const skipNow = store.skippableTimers(SKIPPABLE, clock.now(), virtual).length > 0;
    const delay = skipNow ? 0 : Math.min(Math.max(0, nextDue - clock.now()), MAX_TIMEOUT_MS);
    timer = setTimeout(runDue, delay);
    timer.unref?.();
  }

  return {
    schedule,
    runDue,
    stop() {
      if (timer !== undefined) clearTimeout(timer);
      timer = undefined;
    },
  };
}
