import { nextTimes, parseSchedule, type Schedule } from '../../../shared/schedules/schedule-expression.ts';
import type { FunctionConfig } from '../../../shared/workspace/function-config.ts';
import { scheduledEvent, type ScheduledEvent } from './scheduled-event.ts';

/** Time and timers, so tests (and a virtual clock) can move time on. */
export interface SchedulerClock {
  now(): number;
  /** Calls `fn` after `ms`; returns how to cancel it. */
  setTimer(ms: number, fn: () => void): () => void;
}

export const realClock: SchedulerClock = {
  now: () => Date.now(),
  setTimer(ms, fn) {
    const timer = setTimeout(fn, ms);
    timer.unref();
    return () => clearTimeout(timer);
  },
};

export interface SchedulerOptions {
  /** Every function's name and config (null when its function.json is broken). */
  list(): Promise<{ name: string; config: FunctionConfig | null }[]>;
  get(name: string): Promise<FunctionConfig | null>;
  /** Runs the function with the event, as EventBridge does: asynchronously, the answer unused. */
  fire(name: string, event: ScheduledEvent): Promise<void>;
  region: string;
  account: string;
  clock?: SchedulerClock;
  log?: (message: string, error?: unknown) => void;
}

/** The schedules of the workspace, firing while the studio runs. */
export interface Scheduler {
  /** Reads every function's schedule (at start). */
  start(): Promise<void>;
  /** Reads one function's schedule again (its files changed); a changed schedule starts counting anew. */
  refresh(name: string): Promise<void>;
  /** The next `count` times the function's schedule fires, or null when it has none running. */
  next(name: string, count: number): number[] | null;
  /** Fires the function's schedule now, with a scheduled event for this moment. */
  fireNow(name: string): Promise<boolean>;
  close(): void;
}

/** Timers longer than this are re-armed on the way (setTimeout holds at most ~24 days). */
const MAX_TIMER_MS = 6 * 60 * 60_000;

interface Entry {
  expression: string;
  schedule: Schedule;
  /** When it started counting: a rate fires every period from here. */
  anchorMs: number;
  /** The time the armed timer is for. */
  dueMs: number | undefined;
  cancel: () => void;
}

/**
 * Fires each function's schedule on time: one timer per schedule, armed for its next time, and
 * re-armed after each firing from the time it was due (never from when it ran), so a slow
 * invoke does not shift the ones after it.
 */
export function createScheduler(options: SchedulerOptions): Scheduler {
  const clock = options.clock ?? realClock;
  const log = options.log ?? (() => {});
  const entries = new Map<string, Entry>();
  let closed = false;

  const fire = (name: string, atMs: number) => {
    options.fire(name, scheduledEvent(name, atMs, { region: options.region, account: options.account })).catch((error: unknown) => {
      log(`The scheduled run of ${name} failed`, error);
    });
  };

  /** Arms the entry's timer for its first time after `afterMs`. */
  const arm = (name: string, entry: Entry, afterMs: number) => {
    entry.cancel();
    if (closed) return;
    const [due] = nextTimes(entry.schedule, afterMs, 1, entry.anchorMs);
    entry.dueMs = due;
    if (due === undefined) return;
    const wait = due - clock.now();
    if (wait > MAX_TIMER_MS) {
      entry.cancel = clock.setTimer(MAX_TIMER_MS, () => arm(name, entry, afterMs));
      return;
    }
    entry.cancel = clock.setTimer(Math.max(0, wait), () => {
      if (entries.get(name) !== entry) return;
      fire(name, due);
      // Times missed while the machine slept are skipped, as a rule does not fire for them later.
      arm(name, entry, Math.max(due, clock.now()));
    });
  };

  const apply = (name: string, config: FunctionConfig | null) => {
    const trigger = config?.triggers?.schedule;
    const current = entries.get(name);
    if (trigger === undefined || !trigger.enabled) {
      current?.cancel();
      entries.delete(name);
      return;
    }
    if (current !== undefined && current.expression === trigger.expression) return;
    const parsed = parseSchedule(trigger.expression);
    if (!parsed.ok) return;
    current?.cancel();
    const entry: Entry = { expression: trigger.expression, schedule: parsed.schedule, anchorMs: clock.now(), dueMs: undefined, cancel: () => {} };
    entries.set(name, entry);
    arm(name, entry, entry.anchorMs);
  };

  return {
    async start() {
      for (const { name, config } of await options.list()) apply(name, config);
    },
    async refresh(name) {
      let config: FunctionConfig | null;
      try {
        config = await options.get(name);
      } catch {
        config = null; // deleted or renamed away
      }
      // A broken function.json keeps the schedule it had, as a deployed rule keeps running.
      if (config === null && entries.has(name)) return;
      apply(name, config);
    },
    next(name, count) {
      const entry = entries.get(name);
      if (entry === undefined) return null;
      return nextTimes(entry.schedule, clock.now(), count, entry.anchorMs);
    },
    async fireNow(name) {
      if (!entries.has(name)) return false;
      await options.fire(name, scheduledEvent(name, clock.now(), { region: options.region, account: options.account }));
      return true;
    },
    close() {
      closed = true;
      for (const entry of entries.values()) entry.cancel();
      entries.clear();
    },
  };
}
