import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ParsedInput } from '../../../shared/contract/index.ts';
import { parseHistoryFile } from '../../../shared/executions/history-file.ts';
import type { Handlers } from './handler-table.ts';
import { createLambdaApiClient, type LambdaApiCall } from '../lambda-client/lambda-api-client.ts';
import type { StudioServices } from '../studio/studio-services.ts';
import { addTemplateFunction, startTestStudio, untilWith } from '../studio/test-support.ts';

let dir: string;
let services: StudioServices;
let h: Handlers;
let call: LambdaApiCall;

const until = untilWith();

/** Starts an order-approval execution as any Lambda client would: an Event invoke with a name. */
async function start(name: string, input: object): Promise<string> {
  const reply = await call({
    method: 'POST',
    path: '/2015-03-31/functions/orders/invocations',
    headers: { 'x-amz-invocation-type': 'Event', 'x-amz-durable-execution-name': name },
    body: JSON.stringify(input),
  });
  return reply.headers['x-amz-durable-execution-arn'] ?? '';
}

const pendingFor = (arn: string) =>
  until(async () => (await h['callbacks.pending']({})).find((c) => c.executionArn === arn), `a pending callback of ${arn}`);
const statusOf = async (arn: string) => (await h['executions.get']({ arn })).Status;
const settled = (arn: string, status: string) => until(async () => ((await statusOf(arn)) === status ? status : undefined), `${arn} to be ${status}`);
const list = (filter: ParsedInput<'executions.list'>) => h['executions.list'](filter);

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'studio-executions-'));
  await addTemplateFunction(dir, 'durable-ts', 'orders');
  services = await startTestStudio(dir);
  h = services.handlers;
  const { endpoint, region, credentials } = services.lambda;
  call = createLambdaApiClient(() => ({ endpoint, region, credentials }));
  await until(async () => ((await call({ method: 'GET', path: '/2015-03-31/functions/orders' })).status === 200 ? true : undefined), 'the workspace function');
}, 60_000);

afterAll(async () => {
  await services.close();
  await rm(dir, { recursive: true, force: true });
});

/** An execution waiting for its approval, with the callback it waits on. */
async function waiting(name: string, input: object = { orderId: name, amount: 1 }) {
  const arn = await start(name, input);
  return { arn, pending: await pendingFor(arn) };
}

/** An execution that was approved and succeeded. */
async function approvedRun(name: string): Promise<string> {
  const { arn, pending } = await waiting(name, { orderId: 'o-1', amount: 12.5 });
  await h['callbacks.succeed']({ callbackId: pending.callbackId, result: '{"approved": true, "approver": "ada"}' });
  await settled(arn, 'SUCCEEDED');
  return arn;
}

// Each test starts the executions it needs, under names of its own, so any one runs alone or in any order.
describe('executions through the Lambda API', () => {
  it('lists pending callbacks across executions with their deadlines', async () => {
    const approved = await start('list-approve-me', { orderId: 'o-1', amount: 12.5 });
    const rejected = await start('list-reject-me', { orderId: 'o-2', amount: 3 });
    const first = await pendingFor(approved);
    await pendingFor(rejected);
    expect(first).toMatchObject({ executionName: 'list-approve-me', functionName: 'orders', operationName: 'wait-for-approval' });
    expect(first.callbackId).not.toBe('');
    expect((first.timeoutAtMs ?? 0) - first.startedMs).toBe(86_400_000);

    const all = await list({ nameContains: 'list-' });
    expect(all.counts).toEqual({ RUNNING: 2 });
    expect(all.items.map((e) => e.DurableExecutionName).sort()).toEqual(['list-approve-me', 'list-reject-me']);
    expect((await list({ nameContains: 'LIST-APPROVE' })).items.map((e) => e.DurableExecutionArn)).toEqual([approved]);
    expect((await list({ nameContains: 'list-', statuses: ['SUCCEEDED'] })).items).toEqual([]);

    // A page at a time: the counts are of every match, the cursor leads to the rest.
    const firstPage = await list({ nameContains: 'list-', limit: 1 });
    expect(firstPage.counts).toEqual({ RUNNING: 2 });
    expect(firstPage.items.map((e) => e.DurableExecutionArn)).toEqual([rejected]);
    const secondPage = await list({ nameContains: 'list-', limit: 1, cursor: firstPage.nextCursor ?? '' });
    expect(secondPage.items.map((e) => e.DurableExecutionArn)).toEqual([approved]);
    expect(secondPage.nextCursor).toBeUndefined();
    await expect(list({ limit: 1, cursor: 'page-2' })).rejects.toMatchObject({ code: 'BAD_INPUT' });
  });

  it('keeps the durable logger’s lines of an execution with the operation that wrote them', async () => {
    const { arn } = await waiting('logs-order', { orderId: 'o-1', amount: 12.5 });
    const lines = await until(async () => {
      const found = await h['executions.logs']({ arn });
      return found.some((l) => l.message.includes('Approval requested')) ? found : undefined;
    }, 'the submitter’s log line');
    const line = lines.find((l) => l.message.includes('Approval requested'));
    expect(line).toMatchObject({ level: 'INFO', attempt: 1 });
    const ids = new Set((await h['executions.history']({ arn })).Events.map((e) => e.Id));
    expect(ids.has(line?.operationId)).toBe(true);
    expect(await h['executions.logs']({ arn: 'arn:aws:lambda:us-east-1:000000000000:function:orders:$LATEST/durable-execution/x/y' })).toEqual([]);

    // The approval carries what the handler logged when it asked, and what the execution started with.
    const pending = await pendingFor(arn);
    expect(pending.requestLog?.map((l) => l.message)).toEqual([expect.stringContaining('Approval requested')]);
    expect(pending.stepPath).toEqual(['wait-for-approval']);
    expect(JSON.parse(pending.input ?? 'null')).toEqual({ orderId: 'o-1', amount: 12.5 });
  });

  it('completes a callback once: the execution resumes, a second answer is refused and changes nothing', async () => {
    const { arn, pending } = await waiting('once-order', { orderId: 'o-1', amount: 12.5 });
    const { callbackId } = pending;
    await expect(h['callbacks.succeed']({ callbackId, result: '{"approved": tru' })).rejects.toMatchObject({ code: 'BAD_INPUT' });
    expect(await statusOf(arn)).toBe('RUNNING');

    await h['callbacks.succeed']({ callbackId, result: '{"approved": true, "approver": "ada"}' });
    await settled(arn, 'SUCCEEDED');
    const done = await h['executions.get']({ arn });
    expect(JSON.parse(done.Result ?? 'null')).toMatchObject({ orderId: 'o-1', status: 'PROCESSED', approver: 'ada' });
    await expect(h['callbacks.succeed']({ callbackId, result: '{"approved": false}' })).rejects.toMatchObject({ message: expect.stringMatching(/accepts no further results/) });
    expect(JSON.parse((await h['executions.get']({ arn })).Result ?? 'null')).toMatchObject({ approver: 'ada' });
  });

  it('fails a callback with the error a person typed; the execution fails with it', async () => {
    const { arn, pending } = await waiting('fail-order', { orderId: 'o-2', amount: 3 });
    const { callbackId } = pending;
    await h['callbacks.heartbeat']({ callbackId });
    await h['callbacks.fail']({ callbackId, error: { type: 'Rejected', message: 'over budget', data: '{"limit": 1}' } });
    await settled(arn, 'FAILED');
    const failed = await h['executions.get']({ arn });
    expect(failed.Error?.ErrorMessage).toContain('over budget');
    expect((await h['callbacks.pending']({})).filter((c) => c.executionArn === arn)).toEqual([]);
  });

  it('returns the whole history, and exports it as a file that reads back the same', async () => {
    const approved = await approvedRun('export-order');
    const { Events } = await h['executions.history']({ arn: approved });
    expect(Events[0]?.EventType).toBe('ExecutionStarted');
    expect(Events.map((e) => e.EventType)).toEqual(expect.arrayContaining(['CallbackStarted', 'CallbackSucceeded', 'ExecutionSucceeded']));
    const lastId = Events.at(-1)?.EventId ?? 0;
    expect(await h['executions.history']({ arn: approved, afterEventId: lastId })).toEqual({ Events: [], continued: true });
    const tail = await h['executions.history']({ arn: approved, afterEventId: lastId - 2 });
    expect(tail).toEqual({ Events: Events.slice(-2), continued: true });
    const exported = await h['executions.exportHistory']({ arn: approved });
    expect(exported.fileName).toBe('export-order.history.json');
    expect(JSON.parse(exported.text)).toEqual({ Events });
    expect(parseHistoryFile(exported.text).events).toEqual(Events);
  });

  it('stops the running ones of a selection and says why it left the others', async () => {
    const [{ arn: running }, done] = await Promise.all([waiting('stop-me'), approvedRun('stop-done')]);
    const outcome = await h['executions.stop']({ arns: [running, done] });
    expect(outcome.stopped).toEqual([running]);
    expect(outcome.failed).toEqual([{ arn: done, message: 'stop-done is already SUCCEEDED.' }]);
    expect(await statusOf(running)).toBe('STOPPED');
    expect((await list({ nameContains: 'stop-' })).counts).toEqual({ SUCCEEDED: 1, STOPPED: 1 });
  });

  it('re-runs an execution with the same input, and skips its callback timeout on the virtual clock', async () => {
    const approved = await approvedRun('rerun-order');
    const { arn } = await h['executions.rerun']({ arn: approved });
    expect(arn).not.toBe(approved);
    const again = await h['executions.get']({ arn });
    expect(JSON.parse(again.InputPayload ?? '{}')).toEqual({ orderId: 'o-1', amount: 12.5 });
    const pending = await pendingFor(arn);

    // Before anything fires, the engine says what would: the approval's timeout, which fails the execution.
    expect((await h['executions.retryState']({ arn })).retry).toBeNull();
    const { next } = await h['clock.next']({ arn });
    expect(next).toMatchObject({ kind: 'callback-timeout', operationId: pending.operationId, operationName: 'wait-for-approval', failsExecution: true });
    expect(next?.description).toMatch(/^fires the callback timeout of wait-for-approval: .*the execution/);
    // A confirmation of another timer fires nothing.
    await expect(h['clock.skip']({ arn, expected: { kind: 'wait', operationId: pending.operationId } })).rejects.toMatchObject({ code: 'CONFLICT' });
    expect(await statusOf(arn)).toBe('RUNNING');

    const { skipped } = await h['clock.skip']({ arn, expected: { kind: 'callback-timeout', operationId: pending.operationId } });
    expect(skipped).toEqual({ kind: expect.any(String), operationId: expect.any(String) });
    await settled(arn, 'FAILED');
    const events = (await h['executions.history']({ arn })).Events;
    const timedOut = events.find((e) => e.EventType === 'CallbackTimedOut');
    expect(timedOut).toMatchObject({ Skipped: true });
    expect(timedOut?.Id).toBe(pending.operationId);
    expect((await h['clock.next']({ arn })).next).toBeNull();
  });

  it('answers unknown executions and callbacks with the API\'s own errors', async () => {
    const missing = 'arn:aws:lambda:us-east-1:000000000000:function:orders:$LATEST/durable-execution/nowhere/00000000-0000-0000-0000-000000000000';
    await expect(h['executions.get']({ arn: missing })).rejects.toMatchObject({ code: 'NOT_FOUND' });
    await expect(h['callbacks.succeed']({ callbackId: 'not-a-callback', result: '{}' })).rejects.toMatchObject({ code: 'BAD_INPUT', message: expect.stringMatching(/callback id is not valid/) });
  });
});

describe('executions of functions that are no longer durable, or no longer there', () => {
  it('are still listed: switched off, renamed or deleted, their executions stay, a missing function marked', async () => {
    for (const name of ['switched', 'removed']) await addTemplateFunction(dir, 'durable-ts', name);
    const run = async (fn: string) => (await h['invoke.run']({ functionName: fn, payload: '{"orderId": "x", "amount": 1}' })).durableExecutionArn ?? '';
    const switched = await until(async () => (await run('switched')) || undefined, 'an execution of switched');
    const removed = await until(async () => (await run('removed')) || undefined, 'an execution of removed');

    const config = join(dir, 'functions', 'switched', 'function.json');
    await writeFile(config, (await readFile(config, 'utf8')).replace('"enabled": true', '"enabled": false'));
    await until(async () => ((await h['functions.get']({ name: 'switched' })).config?.durable?.enabled === false ? true : undefined), 'durable off');
    await until(async () => ((await call({ method: 'GET', path: '/2015-03-31/functions/switched' })).body as { Configuration?: { DurableConfig?: unknown } }).Configuration?.DurableConfig === undefined ? true : undefined, 'the service to see durable off');
    await h['functions.delete']({ name: 'removed' });

    const items = (await list({})).items;
    expect(items.find((e) => e.DurableExecutionArn === switched)).toMatchObject({ FunctionName: 'switched', Status: 'RUNNING' });
    expect(items.find((e) => e.DurableExecutionArn === switched)?.FunctionDeleted).toBeUndefined();
    expect(items.find((e) => e.DurableExecutionArn === removed)).toMatchObject({ FunctionName: 'removed', FunctionDeleted: true });
    expect((await list({ functionName: 'removed' })).items.map((e) => e.DurableExecutionArn)).toEqual([removed]);
  }, 60_000);
});
