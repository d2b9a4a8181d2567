import { nextTimes, parseSchedule } from '../../shared/schedules/schedule-expression.ts';

/** What the schedule field shows for an expression: the rule it breaks, or the next times it fires (ISO, UTC). */
export type ScheduleView = { ok: true; times: string[] } | { ok: false; error: string } | { ok: null };

export function scheduleView(expression: string, nowMs: number, count = 5): ScheduleView {
  if (expression.trim() === '') return { ok: null };
  const parsed = parseSchedule(expression);
  if (!parsed.ok) return { ok: false, error: parsed.error };
  return { ok: true, times: nextTimes(parsed.schedule, nowMs, count).map((t) => new Date(t).toISOString()) };
}

/** `Tue 10 Mar 2026, 12:00 UTC`: schedules run in UTC, so their times read in UTC. */
export function utcLabel(iso: string): string {
  const d = new Date(iso);
  const day = d.toLocaleDateString('en-GB', { weekday: 'short', day: '2-digit', month: 'short', year: 'numeric', timeZone: 'UTC' }).replace(/,/g, '');
  const time = d.toLocaleTimeString('en-GB', { hour: '2-digit', minute: '2-digit', timeZone: 'UTC' });
  return `${day}, ${time} UTC`;
}
