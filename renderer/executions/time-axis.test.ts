import { describe, expect, it } from 'vitest';
import { clampZoom, createScale, msAt, tickLabel, ticks, tickStep, xOf, zoomAround, ticksClearOfNow } from './time-axis.ts';

describe('createScale', () => {
  it('maps the range onto the viewport times the zoom', () => {
    const scale = createScale(1000, 11_000, 500, 2);
    expect(scale.widthPx).toBe(1000);
    expect(xOf(scale, 1000)).toBe(0);
    expect(xOf(scale, 6000)).toBe(500);
    expect(xOf(scale, 11_000)).toBe(1000);
    expect(msAt(scale, 250)).toBe(3500);
  });
  it('survives an empty or reversed range', () => {
    const scale = createScale(5000, 5000, 400);
    expect(Number.isFinite(scale.pxPerMs)).toBe(true);
    expect(scale.endMs).toBeGreaterThan(scale.startMs);
  });
  it('keeps the zoom within bounds', () => {
    expect(clampZoom(0.1)).toBe(1);
    expect(clampZoom(10_000)).toBe(512);
    expect(clampZoom(Number.NaN)).toBe(1);
  });
});

describe('ticks', () => {
  it('picks a round step that leaves room for the labels', () => {
    // 10 s over 1000 px: 100 px per second, 90 px minimum → one second.
    expect(tickStep(createScale(0, 10_000, 1000))).toBe(1000);
    // 1 h over 800 px: 90 px is 6.75 min → 10 min.
    expect(tickStep(createScale(0, 3_600_000, 800))).toBe(600_000);
    // Zooming in 8× brings the step down.
    expect(tickStep(createScale(0, 10_000, 1000, 8))).toBe(200);
  });
  it('labels ticks from the start of the execution', () => {
    const list = ticks(createScale(0, 10_000, 1000));
    expect(list.map((t) => t.label).slice(0, 4)).toEqual(['0', '1 s', '2 s', '3 s']);
    expect(list.at(-1)?.label).toBe('10 s');
    expect(list[1]?.x).toBe(100);
  });
  it('only returns ticks in the visible window', () => {
    const scale = createScale(0, 10_000, 1000, 10);
    const list = ticks(scale, 5000, 6000);
    expect(list.length).toBeGreaterThan(2);
    expect(list.every((t) => t.x >= 4900 && t.x <= 6000)).toBe(true);
  });
  it('writes labels in the unit of the step', () => {
    expect(tickLabel(250, 50)).toBe('250 ms');
    expect(tickLabel(1500, 500)).toBe('1.5 s');
    expect(tickLabel(90_000, 30_000)).toBe('1 min 30 s');
    expect(tickLabel(120_000, 60_000)).toBe('2 min');
    expect(tickLabel(5_400_000, 1_800_000)).toBe('1 h 30 min');
    expect(tickLabel(2 * 86_400_000, 86_400_000)).toBe('2 d');
  });
});

describe('zoomAround', () => {
  it('keeps the time under the pointer where it was', () => {
    const before = createScale(0, 10_000, 1000, 1);
    const anchorX = 300;
    const timeUnder = msAt(before, 0 + anchorX);
    const next = zoomAround(1, 2, 0, anchorX);
    const after = createScale(0, 10_000, 1000, next.zoom);
    expect(msAt(after, next.scrollLeft + anchorX)).toBeCloseTo(timeUnder);
  });
  it('does not scroll before the start', () => {
    expect(zoomAround(2, 0.5, 0, 500).scrollLeft).toBe(0);
  });
});

describe('ticksClearOfNow', () => {
  const tick = (x: number, label: string) => ({ ms: x, x, label });

  it('leaves out a label the now badge would cover, and keeps the ones beside it', () => {
    const all = [tick(0, '0'), tick(100, '1 s'), tick(200, '2 s'), tick(300, '3 s')];
    expect(ticksClearOfNow(all, 215).map((t) => t.label)).toEqual(['0', '1 s', '3 s']);
    // A label that starts left of the badge but runs under it goes too.
    expect(ticksClearOfNow([tick(190, '1 min 30 s')], 230)).toEqual([]);
  });

  it('keeps every label while nothing runs', () => {
    expect(ticksClearOfNow([tick(0, '0'), tick(90, '1 s')], undefined)).toHaveLength(2);
  });
});
