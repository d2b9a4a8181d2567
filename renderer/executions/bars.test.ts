import { describe, expect, it } from 'vitest';
import { segmentsOf, timelineRange } from './bars.ts';
import type { ExecutionView, OperationView } from './model.ts';

const base = { attempts: [], parentId: undefined } as const;

describe('segmentsOf', () => {
  it('draws one bar per attempt with the retry delays between them', () => {
    const op: OperationView = {
      ...base,
      id: 'p',
      name: 'process',
      type: 'STEP',
      status: 'SUCCEEDED',
      startMs: 0,
      endMs: 7000,
      attempts: [
        { number: 1, startMs: 0, endMs: 100, status: 'FAILED', error: { type: 'Error', message: 'payment service down' } },
        { number: 2, startMs: 2100, endMs: 2200, status: 'FAILED', error: { message: 'still down' } },
        { number: 3, startMs: 6200, endMs: 7000, status: 'SUCCEEDED', skipped: true },
      ],
    };
    const segs = segmentsOf(op, 10_000);
    expect(segs.map((s) => `${s.kind}:${s.tone}`)).toEqual(['bar:failed', 'gap:pending', 'bar:failed', 'gap:pending', 'bar:succeeded']);
    expect(segs[0]!.title).toBe('Attempt 1 failed after 100 ms\nError: payment service down');
    expect(segs[3]!.skipped).toBe(true);
  });
  it('shows the next attempt scheduled after a failed one', () => {
    const op: OperationView = { ...base, id: 'p', name: 'process', type: 'STEP', status: 'PENDING', startMs: 0, nextAttemptMs: 5000, attempts: [{ number: 1, startMs: 0, endMs: 100, status: 'FAILED' }] };
    const segs = segmentsOf(op, 1000);
    expect(segs.at(-1)).toMatchObject({ kind: 'scheduled', startMs: 100, endMs: 5000, title: 'Attempt 2 in 4 s' });
  });
  it('draws a running wait up to now and the rest up to its scheduled end', () => {
    const op: OperationView = { ...base, id: 'w', name: 'cool-off', type: 'WAIT', status: 'STARTED', startMs: 0, scheduledEndMs: 60_000 };
    const segs = segmentsOf(op, 20_000);
    expect(segs.map((s) => [s.kind, s.startMs, s.endMs])).toEqual([
      ['open', 0, 20_000],
      ['scheduled', 20_000, 60_000],
    ]);
    expect(segs[1]!.title).toBe('Ends in 40 s');
  });
  it('draws a pending callback open up to now, amber', () => {
    const op: OperationView = { ...base, id: 'c', name: 'approval', type: 'CALLBACK', status: 'STARTED', startMs: 1000, callbackId: 'cb' };
    expect(segmentsOf(op, 9000)).toEqual([expect.objectContaining({ kind: 'open', startMs: 1000, endMs: 9000, tone: 'pending' })]);
  });
  it('marks a wait skipped on the virtual clock', () => {
    const op: OperationView = { ...base, id: 'w', name: 'w', type: 'WAIT', status: 'SUCCEEDED', startMs: 0, endMs: 10, scheduledEndMs: 3_600_000, skipped: true };
    expect(segmentsOf(op, 20)[0]).toMatchObject({ skipped: true, kind: 'bar' });
  });
});

describe('timelineRange', () => {
  const execution: ExecutionView = { arn: 'a', name: 'n', functionName: 'f', status: 'RUNNING', startMs: 1000 };
  it('runs from the start to now while running, with a little air', () => {
    const range = timelineRange(execution, [], 11_000);
    expect(range.startMs).toBe(1000);
    expect(range.endMs).toBeCloseTo(11_400);
  });
  it('stretches to a wait still scheduled in the future', () => {
    const wait: OperationView = { ...base, id: 'w', name: 'w', type: 'WAIT', status: 'STARTED', startMs: 2000, scheduledEndMs: 101_000 };
    expect(timelineRange(execution, [wait], 11_000).endMs).toBeCloseTo(1000 + 100_000 * 1.04);
  });
  it('ends at the end of a finished execution', () => {
    const done = { ...execution, status: 'SUCCEEDED', endMs: 6000 };
    expect(timelineRange(done, [], 99_999).endMs).toBeCloseTo(1000 + 5000 * 1.04);
  });
});
