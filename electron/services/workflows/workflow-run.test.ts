import { SendDurableExecutionCallbackSuccessCommand } from '@aws-sdk/client-lambda';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CONTROL_FLOW_GRAPH, LAMBDA_GRAPH } from '../../../shared/workflow/test-graphs.ts';
import { EVERY_BLOCK_FUNCTIONS, EVERY_BLOCK_GRAPH } from './every-block-graph.ts';
import { block, chain, deployBlockFunction, graphOf, namesIn, resultOf, startWorkflowHarness, type WorkflowHarness } from './test-support.ts';

/**
 * One workflow with every block type, run by the workflow runner on the real engine and
 * real sandboxes: a Map over 100 items with a tolerated failure, an approval sent through
 * the Lambda API, a Condition, a block joining two branches, a Parallel with a Wait skipped
 * on the virtual clock.
 */
let h: WorkflowHarness;

beforeAll(async () => {
  h = await startWorkflowHarness();
  await Promise.all([
    ...Object.entries(EVERY_BLOCK_FUNCTIONS).map(([name, file]) => deployBlockFunction(h.client, name, file)),
    deployBlockFunction(h.client, 'wf-echo', 'answer.mjs'),
    deployBlockFunction(h.client, 'wf-fail', 'throw-type.mjs'),
  ]);
});

afterAll(async () => {
  await h?.close();
});

describe('workflow runner', () => {
  it('runs a graph with every block type, each operation named after its block', async () => {
    const started = Date.now();
    const arn = await h.run(EVERY_BLOCK_GRAPH, { count: 100 });

    const callback = await h.waitForEvent(arn, 'CallbackStarted', undefined, 60_000);
    const callbackId = callback.CallbackStartedDetails?.CallbackId;
    expect(callbackId).toBeDefined();
    await h.client.send(new SendDurableExecutionCallbackSuccessCommand({ CallbackId: callbackId, Result: Buffer.from(JSON.stringify({ approved: true, by: 'ana' })) }));

    await h.waitForEvent(arn, 'WaitStarted', 'pause', 30_000);
    expect(await h.engine.skip(arn)).toMatchObject({ kind: 'wait' });

    const done = await h.finish(arn, 60_000);
    console.log(`every-block run: ${Date.now() - started} ms`);
    expect(done.Error).toBeUndefined();
    expect(done.Status).toBe('SUCCEEDED');
    expect(resultOf(done)).toEqual({
      merge: { outcome: 'shipped', by: 'ship', sent: { priced: 99 } },
      total: { priced: 99, last: 201, unlucky: null },
      fanout: { notify: { by: 'notify', data: 'shipped' }, stamp: 'resumed' },
      approval: { approved: true, by: 'ana' },
    });

    const events = await h.history(arn);
    const started_ = new Set(events.filter((e) => e.EventType?.endsWith('Started') && e.EventType !== 'ExecutionStarted').map((e) => e.Name));
    for (const b of EVERY_BLOCK_GRAPH.blocks) {
      if (b.type === 'input' || b.id === 'reject') continue;
      expect(started_, `an operation named ${b.id}`).toContain(b.id);
    }
    const invokes = namesIn(events, 'ChainedInvokeStarted');
    expect(invokes.get('price')).toBe(100);
    expect(invokes.get('reject')).toBeUndefined();
    expect(namesIn(events, 'ChainedInvokeFailed').get('price')).toBe(1);
    expect(namesIn(events, 'StepSucceeded').get('plusOne')).toBe(99);
    // The SDK client drops the studio's extra member; the engine's own record keeps it.
    const waited = h.engine.store.events(arn, 1, 10_000, false).find((e) => e['EventType'] === 'WaitSucceeded' && e['Name'] === 'pause');
    expect(waited?.['Skipped']).toBe(true);
  }, 90_000);

  it('runs a Map of 1000 items', async () => {
    const started = Date.now();
    const big = graphOf(
      [
        block('start', 'input'),
        block('each', 'map', { toleratedFailures: 1 }),
        block('price', 'lambda', { parent: 'each', function: 'price' }),
        block('plusOne', 'transform', { parent: 'each', expression: 'data + 1' }),
        block('done', 'output'),
      ],
      [...chain('start', 'each', 'done'), ...chain('price', 'plusOne')],
    );
    const items = Array.from({ length: 1000 }, (_, i) => i + 1);
    const done = await h.finish(await h.run(big, items), 60_000);
    console.log(`1000-item Map: ${Date.now() - started} ms`);
    expect(done.Error).toBeUndefined();
    expect(resultOf(done)).toEqual(items.map((i) => (i === 13 ? null : i * 2 + 1)));
  }, 90_000);

  it('runs the shared test graphs', async () => {
    const control = await h.finish(await h.run(CONTROL_FLOW_GRAPH, { items: [1, 2, 3], total: 120 }));
    expect(control.Error).toBeUndefined();
    expect(resultOf(control)).toEqual({
      join: { a: 'many' },
      each: [{ small: 'small' }, { bigone: 'big' }, { bigone: 'big' }],
      both: { left: 3, right: { small: 'small' } },
    });

    const arn = await h.run(LAMBDA_GRAPH, { n: 2 });
    await h.waitForEvent(arn, 'WaitStarted', 'pause');
    await h.engine.skip(arn);
    const callback = await h.waitForEvent(arn, 'CallbackStarted');
    await h.client.send(new SendDurableExecutionCallbackSuccessCommand({ CallbackId: callback.CallbackStartedDetails?.CallbackId, Result: Buffer.from('"approved"') }));
    const lambda = await h.finish(arn);
    expect(lambda.Error).toBeUndefined();
    expect(resultOf(lambda)).toEqual({ echo: { big: 3 }, fails: { declined: 'failed as asked (Declined)' }, ok: 'approved' });
  }, 30_000);
});
