import { describe, expect, it } from 'vitest';
import { FunctionConfig } from '../../../shared/workspace/function-config.ts';
import { createScheduler, type SchedulerClock } from './scheduler.ts';
import type { ScheduledEvent } from './scheduled-event.ts';

/** A clock that only moves when told, firing due timers in time order as it passes them. */
function virtualClock(startMs: number): SchedulerClock & { advance(ms: number): Promise<void> } {
  let now = startMs;
  let seq = 0;
  const timers = new Map<number, { at: number; fn: () => void }>();
  return {
    now: () => now,
    setTimer(ms, fn) {
      const id = ++seq;
      timers.set(id, { at: now + ms, fn });
      return () => timers.delete(id);
    },
    async advance(ms) {
      const end = now + ms;
      for (;;) {
        const next = [...timers.entries()].filter(([, t]) => t.at <= end).sort((a, b) => a[1].at - b[1].at || a[0] - b[0])[0];
        if (next === undefined) break;
        timers.delete(next[0]);
        now = next[1].at;
        next[1].fn();
        await Promise.resolve();
      }
      now = end;
    },
  };
}

const config = (expression: string | null, enabled = true) =>
  FunctionConfig.parse({ runtime: 'nodejs22.x', handler: 'index.handler', ...(expression === null ? {} : { triggers: { schedule: { enabled, expression } } }) });

function setup(configs: Record<string, FunctionConfig>, startIso = '2026-03-10T12:00:30Z') {
  const clock = virtualClock(Date.parse(startIso));
  const fired: { name: string; event: ScheduledEvent }[] = [];
  const scheduler = createScheduler({
    list: async () => Object.entries(configs).map(([name, c]) => ({ name, config: c })),
    get: async (name) => configs[name] ?? null,
    fire: async (name, event) => {
      fired.push({ name, event });
    },
    region: 'us-east-1',
    account: '000000000000',
    clock,
  });
  return { clock, fired, scheduler, configs };
}

describe('the scheduler', () => {
  it('fires rate(1 minute) once a minute under a virtual clock, with the scheduled event', async () => {
    const { clock, fired, scheduler } = setup({ tick: config('rate(1 minute)'), idle: config(null) });
    await scheduler.start();
    await clock.advance(5 * 60_000);
    expect(fired.map((f) => f.name)).toEqual(['tick', 'tick', 'tick', 'tick', 'tick']);
    expect(fired.map((f) => f.event.time)).toEqual(['2026-03-10T12:01:30Z', '2026-03-10T12:02:30Z', '2026-03-10T12:03:30Z', '2026-03-10T12:04:30Z', '2026-03-10T12:05:30Z']);
    expect(fired[0]?.event).toMatchObject({ version: '0', 'detail-type': 'Scheduled Event', source: 'aws.events', account: '000000000000', region: 'us-east-1', resources: ['arn:aws:events:us-east-1:000000000000:rule/tick-schedule'], detail: {} });
    expect(scheduler.next('tick', 2)?.map((t) => new Date(t).toISOString())).toEqual(['2026-03-10T12:06:30.000Z', '2026-03-10T12:07:30.000Z']);
    expect(scheduler.next('idle', 2)).toBeNull();
    scheduler.close();
  });

  it('fires a cron schedule at its minutes and follows an edited or disabled schedule', async () => {
    const { clock, fired, scheduler, configs } = setup({ report: config('cron(0/15 * * * ? *)') });
    await scheduler.start();
    await clock.advance(31 * 60_000); // 12:00:30 -> 12:31:30
    expect(fired.map((f) => f.event.time)).toEqual(['2026-03-10T12:15:00Z', '2026-03-10T12:30:00Z']);
    configs.report = config('rate(10 minutes)');
    await scheduler.refresh('report');
    await clock.advance(20 * 60_000);
    expect(fired.map((f) => f.event.time).slice(2)).toEqual(['2026-03-10T12:41:30Z', '2026-03-10T12:51:30Z']);
    configs.report = config('rate(10 minutes)', false);
    await scheduler.refresh('report');
    await clock.advance(60 * 60_000);
    expect(fired).toHaveLength(4);
    scheduler.close();
  });

  it('fires now on demand, and nothing after it is closed', async () => {
    const { clock, fired, scheduler } = setup({ tick: config('rate(1 hour)') });
    await scheduler.start();
    expect(await scheduler.fireNow('tick')).toBe(true);
    expect(await scheduler.fireNow('nobody')).toBe(false);
    expect(fired[0]?.event.time).toBe('2026-03-10T12:00:30Z');
    scheduler.close();
    await clock.advance(3 * 3_600_000);
    expect(fired).toHaveLength(1);
  });

  it('waits through a timer longer than the longest one armed at once', async () => {
    const { clock, fired, scheduler } = setup({ yearly: config('cron(0 0 1 JAN ? *)') });
    await scheduler.start();
    await clock.advance(365 * 86_400_000);
    expect(fired.map((f) => f.event.time)).toEqual(['2027-01-01T00:00:00Z']);
    scheduler.close();
  });
});
