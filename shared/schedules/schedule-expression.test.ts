import { describe, expect, it } from 'vitest';
import { nextTimes, parseSchedule, type Schedule } from './schedule-expression.ts';

const parsed = (expression: string): Schedule => {
  const result = parseSchedule(expression);
  if (!result.ok) throw new Error(result.error);
  return result.schedule;
};
const errorOf = (expression: string): string => {
  const result = parseSchedule(expression);
  if (result.ok) throw new Error(`${expression} was accepted`);
  return result.error;
};
const iso = (times: number[]) => times.map((t) => new Date(t).toISOString());
const at = (text: string) => Date.parse(text);

describe('rate expressions', () => {
  it('accepts EventBridge forms and computes the period', () => {
    expect(parsed('rate(1 minute)')).toMatchObject({ kind: 'rate', value: 1, unit: 'minute', periodMs: 60_000 });
    expect(parsed('rate(5 minutes)')).toMatchObject({ periodMs: 300_000 });
    expect(parsed('rate(1 hour)')).toMatchObject({ periodMs: 3_600_000 });
    expect(parsed(' rate(7 days) ')).toMatchObject({ periodMs: 7 * 86_400_000 });
  });

  it('refuses what EventBridge refuses, naming the rule', () => {
    expect(errorOf('rate(1 minutes)')).toMatch(/value is 1 the unit must be singular/);
    expect(errorOf('rate(5 minute)')).toMatch(/greater than 1 the unit must be plural/);
    expect(errorOf('rate(0 minutes)')).toMatch(/positive whole number/);
    expect(errorOf('rate(1.5 hours)')).toMatch(/positive whole number/);
    expect(errorOf('rate(2 weeks)')).toMatch(/minute, minutes, hour, hours, day or days/);
    expect(errorOf('rate(5)')).toMatch(/rate\(value unit\)/);
    expect(errorOf('every 5 minutes')).toMatch(/rate\(value unit\) or cron/);
  });

  it('counts from when it started, so the times do not drift', () => {
    const anchor = at('2026-01-01T10:00:30Z');
    expect(iso(nextTimes(parsed('rate(1 minute)'), anchor, 3))).toEqual(['2026-01-01T10:01:30.000Z', '2026-01-01T10:02:30.000Z', '2026-01-01T10:03:30.000Z']);
    expect(iso(nextTimes(parsed('rate(1 minute)'), at('2026-01-01T10:02:40Z'), 1, anchor))).toEqual(['2026-01-01T10:03:30.000Z']);
  });
});

describe('cron expressions', () => {
  it('computes the next five times of a daily noon schedule, in UTC', () => {
    expect(iso(nextTimes(parsed('cron(0 12 * * ? *)'), at('2026-03-10T12:00:00Z'), 5))).toEqual([
      '2026-03-11T12:00:00.000Z',
      '2026-03-12T12:00:00.000Z',
      '2026-03-13T12:00:00.000Z',
      '2026-03-14T12:00:00.000Z',
      '2026-03-15T12:00:00.000Z',
    ]);
  });

  it('handles increments, ranges and weekday names', () => {
    expect(iso(nextTimes(parsed('cron(0/15 * * * ? *)'), at('2026-03-10T12:07:00Z'), 3))).toEqual(['2026-03-10T12:15:00.000Z', '2026-03-10T12:30:00.000Z', '2026-03-10T12:45:00.000Z']);
    // 2026-03-13 is a Friday: the next weekday mornings are Fri, Mon, Tue.
    expect(iso(nextTimes(parsed('cron(0 8 ? * MON-FRI *)'), at('2026-03-13T07:00:00Z'), 3))).toEqual(['2026-03-13T08:00:00.000Z', '2026-03-16T08:00:00.000Z', '2026-03-17T08:00:00.000Z']);
    expect(iso(nextTimes(parsed('cron(30 9 1 JAN,JUL ? 2027-2028)'), at('2026-03-10T00:00:00Z'), 5))).toEqual([
      '2027-01-01T09:30:00.000Z',
      '2027-07-01T09:30:00.000Z',
      '2028-01-01T09:30:00.000Z',
      '2028-07-01T09:30:00.000Z',
    ]);
  });

  it('handles L, W and #', () => {
    expect(iso(nextTimes(parsed('cron(0 0 L * ? *)'), at('2026-01-15T00:00:00Z'), 3))).toEqual(['2026-01-31T00:00:00.000Z', '2026-02-28T00:00:00.000Z', '2026-03-31T00:00:00.000Z']);
    // 2026-02-15 is a Sunday: the nearest weekday is Monday the 16th.
    expect(iso(nextTimes(parsed('cron(0 0 15W * ? *)'), at('2026-02-01T00:00:00Z'), 1))).toEqual(['2026-02-16T00:00:00.000Z']);
    // The third Monday of March 2026 is the 16th; the last Friday is the 27th.
    expect(iso(nextTimes(parsed('cron(0 0 ? * 2#3 *)'), at('2026-03-01T00:00:00Z'), 1))).toEqual(['2026-03-16T00:00:00.000Z']);
    expect(iso(nextTimes(parsed('cron(0 0 ? * 6L *)'), at('2026-03-01T00:00:00Z'), 1))).toEqual(['2026-03-27T00:00:00.000Z']);
  });

  it('refuses what EventBridge refuses, naming the rule', () => {
    expect(errorOf('cron(0 12 * * *)')).toMatch(/six fields/);
    expect(errorOf('cron(0 12 * * * *)')).toMatch(/cannot both be given: when one has a value or \*, the other must be \?/);
    expect(errorOf('cron(0 12 ? * ? *)')).toMatch(/cannot both be \?/);
    expect(errorOf('cron(60 12 * * ? *)')).toMatch(/Minutes: 60 is outside 0-59/);
    expect(errorOf('cron(0 24 * * ? *)')).toMatch(/Hours: 24 is outside 0-23/);
    expect(errorOf('cron(0 12 32 * ? *)')).toMatch(/Day-of-month: 32 is outside 1-31/);
    expect(errorOf('cron(0 12 * 13 ? *)')).toMatch(/Month: 13 is outside 1-12/);
    expect(errorOf('cron(0 12 ? * 8 *)')).toMatch(/Day-of-week: 8 is outside 1-7/);
    expect(errorOf('cron(0 12 * * ? 2300)')).toMatch(/Year: 2300 is outside 1970-2199/);
    expect(errorOf('cron(0 ? * * ? *)')).toMatch(/\? is only allowed in Day-of-month and Day-of-week/);
    expect(errorOf('cron(0 12 ? * 2W *)')).toMatch(/W is only allowed in Day-of-month/);
    expect(errorOf('cron(0 12 1#2 * ? *)')).toMatch(/# is only allowed in Day-of-week/);
    expect(errorOf('cron(5L 12 * * ? *)')).toMatch(/Minutes: only the wildcards , - \* \/ are allowed/);
    expect(errorOf('cron(0 12 ? * 2#6 *)')).toMatch(/after # must be 1 to 5/);
    expect(errorOf('cron(0 12 * FOO ? *)')).toMatch(/Month: "FOO" is not a number or a name \(JAN-DEC\)/);
    expect(errorOf('cron(0 20-10 * * ? *)')).toMatch(/runs backwards/);
  });
});
