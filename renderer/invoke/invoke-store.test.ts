import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createApi } from '../../shared/contract/client.ts';
import type { InvokeResult } from '../../shared/contract/invoke.ts';
import { setApi } from '../api/api.ts';
import { FOLLOW_AFTER_END_MS, useInvoke } from './invoke-store.ts';

const answer: InvokeResult = {
  requestId: 'r1',
  statusCode: 200,
  payload: '{"ok":true}',
  logs: ['START RequestId: r1 Version: $LATEST', '2026-11-30T00:00:00.000Z\tr1\tINFO\tworking', 'END RequestId: r1', 'REPORT RequestId: r1\tDuration: 1.00 ms'],
};

beforeEach(() => {
  vi.useFakeTimers({ toFake: ['Date'] });
  setApi(
    createApi({
      invoke: async (method) => (method === 'invoke.run' ? { ok: true, value: answer } : { ok: false, error: { code: 'NOT_FOUND', message: `no ${method} here` } }),
      subscribe: () => () => undefined,
    }),
  );
});
afterEach(() => {
  vi.useRealTimers();
});

describe('the Invoke panel store', () => {
  it('adds lines that trail a result, once each, for a moment after it ended', async () => {
    const { run, appendLog } = useInvoke.getState();
    await run('fn');
    // A line the result already holds, arriving late on the event channel, is not shown twice.
    appendLog('fn', '2026-11-30T00:00:00.000Z\tr1\tINFO\tworking');
    // A container's line that trailed the answer joins it.
    appendLog('fn', '2026-11-30T00:00:00.001Z\tr1\tINFO\tlate from the container');
    expect(useInvoke.getState().get('fn').result?.logs).toEqual([...answer.logs, '2026-11-30T00:00:00.001Z\tr1\tINFO\tlate from the container']);
    vi.setSystemTime(Date.now() + FOLLOW_AFTER_END_MS + 1);
    appendLog('fn', 'START RequestId: r2 Version: $LATEST');
    expect(useInvoke.getState().get('fn').result?.logs).toHaveLength(answer.logs.length + 1);
  });
});

describe('a durable result the panel follows', () => {
  it('takes the lines of its own execution\u2019s invocations only, not those of other executions of the function', async () => {
    const running: InvokeResult = { requestId: 'exec-a', statusCode: 202, payload: '{"DurableExecutionArn":"arn:a","Status":"RUNNING"}', logs: [], durableExecutionArn: 'arn:a' };
    setApi(
      createApi({
        invoke: async (method) => (method === 'invoke.run' ? { ok: true, value: running } : { ok: false, error: { code: 'NOT_FOUND', message: `no ${method} here` } }),
        subscribe: () => () => undefined,
      }),
    );
    const { run, appendLog, invocationStarted } = useInvoke.getState();
    await run('orders');
    invocationStarted({ requestId: 'b1', durableExecutionArn: 'arn:b' });
    appendLog('orders', 'START RequestId: b1 Version: $LATEST', 'b1');
    invocationStarted({ requestId: 'a2', durableExecutionArn: 'arn:a' });
    appendLog('orders', 'START RequestId: a2 Version: $LATEST', 'a2');
    expect(useInvoke.getState().get('orders').result?.logs).toEqual(['START RequestId: a2 Version: $LATEST']);
  });
});
