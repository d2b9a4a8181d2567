import { LocalDurableTestRunner, WaitingOperationStatus } from '@aws/durable-execution-sdk-js-testing';
import { createRetryStrategy, withDurableExecution } from '@aws/durable-execution-sdk-js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { HistoryEvent } from '../../shared/contract/executions.ts';
import { parseHistoryFile } from '../../shared/executions/history-file.ts';
import { fromHistory } from './from-history.ts';

/**
 * The timeline must read histories made by other tools, not only this studio's. Here the
 * official testing library's LocalDurableTestRunner (whose events match AWS's backend) runs an
 * order approval — validate, a waitForCallback answered by a client, a process step that fails
 * twice before it succeeds — and its history, written to JSON as a file would hold it, becomes
 * timeline rows.
 */
// Outside the handler: each retry is a new invocation that replays the handler from the top.
let tries = 0;
const order = withDurableExecution(async (event: { orderId: string }, context) => {
  const valid = await context.step('validate', async () => ({ orderId: event.orderId }));
  const decision = await context.waitForCallback('wait-for-approval', async () => {}, { timeout: { hours: 1 } });
  const confirmation = await context.step(
    'process',
    async () => {
      tries += 1;
      if (tries < 3) throw new Error(`payment service unavailable (${tries})`);
      return `CONF-${valid.orderId}`;
    },
    { retryStrategy: createRetryStrategy({ maxAttempts: 5, initialDelay: { seconds: 1 }, backoffRate: 1 }) },
  );
  return { decision, confirmation };
});

let fileText = '';

beforeAll(async () => {
  await LocalDurableTestRunner.setupTestEnvironment({ skipTime: true });
  const runner = new LocalDurableTestRunner({ handlerFunction: order });
  const approval = runner.getOperation('wait-for-approval');
  const run = runner.run({ payload: { orderId: 'A-1' } });
  await approval.waitForData(WaitingOperationStatus.SUBMITTED);
  await approval.sendCallbackSuccess('{"approved":true}');
  const result = await run;
  fileText = JSON.stringify({ Events: result.getHistoryEvents() }, null, 2);
}, 60_000);

afterAll(() => LocalDurableTestRunner.teardownTestEnvironment());

describe('a history from the official LocalDurableTestRunner', () => {
  it('is a valid history file in GetDurableExecutionHistory’s shape', () => {
    const { events } = parseHistoryFile(fileText);
    expect(events.length).toBeGreaterThan(8);
    for (const event of events) expect(HistoryEvent.safeParse(event).success).toBe(true);
    expect(events[0]?.EventType).toBe('ExecutionStarted');
  });

  it('becomes timeline rows: the steps, the callback nested in its context, every attempt', () => {
    const { operations, execution } = fromHistory(parseHistoryFile(fileText).events);
    expect(execution.status).toBe('SUCCEEDED');
    expect(Number.isFinite(execution.startMs)).toBe(true);

    const named = (name: string, type: string) => operations.find((o) => o.name === name && o.type === type);
    expect(named('validate', 'STEP')).toMatchObject({ status: 'SUCCEEDED' });

    const context = named('wait-for-approval', 'CONTEXT');
    const callback = operations.find((o) => o.type === 'CALLBACK');
    expect(context?.status).toBe('SUCCEEDED');
    expect(callback).toMatchObject({ parentId: context?.id, status: 'SUCCEEDED', result: '{"approved":true}' });
    expect(callback?.callbackId).toBeTruthy();

    const process = named('process', 'STEP');
    expect(process?.status).toBe('SUCCEEDED');
    expect(process?.attempts.map((a) => a.status)).toEqual(['FAILED', 'FAILED', 'SUCCEEDED']);
    expect(process?.attempts[0]?.error?.message).toBe('payment service unavailable (1)');
    for (const o of operations) expect(Number.isFinite(o.startMs), `${o.name} start`).toBe(true);
  });
});
