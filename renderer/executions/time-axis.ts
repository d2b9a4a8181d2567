/**
 * The timeline's horizontal scale: a time range mapped onto pixels, zoomable, with ticks
 * at round steps (1, 2, 5 × 10ⁿ ms, then seconds, minutes, hours) that never crowd.
 */
export interface TimeScale {
  startMs: number;
  endMs: number;
  /** Width of the whole drawable range in pixels (grows with zoom; the view scrolls). */
  widthPx: number;
  pxPerMs: number;
}

export interface Tick {
  ms: number;
  x: number;
  label: string;
}

export const MIN_ZOOM = 1;
export const MAX_ZOOM = 512;

/** Maps `[startMs, endMs]` onto `viewportPx × zoom` pixels. An empty range still gets a usable scale. */
export function createScale(startMs: number, endMs: number, viewportPx: number, zoom = 1): TimeScale {
  const span = Math.max(endMs - startMs, 1);
  const widthPx = Math.max(viewportPx, 1) * clampZoom(zoom);
  return { startMs, endMs: startMs + span, widthPx, pxPerMs: widthPx / span };
}

export function clampZoom(zoom: number): number {
  if (!Number.isFinite(zoom)) return MIN_ZOOM;
  return Math.min(MAX_ZOOM, Math.max(MIN_ZOOM, zoom));
}

/** The x position of `ms` (may fall outside the range: callers clip). */
export function xOf(scale: TimeScale, ms: number): number {
  return (ms - scale.startMs) * scale.pxPerMs;
}

/** The time under `x`. */
export function msAt(scale: TimeScale, x: number): number {
  return scale.startMs + x / scale.pxPerMs;
}

const STEPS_MS = [
  1, 2, 5, 10, 20, 50, 100, 200, 500, 1000, 2000, 5000, 10_000, 15_000, 30_000, 60_000, 120_000, 300_000, 600_000, 900_000, 1_800_000, 3_600_000,
  7_200_000, 10_800_000, 21_600_000, 43_200_000, 86_400_000,
];

/** The smallest round step that keeps ticks at least `minSpacingPx` apart. */
export function tickStep(scale: TimeScale, minSpacingPx = 90): number {
  const wanted = minSpacingPx / scale.pxPerMs;
  for (const step of STEPS_MS) if (step >= wanted) return step;
  const days = Math.ceil(wanted / 86_400_000);
  return days * 86_400_000;
}

/** A tick label relative to the start of the execution: `0`, `250 ms`, `1.5 s`, `2 min`, `1 h 30 min`. */
export function tickLabel(offsetMs: number, step: number): string {
  if (offsetMs === 0) return '0';
  if (step < 1000) return offsetMs < 1000 ? `${offsetMs} ms` : `${trim(offsetMs / 1000, 3)} s`;
  if (step < 60_000) return offsetMs < 60_000 ? `${trim(offsetMs / 1000, 1)} s` : `${Math.floor(offsetMs / 60_000)} min ${trim((offsetMs % 60_000) / 1000, 1)} s`.replace(/ 0 s$/, '');
  if (step < 3_600_000) return offsetMs < 3_600_000 ? `${offsetMs / 60_000} min` : `${Math.floor(offsetMs / 3_600_000)} h ${(offsetMs % 3_600_000) / 60_000} min`.replace(/ 0 min$/, '');
  if (step < 86_400_000) return `${trim(offsetMs / 3_600_000, 1)} h`;
  return `${trim(offsetMs / 86_400_000, 1)} d`;
}

function trim(value: number, digits: number): string {
  return String(Number(value.toFixed(digits)));
}

/** Ticks inside `[fromX, toX]` (the visible part), labelled from the scale's start. */
export function ticks(scale: TimeScale, fromX = 0, toX = scale.widthPx, minSpacingPx = 90): Tick[] {
  const step = tickStep(scale, minSpacingPx);
  const fromMs = Math.max(0, msAt(scale, fromX) - scale.startMs);
  const toMs = msAt(scale, toX) - scale.startMs;
  const out: Tick[] = [];
  for (let offset = Math.floor(fromMs / step) * step; offset <= toMs; offset += step) {
    out.push({ ms: scale.startMs + offset, x: offset * scale.pxPerMs, label: tickLabel(offset, step) });
    if (out.length > 500) break;
  }
  return out;
}

/**
 * The zoom that keeps the time under the pointer in place: returns the new zoom and the
 * scroll offset that puts `anchorX` (relative to the viewport) back over the same time.
 */
export function zoomAround(zoom: number, factor: number, scrollLeft: number, anchorX: number): { zoom: number; scrollLeft: number } {
  const next = clampZoom(zoom * factor);
  const ratio = next / zoom;
  return { zoom: next, scrollLeft: Math.max(0, (scrollLeft + anchorX) * ratio - anchorX) };
}

/** The "now" badge on the axis: from 14 px left of now to about 20 px right of it. */
const NOW_BADGE = { left: 16, right: 22 };
/** A tick label's width: its border and padding, then about 6.4 px a character at 10.5 px monospace. */
const labelWidth = (label: string) => 6 + label.length * 6.4;

/**
 * The ticks whose label stays readable beside the "now" badge; a label the badge would cover
 * is left out (its gridline stays), rather than shown half hidden under it.
 */
export function ticksClearOfNow(all: readonly Tick[], nowX: number | undefined): Tick[] {
  if (nowX === undefined) return [...all];
  return all.filter((t) => t.x + labelWidth(t.label) < nowX - NOW_BADGE.left || t.x > nowX + NOW_BADGE.right);
}
