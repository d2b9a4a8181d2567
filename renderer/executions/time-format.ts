/** Milliseconds as people read them: `120 ms`, `1.2 s`, `45 s`, `3 min 4 s`, `2 h 5 min`. */
export function formatDuration(ms: number): string {
  if (!Number.isFinite(ms) || ms < 0) return '';
  if (ms < 1000) return `${Math.round(ms)} ms`;
  if (ms < 10_000) {
    if (ms % 1000 === 0) return `${ms / 1000} s`;
    const tenths = Math.floor(ms / 100) / 10;
    return `${tenths.toFixed(1)} s`;
  }
  return largestUnits(Math.floor(ms / 1000), true).join(' ');
}

/** Seconds as people say them in a form's hint: `45 s`, `3 min 4 s`, `2 h`, `1 d 1 h`, `0 s`. */
export function formatSeconds(total: number): string {
  if (!Number.isFinite(total) || total < 0) return '';
  const parts = largestUnits(Math.floor(total), false);
  return parts.length === 0 ? '0 s' : parts.join(' ');
}

const UNITS: readonly [number, string][] = [
  [86_400, 'd'],
  [3_600, 'h'],
  [60, 'min'],
  [1, 's'],
];

/**
 * The two largest units in whole seconds. A measured duration (`adjacentOnly`) keeps the second
 * only when it is the next unit down (`1 h`, not `1 h 5 s`); a configured one keeps any (`1 d 1 h`).
 */
function largestUnits(seconds: number, adjacentOnly: boolean): string[] {
  const parts: string[] = [];
  let rest = seconds;
  for (const [size, label] of UNITS) {
    if (parts.length === 2) break;
    if (rest >= size) {
      parts.push(`${Math.floor(rest / size)} ${label}`);
      rest %= size;
    } else if (adjacentOnly && parts.length === 1) {
      break;
    }
  }
  return parts;
}

function wholeSeconds(s: number): string {
  return s < 10 ? `${s} s` : formatDuration(s * 1000);
}

/**
 * Time left until `dueMs`, counted in whole seconds rounded up so a countdown never shows
 * `0 s` while there is still time: `in 3 min 4 s`, `due now`, `overdue by 5 s`.
 */
export function formatCountdown(dueMs: number, nowMs: number): string {
  const left = dueMs - nowMs;
  if (left > 0) return `in ${wholeSeconds(Math.ceil(left / 1000))}`;
  if (left > -1000) return 'due now';
  return `overdue by ${wholeSeconds(Math.floor(-left / 1000))}`;
}

/** How long ago `ms` was: `just now`, `12 s ago`, `3 min ago`, `2 h ago`, `4 d ago`. */
export function formatAgo(ms: number, nowMs: number): string {
  const elapsed = nowMs - ms;
  if (elapsed < 2000) return 'just now';
  const s = Math.floor(elapsed / 1000);
  if (s < 60) return `${s} s ago`;
  const min = Math.floor(s / 60);
  if (min < 60) return `${min} min ago`;
  const h = Math.floor(min / 60);
  if (h < 48) return `${h} h ago`;
  return `${Math.floor(h / 24)} d ago`;
}

/** The exact local time for a hover: `2026-11-23 23:41:07.123`. */
export function formatExact(ms: number): string {
  const d = new Date(ms);
  const pad = (n: number, size = 2) => String(n).padStart(size, '0');
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())} ${pad(d.getHours())}:${pad(d.getMinutes())}:${pad(d.getSeconds())}.${pad(d.getMilliseconds(), 3)}`;
}
