import { LocalDurableTestRunner, WaitingOperationStatus } from '@aws/durable-execution-sdk-js-testing';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TEMPLATE_SAMPLE_EVENTS } from './templates.ts';

type DurableHandler = ConstructorParameters<typeof LocalDurableTestRunner>[0]['handlerFunction'];

const entry = join(import.meta.dirname, '..', '..', '..', 'resources', 'templates', 'durable-ts', 'index.ts');
let handler: DurableHandler;

beforeAll(async () => {
  // Loaded from source so it shares the SDK instance the test runner drives.
  handler = ((await import(pathToFileURL(entry).href)) as { handler: DurableHandler }).handler;
  await LocalDurableTestRunner.setupTestEnvironment({ skipTime: true });
});

afterAll(async () => {
  await LocalDurableTestRunner.teardownTestEnvironment();
});

describe('durable-ts template under the official test runner', () => {
  it('validates, waits for approval, then processes', async () => {
    const runner = new LocalDurableTestRunner({ handlerFunction: handler });
    const approval = runner.getOperation('wait-for-approval');
    const running = runner.run({ payload: { orderId: 'o-7', amount: 12.5 } });
    await approval.waitForData(WaitingOperationStatus.SUBMITTED);
    await approval.sendCallbackSuccess(JSON.stringify({ approved: true, approver: 'kim' }));
    const execution = await running;
    expect(execution.getStatus()).toBe('SUCCEEDED');
    expect(execution.getResult()).toEqual({ orderId: 'o-7', status: 'PROCESSED', confirmation: 'CONF-o-7-1250', approver: 'kim' });
    expect(runner.getOperation('validate').getStepDetails()?.result).toEqual({ orderId: 'o-7', amount: 12.5 });
    expect(runner.getOperation('process').getStepDetails()?.result).toBe('CONF-o-7-1250');
  });

  it('accepts its own sample event', async () => {
    const runner = new LocalDurableTestRunner({ handlerFunction: handler });
    const approval = runner.getOperation('wait-for-approval');
    const running = runner.run({ payload: JSON.parse(TEMPLATE_SAMPLE_EVENTS['durable-ts']) as unknown });
    await approval.waitForData(WaitingOperationStatus.SUBMITTED);
    await approval.sendCallbackSuccess(JSON.stringify({ approved: true }));
    expect((await running).getResult()).toMatchObject({ orderId: 'order-1001', status: 'PROCESSED' });
  });

  it('stops at a rejection without processing', async () => {
    const runner = new LocalDurableTestRunner({ handlerFunction: handler });
    const approval = runner.getOperation('wait-for-approval');
    const running = runner.run({ payload: { orderId: 'o-8', amount: 3 } });
    await approval.waitForData(WaitingOperationStatus.SUBMITTED);
    await approval.sendCallbackSuccess(JSON.stringify({ approved: false }));
    const execution = await running;
    expect(execution.getResult()).toEqual({ orderId: 'o-8', status: 'REJECTED' });
    expect(execution.getOperations().map((op) => op.getOperationData()?.Name)).not.toContain('process');
  });

  it('fails on an invalid order before asking anyone', async () => {
    const runner = new LocalDurableTestRunner({ handlerFunction: handler });
    const execution = await runner.run({ payload: { orderId: '', amount: 5 } });
    expect(execution.getStatus()).toBe('FAILED');
    expect(JSON.stringify(execution.getError())).toContain('orderId is required');
  });
});
