import { describe, expect, it } from 'vitest';
import { nextPollDelay, POLL_IDLE_MAX_MS, POLL_LIVE_MAX_MS, POLL_LIVE_MS, pollSignature, runsLive } from './run-poll.ts';

describe('runsLive', () => {
  it('is live while the run drawn runs or has not been read yet', () => {
    expect(runsLive('RUNNING', 'arn:1', [])).toBe(true);
    expect(runsLive(undefined, 'arn:1', [])).toBe(true);
    expect(runsLive('SUCCEEDED', 'arn:1', [])).toBe(false);
  });

  it('is live while any listed run runs', () => {
    expect(runsLive(undefined, null, [{ status: 'SUCCEEDED' }, { status: 'RUNNING' }])).toBe(true);
    expect(runsLive(undefined, null, [{ status: 'FAILED' }])).toBe(false);
  });
});

describe('nextPollDelay', () => {
  it('asks every 2 s while a live run changes', () => {
    expect(nextPollDelay(4_500, true, true)).toBe(POLL_LIVE_MS);
  });

  it('backs off to 5 s while a live run stands still', () => {
    let delay = POLL_LIVE_MS;
    const seen: number[] = [];
    for (let i = 0; i < 5; i++) seen.push((delay = nextPollDelay(delay, true, false)));
    expect(seen).toEqual([3_000, 4_500, POLL_LIVE_MAX_MS, POLL_LIVE_MAX_MS, POLL_LIVE_MAX_MS]);
  });

  it('backs off to 30 s when nothing runs', () => {
    let delay = POLL_LIVE_MS;
    for (let i = 0; i < 10; i++) delay = nextPollDelay(delay, false, false);
    expect(delay).toBe(POLL_IDLE_MAX_MS);
    expect(nextPollDelay(POLL_IDLE_MAX_MS, true, false)).toBe(POLL_LIVE_MAX_MS);
  });
});

describe('pollSignature', () => {
  it('changes with new events or a run changing status', () => {
    const runs = [{ executionArn: 'a', status: 'RUNNING' as const }];
    expect(pollSignature(3, runs)).toBe(pollSignature(3, runs));
    expect(pollSignature(4, runs)).not.toBe(pollSignature(3, runs));
    expect(pollSignature(3, [{ executionArn: 'a', status: 'SUCCEEDED' }])).not.toBe(pollSignature(3, runs));
  });
});
