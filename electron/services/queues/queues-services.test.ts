import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FunctionConfig } from '../../../shared/workspace/function-config.ts';
import { startStudioServices, type StudioServices } from '../studio/studio-services.ts';
import { createFakeClock } from './fake-clock.ts';
import { openQueueStore } from './queue-store.ts';

const root = join(import.meta.dirname, '..', '..', '..');
let dir: string;
let services: StudioServices;
const clock = createFakeClock();
const queue = { enabled: true, batchSize: 10, visibilityTimeoutSeconds: 30, maxReceiveCount: 2 };

// Every delivery is logged as `DELIVERED <receive count> <body>`. A body with `flaky` fails its
// first delivery through batchItemFailures; "poison" makes the handler throw for the whole batch.
const HANDLER = `export const handler = async (event) => {
  const failures = [];
  for (const record of event.Records) {
    console.log('DELIVERED', record.attributes.ApproximateReceiveCount, record.body);
    if (record.body === 'poison') throw new Error('cannot digest poison');
    if (record.body.includes('flaky') && record.attributes.ApproximateReceiveCount === '1') failures.push({ itemIdentifier: record.messageId });
  }
  return { batchItemFailures: failures };
};
`;

// A durable function behind a queue: its execution's result is the batch response; "boom" fails the execution.
const DURABLE = `import { withDurableExecution } from '@aws/durable-execution-sdk-js';
export const handler = withDurableExecution(async (event, context) => {
  const bodies = await context.step('read', async () => event.Records.map((r) => r.body));
  console.log('DELIVERED', 'durable', bodies.join(','));
  if (bodies.includes('boom')) throw new Error('boom in the execution');
  return { batchItemFailures: event.Records.filter((r) => r.body === 'flaky').map((r) => ({ itemIdentifier: r.messageId })) };
});
`;

const deliveries: string[] = [];

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'studio-queues-'));
  const folder = join(dir, 'functions', 'orders');
  await mkdir(folder, { recursive: true });
  await writeFile(join(folder, 'index.mjs'), HANDLER);
  await writeFile(join(folder, 'function.json'), JSON.stringify({ runtime: 'nodejs22.x', handler: 'index.handler', timeout: 10, triggers: { queue } }));
  const flow = join(dir, 'functions', 'flow');
  await mkdir(flow, { recursive: true });
  await writeFile(join(flow, 'index.mjs'), DURABLE);
  await writeFile(join(flow, 'function.json'), JSON.stringify({ runtime: 'nodejs22.x', handler: 'index.handler', timeout: 10, durable: { enabled: true }, triggers: { queue } }));
  const gather = join(dir, 'functions', 'gather');
  await mkdir(gather, { recursive: true });
  await writeFile(join(gather, 'index.mjs'), "export const handler = async (event) => { console.log('DELIVERED', 'batch', event.Records.map((r) => r.body).join(',')); };\n");
  await writeFile(join(gather, 'function.json'), JSON.stringify({ runtime: 'nodejs22.x', handler: 'index.handler', timeout: 10, triggers: { queue: { enabled: true, batchSize: 3, batchWindowSeconds: 10 } } }));
  services = await startStudioServices({ workspaceDir: dir, host: 'serve', version: '0.0.0', resourcesDir: join(root, 'resources'), nodeModulesDir: join(root, 'node_modules'), syncOnStart: false, queueClock: clock });
  services.lambda.onLog((line) => {
    const at = line.line.indexOf('DELIVERED ');
    if (at >= 0) deliveries.push(line.line.slice(at + 'DELIVERED '.length).trim());
  });
}, 60_000);

afterAll(async () => {
  await services?.close();
  await rm(dir, { recursive: true, force: true });
});

const status = () => services.handlers['queues.status']({ functionName: 'orders' });
const counts = async () => (await status()).counts;
const send = (...bodies: string[]) => services.handlers['queues.send']({ functionName: 'orders', messages: bodies.map((body) => ({ body })) });

describe('a function behind a local queue', () => {
  it('redelivers exactly the two items a batch reported failed, once their visibility timeout has passed', async () => {
    deliveries.length = 0;
    await send('{"n":1}', '{"n":2,"flaky":true}', '{"n":3}', '{"n":4,"flaky":true}', '{"n":5}');
    await expect.poll(counts, { timeout: 20_000 }).toEqual({ visible: 0, inFlight: 2, deadLetter: 0 });
    expect(deliveries).toEqual(['1 {"n":1}', '1 {"n":2,"flaky":true}', '1 {"n":3}', '1 {"n":4,"flaky":true}', '1 {"n":5}']);
    const waiting = (await status()).messages;
    expect(waiting.map((m) => [m.body, m.state, m.receiveCount, m.lastError])).toEqual([
      ['{"n":2,"flaky":true}', 'inFlight', 1, 'Reported in batchItemFailures'],
      ['{"n":4,"flaky":true}', 'inFlight', 1, 'Reported in batchItemFailures'],
    ]);

    // Not before the visibility timeout ends.
    clock.advance(29_000);
    expect(await counts()).toEqual({ visible: 0, inFlight: 2, deadLetter: 0 });
    expect(deliveries).toHaveLength(5);

    clock.advance(1_500);
    await expect.poll(counts, { timeout: 20_000 }).toEqual({ visible: 0, inFlight: 0, deadLetter: 0 });
    expect(deliveries.slice(5)).toEqual(['2 {"n":2,"flaky":true}', '2 {"n":4,"flaky":true}']);
  }, 60_000);

  it('moves a poison message to the dead-letter list after its last allowed receive, and redrives it', async () => {
    deliveries.length = 0;
    const { messageIds } = await send('poison');
    await expect.poll(counts, { timeout: 20_000 }).toEqual({ visible: 0, inFlight: 1, deadLetter: 0 });
    clock.advance(30_000);
    await expect.poll(() => deliveries.length, { timeout: 20_000 }).toBe(2);
    await expect.poll(async () => (await status()).messages[0]?.receiveCount, { timeout: 20_000 }).toBe(2);
    clock.advance(30_000);
    await expect.poll(counts, { timeout: 20_000 }).toEqual({ visible: 0, inFlight: 0, deadLetter: 1 });
    expect(deliveries).toEqual(['1 poison', '2 poison']);
    const [dead] = (await status()).messages;
    expect(dead).toMatchObject({ messageId: messageIds[0], state: 'deadLetter', receiveCount: 2 });
    expect(dead?.lastError).toMatch(/^Error: cannot digest poison/);

    expect(await services.handlers['queues.redrive']({ functionName: 'orders' })).toEqual({ moved: 1 });
    await expect.poll(() => deliveries.length, { timeout: 20_000 }).toBe(3);
    expect(deliveries[2]).toBe('1 poison');
    await expect.poll(counts, { timeout: 20_000 }).toEqual({ visible: 0, inFlight: 1, deadLetter: 0 });
    await services.handlers['queues.purge']({ functionName: 'orders', which: 'queue' });
    expect(await counts()).toEqual({ visible: 0, inFlight: 0, deadLetter: 0 });
  }, 60_000);

  it("runs a durable function's batch as an execution: its result is the batch response, and a failed execution returns the whole batch", async () => {
    const flowCounts = async () => (await services.handlers['queues.status']({ functionName: 'flow' })).counts;
    const executions = async () => (await services.handlers['invocations.list']({ functionName: 'flow' })).filter((i) => i.caller === 'queue' && i.durableExecutionArn !== undefined);
    await services.handlers['queues.send']({ functionName: 'flow', messages: [{ body: 'fine' }, { body: 'flaky' }] });
    await expect.poll(flowCounts, { timeout: 30_000 }).toEqual({ visible: 0, inFlight: 1, deadLetter: 0 });
    expect((await services.handlers['queues.status']({ functionName: 'flow' })).messages.map((m) => m.body)).toEqual(['flaky']);
    expect((await executions()).length).toBeGreaterThan(0);
    await services.handlers['queues.purge']({ functionName: 'flow', which: 'queue' });

    await services.handlers['queues.send']({ functionName: 'flow', messages: [{ body: 'fine' }, { body: 'boom' }] });
    await expect
      .poll(async () => (await services.handlers['queues.status']({ functionName: 'flow' })).messages.map((m) => [m.state, m.lastError]), { timeout: 30_000 })
      .toEqual([['inFlight', 'Error: boom in the execution'], ['inFlight', 'Error: boom in the execution']]);
  }, 60_000);

  it('waits up to the batching window for a full batch, and sends a full one at once', async () => {
    deliveries.length = 0;
    const gatherCounts = async () => (await services.handlers['queues.status']({ functionName: 'gather' })).counts;
    const sendTo = (...bodies: string[]) => services.handlers['queues.send']({ functionName: 'gather', messages: bodies.map((body) => ({ body })) });
    await sendTo('a', 'b');
    clock.advance(9_000);
    // The receive is written as a batch starts: nothing in flight means no batch went.
    expect(await gatherCounts()).toEqual({ visible: 2, inFlight: 0, deadLetter: 0 });
    clock.advance(1_000);
    await expect.poll(() => deliveries, { timeout: 20_000 }).toEqual(['batch a,b']);
    await expect.poll(gatherCounts, { timeout: 20_000 }).toEqual({ visible: 0, inFlight: 0, deadLetter: 0 });

    await sendTo('c', 'd', 'e', 'f');
    await expect.poll(() => deliveries, { timeout: 20_000 }).toEqual(['batch a,b', 'batch c,d,e']);
    await expect.poll(gatherCounts, { timeout: 20_000 }).toEqual({ visible: 1, inFlight: 0, deadLetter: 0 });
    clock.advance(10_000);
    await expect.poll(() => deliveries, { timeout: 20_000 }).toEqual(['batch a,b', 'batch c,d,e', 'batch f']);
  }, 60_000);

  it('notices messages another process wrote to the store (the CLI), tells the views and delivers them', async () => {
    deliveries.length = 0;
    const changes: string[] = [];
    const stop = services.events.subscribe((event, payload) => {
      if (event === 'queues.changed') changes.push((payload as { functionName: string }).functionName);
    });
    const other = openQueueStore(join(dir, '.studio', 'queues.db'));
    try {
      // To the queue with a batching window: nothing is delivered at the next poll, so only noticing the write tells the views.
      other.send('gather', [{ body: 'from the cli' }], clock.now());
    } finally {
      other.close();
    }
    clock.advance(200);
    expect(changes).toContain('gather');
    const batches = () => deliveries.filter((d) => d.startsWith('batch '));
    expect(batches()).toEqual([]);
    clock.advance(10_000);
    await expect.poll(batches, { timeout: 20_000 }).toEqual(['batch from the cli']);
    stop();
  }, 30_000);

  it("takes a queue's messages along when its function is renamed", async () => {
    await services.handlers['functions.saveConfig']({ name: 'gather', config: FunctionConfig.parse({ runtime: 'nodejs22.x', handler: 'index.handler', triggers: { queue: { enabled: false } } }) });
    await expect.poll(async () => (await services.handlers['queues.status']({ functionName: 'gather' })).delivering, { timeout: 10_000 }).toBe(false);
    await services.handlers['queues.send']({ functionName: 'gather', messages: [{ body: 'kept' }] });
    await services.handlers['functions.rename']({ from: 'gather', to: 'collect' });
    expect((await services.handlers['queues.status']({ functionName: 'gather' })).counts.visible).toBe(0);
    expect((await services.handlers['queues.status']({ functionName: 'collect' })).messages.map((m) => m.body)).toEqual(['kept']);
  }, 30_000);

  it('receives nothing while the function cannot be read, and delivers once it is fixed', async () => {
    deliveries.length = 0;
    const file = join(dir, 'functions', 'orders', 'function.json');
    await writeFile(file, '{ "runtime": "nodejs22.x", ');
    await expect.poll(async () => (await services.handlers['functions.get']({ name: 'orders' })).config, { timeout: 10_000 }).toBeNull();
    const other = openQueueStore(join(dir, '.studio', 'queues.db'));
    try {
      other.send('orders', [{ body: 'patient' }], clock.now());
    } finally {
      other.close();
    }
    clock.advance(200);
    await expect.poll(async () => (await status()).blocked, { timeout: 10_000 }).toMatch(/orders cannot run until its function.json is fixed/);
    expect((await status()).messages.map((m) => [m.body, m.state, m.receiveCount])).toEqual([['patient', 'visible', 0]]);

    await writeFile(file, JSON.stringify({ runtime: 'nodejs22.x', handler: 'index.handler', timeout: 10, triggers: { queue } }));
    await expect.poll(async () => (await services.handlers['functions.get']({ name: 'orders' })).config, { timeout: 10_000 }).not.toBeNull();
    await expect.poll(() => { clock.advance(200); return deliveries; }, { timeout: 20_000 }).toEqual(['1 patient']);
    expect((await status()).blocked).toBeUndefined();
  }, 60_000);

  it('refuses messages for a function without a queue', async () => {
    const folder = join(dir, 'functions', 'plain');
    await mkdir(folder, { recursive: true });
    await writeFile(join(folder, 'index.mjs'), 'export const handler = async () => 1;\n');
    await writeFile(join(folder, 'function.json'), JSON.stringify({ runtime: 'nodejs22.x', handler: 'index.handler' }));
    await expect(services.handlers['queues.send']({ functionName: 'plain', messages: [{ body: 'x' }] })).rejects.toThrow(/plain has no queue/);
  });
});
