import { describe, expect, it } from 'vitest';
import { newTraceId } from './trace-id.ts';

describe('trace ids', () => {
  it('have X-Ray\'s format with the time in the root', () => {
    const id = newTraceId(Date.UTC(2026, 0, 2) + 999);
    expect(id).toMatch(/^Root=1-[0-9a-f]{8}-[0-9a-f]{24};Parent=[0-9a-f]{16};Sampled=0$/);
    expect(id.slice(7, 15)).toBe((Date.UTC(2026, 0, 2) / 1000).toString(16));
  });

  it('do not repeat', () => {
    const ids = new Set(Array.from({ length: 1000 }, () => newTraceId()));
    expect(ids.size).toBe(1000);
    const roots = new Set([...ids].map((id) => id.slice(16, 40)));
    expect(roots.size).toBe(1000);
  });
});
