import { describe, expect, it } from 'vitest';
import { scheduleView, utcLabel } from './schedule-times.ts';

describe('the schedule field', () => {
  it('shows the next five times of a valid expression', () => {
    const view = scheduleView('cron(0 12 * * ? *)', Date.parse('2026-03-10T13:00:00Z'));
    expect(view).toEqual({ ok: true, times: ['2026-03-11T12:00:00.000Z', '2026-03-12T12:00:00.000Z', '2026-03-13T12:00:00.000Z', '2026-03-14T12:00:00.000Z', '2026-03-15T12:00:00.000Z'] });
  });

  it('says which rule an invalid expression breaks, and nothing for an empty one', () => {
    expect(scheduleView('rate(1 minutes)', 0)).toEqual({ ok: false, error: expect.stringMatching(/must be singular/) as unknown as string });
    expect(scheduleView('  ', 0)).toEqual({ ok: null });
  });

  it('writes times in UTC', () => {
    expect(utcLabel('2026-03-10T12:05:00.000Z')).toBe('Tue 10 Mar 2026, 12:05 UTC');
  });
});
