import { describe, expect, it } from 'vitest';
import { createExecutionNotices } from './execution-notices.ts';

const change = (status: string, arn = 'arn:aws:lambda:us-east-1:000000000000:function:orders:$LATEST/durable-execution/run-1/x') => ({
  durableExecutionArn: arn,
  durableExecutionName: 'run-1',
  functionArn: 'arn:aws:lambda:us-east-1:000000000000:function:orders',
  status,
  startTimestamp: '2026-11-23T20:00:00.000Z',
  lastEventId: 3,
});

describe('execution notices', () => {
  it('tells each closed execution once and stays quiet while it runs', () => {
    const notice = createExecutionNotices();
    expect(notice(change('RUNNING'))).toBeUndefined();
    expect(notice(change('FAILED'))).toEqual({ title: 'orders failed', body: 'Durable execution run-1' });
    expect(notice(change('FAILED'))).toBeUndefined();
    expect(notice(change('TIMED_OUT', 'other-arn'))).toEqual({ title: 'orders timed out', body: 'Durable execution run-1' });
  });
});
