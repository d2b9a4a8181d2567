import type { SchedulerClock } from '../schedules/scheduler.ts';

/** A clock that moves only when told to, firing the timers that fall due on the way. */
export function createFakeClock(startMs = Date.UTC(2026, 0, 1)) {
  let now = startMs;
  let timers: { at: number; fn: () => void }[] = [];
  const clock: SchedulerClock & { advance(ms: number): void } = {
    now: () => now,
    setTimer(ms, fn) {
      const timer = { at: now + ms, fn };
      timers.push(timer);
      return () => {
        timers = timers.filter((t) => t !== timer);
      };
    },
    advance(ms) {
      now += ms;
      for (;;) {
        const due = timers.filter((t) => t.at <= now).sort((a, b) => a.at - b.at)[0];
        if (due === undefined) return;
        timers = timers.filter((t) => t !== due);
        due.fn();
      }
    },
  };
  return clock;
}
