/**
 * EventBridge schedule expressions, `rate(…)` and `cron(…)`: checked by EventBridge's own rules
 * (each refusal names the rule it breaks) and turned into the times they fire, in UTC.
 */

/** A parsed expression. */
export type Schedule =
  | { kind: 'rate'; expression: string; value: number; unit: 'minute' | 'hour' | 'day'; periodMs: number }
  | { kind: 'cron'; expression: string; fields: CronFields };

export type ScheduleParse = { ok: true; schedule: Schedule } | { ok: false; error: string };

interface DayOfMonth {
  any: boolean;
  days: Set<number>;
  last: boolean;
  /** `LW`: the last weekday of the month. */
  lastWeekday: boolean;
  /** `nW`: the weekday nearest day n. */
  nearestWeekday: number[];
}

interface DayOfWeek {
  any: boolean;
  /** 1 = Sunday … 7 = Saturday, as EventBridge numbers them. */
  days: Set<number>;
  /** `nL`: the last such weekday of the month. */
  lastOf: number[];
  /** `n#k`: the k-th such weekday of the month. */
  nth: { day: number; k: number }[];
}

export interface CronFields {
  minutes: Set<number>;
  hours: Set<number>;
  dayOfMonth: DayOfMonth;
  months: Set<number>;
  dayOfWeek: DayOfWeek;
  years: Set<number>;
}

const MINUTE_MS = 60_000;
const UNIT_MS = { minute: MINUTE_MS, hour: 60 * MINUTE_MS, day: 24 * 60 * MINUTE_MS } as const;
const MONTHS = ['JAN', 'FEB', 'MAR', 'APR', 'MAY', 'JUN', 'JUL', 'AUG', 'SEP', 'OCT', 'NOV', 'DEC'];
const WEEKDAYS = ['SUN', 'MON', 'TUE', 'WED', 'THU', 'FRI', 'SAT'];

class ExpressionError extends Error {}
const fail = (message: string): never => {
  throw new ExpressionError(message);
};

function parseRate(expression: string, body: string): Schedule {
  const match = /^(\S+)\s+(\S+)$/.exec(body.trim());
  if (match === null) fail('A rate expression is rate(value unit), for example rate(5 minutes).');
  const [, valueText = '', unitText = ''] = match ?? [];
  if (!/^\d+$/.test(valueText) || Number(valueText) <= 0) fail(`The rate's value must be a positive whole number, not "${valueText}".`);
  const value = Number(valueText);
  const unitMatch = /^(minute|hour|day)(s?)$/.exec(unitText);
  if (unitMatch === null) fail(`The rate's unit must be minute, minutes, hour, hours, day or days, not "${unitText}".`);
  const [, unit = 'minute', plural = ''] = unitMatch ?? [];
  if (value === 1 && plural !== '') fail(`When the value is 1 the unit must be singular: rate(1 ${unit}).`);
  if (value > 1 && plural === '') fail(`When the value is greater than 1 the unit must be plural: rate(${value} ${unit}s).`);
  const u = unit as 'minute' | 'hour' | 'day';
  return { kind: 'rate', expression, value, unit: u, periodMs: value * UNIT_MS[u] };
}

interface FieldSpec {
  name: string;
  min: number;
  max: number;
  names?: string[];
  /** The first name's number (1 for both JAN and SUN). */
  nameBase?: number;
}

function numberIn(text: string, spec: FieldSpec): number {
  const upper = text.toUpperCase();
  const named = spec.names?.indexOf(upper) ?? -1;
  if (named >= 0) return named + (spec.nameBase ?? 1);
  if (!/^\d+$/.test(text)) fail(`${spec.name}: "${text}" is not a number${spec.names === undefined ? '' : ` or a name (${spec.names[0]}-${spec.names.at(-1)})`}.`);
  const value = Number(text);
  if (value < spec.min || value > spec.max) fail(`${spec.name}: ${value} is outside ${spec.min}-${spec.max}.`);
  return value;
}

/** The plain part of a field: lists of values, ranges, `*` and increments (`a/n`, `*\/n`, `a-b/n`). */
function expandList(text: string, spec: FieldSpec): Set<number> {
  const out = new Set<number>();
  for (const part of text.split(',')) {
    if (part === '') fail(`${spec.name}: an empty item in the list "${text}".`);
    const [range = '', stepText] = part.split('/');
    if (part.split('/').length > 2) fail(`${spec.name}: "${part}" has more than one /.`);
    let step = 1;
    if (stepText !== undefined) {
      if (!/^\d+$/.test(stepText) || Number(stepText) === 0) fail(`${spec.name}: the increment in "${part}" must be a positive whole number.`);
      step = Number(stepText);
    }
    let from: number;
    let to: number;
    if (range === '*') {
      from = spec.min;
      to = spec.max;
    } else if (range.includes('-')) {
      const [a = '', b = ''] = range.split('-');
      from = numberIn(a, spec);
      to = numberIn(b, spec);
      if (to < from) fail(`${spec.name}: the range "${range}" runs backwards.`);
    } else {
      from = numberIn(range, spec);
      to = stepText === undefined ? from : spec.max;
    }
    for (let v = from; v <= to; v += step) out.add(v);
  }
  return out;
}

const MINUTES: FieldSpec = { name: 'Minutes', min: 0, max: 59 };
const HOURS: FieldSpec = { name: 'Hours', min: 0, max: 23 };
const DAY_OF_MONTH: FieldSpec = { name: 'Day-of-month', min: 1, max: 31 };
const MONTH: FieldSpec = { name: 'Month', min: 1, max: 12, names: MONTHS };
const DAY_OF_WEEK: FieldSpec = { name: 'Day-of-week', min: 1, max: 7, names: WEEKDAYS };
const YEAR: FieldSpec = { name: 'Year', min: 1970, max: 2199 };

function plainField(text: string, spec: FieldSpec, allowed: string): Set<number> {
  if (text === '?') fail(`${spec.name}: ? is only allowed in Day-of-month and Day-of-week.`);
  if (/[LW#]/i.test(text.replace(/[A-Z]{3}/gi, (m) => (spec.names?.includes(m.toUpperCase()) === true ? '' : m)))) fail(`${spec.name}: only the wildcards ${allowed} are allowed here.`);
  return expandList(text, spec);
}

function parseDayOfMonth(text: string): DayOfMonth {
  const field: DayOfMonth = { any: false, days: new Set(), last: false, lastWeekday: false, nearestWeekday: [] };
  if (text === '?') return { ...field, any: true };
  if (text.includes('#')) fail('Day-of-month: # is only allowed in Day-of-week.');
  for (const part of text.split(',')) {
    const upper = part.toUpperCase();
    if (upper === 'L') field.last = true;
    else if (upper === 'LW') field.lastWeekday = true;
    else if (/^\d+W$/.test(upper)) field.nearestWeekday.push(numberIn(upper.slice(0, -1), DAY_OF_MONTH));
    else if (/[LW]/.test(upper)) fail(`Day-of-month: "${part}" is not a valid use of L or W (L, LW, or nW such as 15W).`);
    else for (const d of expandList(part, DAY_OF_MONTH)) field.days.add(d);
  }
  return field;
}

function parseDayOfWeek(text: string): DayOfWeek {
  const field: DayOfWeek = { any: false, days: new Set(), lastOf: [], nth: [] };
  if (text === '?') return { ...field, any: true };
  if (/W/i.test(text.replace(/WED/gi, ''))) fail('Day-of-week: W is only allowed in Day-of-month.');
  for (const part of text.split(',')) {
    const upper = part.toUpperCase();
    if (upper === 'L') field.days.add(7);
    else if (/^[A-Z0-9]+L$/.test(upper)) field.lastOf.push(numberIn(upper.slice(0, -1), DAY_OF_WEEK));
    else if (upper.includes('#')) {
      const [day = '', k = ''] = upper.split('#');
      if (!/^[1-5]$/.test(k)) fail(`Day-of-week: in "${part}" the week after # must be 1 to 5.`);
      field.nth.push({ day: numberIn(day, DAY_OF_WEEK), k: Number(k) });
    } else for (const d of expandList(part, DAY_OF_WEEK)) field.days.add(d);
  }
  return field;
}

function parseCron(expression: string, body: string): Schedule {
  const parts = body.trim().split(/\s+/);
  if (parts.length !== 6) {
    fail(`A cron expression has six fields (Minutes Hours Day-of-month Month Day-of-week Year), not ${parts.length}: for example cron(0 12 * * ? *).`);
  }
  const [min = '', hour = '', dom = '', month = '', dow = '', year = ''] = parts;
  const domQ = dom === '?';
  const dowQ = dow === '?';
  if (domQ && dowQ) fail('Day-of-month and Day-of-week cannot both be ?: one of them says which days.');
  if (!domQ && !dowQ) fail('Day-of-month and Day-of-week cannot both be given: when one has a value or *, the other must be ?.');
  return {
    kind: 'cron',
    expression,
    fields: {
      minutes: plainField(min, MINUTES, ', - * /'),
      hours: plainField(hour, HOURS, ', - * /'),
      dayOfMonth: parseDayOfMonth(dom),
      months: plainField(month, MONTH, ', - * /'),
      dayOfWeek: parseDayOfWeek(dow),
      years: plainField(year, YEAR, ', - * /'),
    },
  };
}

/** Parses and checks an expression; the error says which of EventBridge's rules it breaks. */
export function parseSchedule(expression: string): ScheduleParse {
  const text = expression.trim();
  const match = /^(rate|cron)\((.*)\)$/s.exec(text);
  try {
    if (match === null) fail('A schedule is rate(value unit) or cron(Minutes Hours Day-of-month Month Day-of-week Year), for example rate(5 minutes) or cron(0 12 * * ? *).');
    const [, kind, body = ''] = match ?? [];
    return { ok: true, schedule: kind === 'rate' ? parseRate(text, body) : parseCron(text, body) };
  } catch (error) {
    if (error instanceof ExpressionError) return { ok: false, error: error.message };
    throw error;
  }
}

const daysIn = (year: number, month: number): number => new Date(Date.UTC(year, month, 0)).getUTCDate();
/** 1 = Sunday … 7 = Saturday. */
const weekdayOf = (year: number, month: number, day: number): number => new Date(Date.UTC(year, month - 1, day)).getUTCDay() + 1;

function nearestWeekday(year: number, month: number, day: number): number {
  const last = daysIn(year, month);
  const d = Math.min(day, last);
  const w = weekdayOf(year, month, d);
  if (w === 7) return d === 1 ? 3 : d - 1; // Saturday: Friday before, or Monday after on the 1st
  if (w === 1) return d === last ? d - 2 : d + 1; // Sunday: Monday after, or Friday before on the last day
  return d;
}

function dayMatches(fields: CronFields, year: number, month: number, day: number): boolean {
  const dom = fields.dayOfMonth;
  const last = daysIn(year, month);
  if (!dom.any) {
    if (dom.days.has(day)) return true;
    if (dom.last && day === last) return true;
    if (dom.lastWeekday && day === nearestWeekday(year, month, last)) return true;
    return dom.nearestWeekday.some((n) => nearestWeekday(year, month, n) === day);
  }
  const dow = fields.dayOfWeek;
  const weekday = weekdayOf(year, month, day);
  if (dow.days.has(weekday)) return true;
  if (dow.lastOf.includes(weekday) && day + 7 > last) return true;
  return dow.nth.some((n) => n.day === weekday && Math.ceil(day / 7) === n.k);
}

/** The first `count` times a cron schedule fires strictly after `afterMs`. */
function nextCron(fields: CronFields, afterMs: number, count: number): number[] {
  const out: number[] = [];
  const start = new Date(afterMs);
  const years = [...fields.years].sort((a, b) => a - b).filter((y) => y >= start.getUTCFullYear());
  const months = [...fields.months].sort((a, b) => a - b);
  const hours = [...fields.hours].sort((a, b) => a - b);
  const minutes = [...fields.minutes].sort((a, b) => a - b);
  for (const year of years) {
    for (const month of months) {
      if (Date.UTC(year, month, 1) <= afterMs) continue; // the whole month is past
      for (let day = 1; day <= daysIn(year, month); day++) {
        if (Date.UTC(year, month - 1, day + 1) <= afterMs || !dayMatches(fields, year, month, day)) continue;
        for (const hour of hours) {
          for (const minute of minutes) {
            const at = Date.UTC(year, month - 1, day, hour, minute);
            if (at <= afterMs) continue;
            out.push(at);
            if (out.length === count) return out;
          }
        }
      }
    }
  }
  return out;
}

/**
 * The next `count` times the schedule fires after `afterMs` (UTC). A rate counts from `anchorMs`,
 * when it started (EventBridge counts from the rule's creation), so its times do not drift.
 */
export function nextTimes(schedule: Schedule, afterMs: number, count: number, anchorMs: number = afterMs): number[] {
  if (schedule.kind === 'cron') return nextCron(schedule.fields, afterMs, count);
  const periods = Math.floor((afterMs - anchorMs) / schedule.periodMs) + 1;
  const first = anchorMs + Math.max(1, periods) * schedule.periodMs;
  return Array.from({ length: count }, (_, i) => first + i * schedule.periodMs);
}
