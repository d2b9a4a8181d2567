import { GetDurableExecutionCommand, SendDurableExecutionCallbackSuccessCommand } from '@aws-sdk/client-lambda';
import { mkdtemp, rm } from 'node:fs/promises';
import { DatabaseSync } from 'node:sqlite';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { purgeInBatches } from './store-retention.ts';
import { SCHEMA } from './store-rows.ts';
import { openDurableStore } from './store.ts';
import { type DurableHarness, startDurableHarness } from './test-support.ts';

const DAY = 86_400_000;

describe('retention, as Lambda applies RetentionPeriodInDays', () => {
  let h: DurableHarness;
  let offset = 0;
  beforeAll(async () => {
    // The engine's clock, moved forward by the test instead of waiting days.
    h = await startDurableHarness({ clock: { now: () => Date.now() + offset } });
    await Promise.all([h.deploy('quick', 'many-steps.mjs'), h.deploy('approval', 'callback.mjs', { executionTimeout: 7 * 86_400 })]);
  }, 30_000);
  afterAll(async () => {
    await h?.close();
  });

  it('purges a finished execution once its retention period has passed, and touches nothing of a running one', async () => {
    const finished = await h.start('quick', { steps: 3 });
    expect((await h.finish(finished)).Status).toBe('SUCCEEDED');
    const running = await h.start('approval', { timeout: 30 * 86_400 });
    const started = await h.waitForEvent(running, 'CallbackStarted');
    // Suspended, waiting: its history stays as it is until the callback comes.
    await h.waitForEvent(running, 'InvocationCompleted');
    const historyBefore = await h.history(running);

    // RetentionPeriodInDays is 1: not yet gone a moment before a day has passed.
    offset = DAY - 60_000;
    expect(await h.engine.applyRetention()).toBe(0);
    offset = DAY + 60_000;
    expect(await h.engine.applyRetention()).toBe(1);

    await expect(h.client.send(new GetDurableExecutionCommand({ DurableExecutionArn: finished }))).rejects.toMatchObject({ name: 'ResourceNotFoundException' });
    expect(await h.history(running)).toEqual(historyBefore);
    // The running one carries on as if nothing happened.
    await h.client.send(new SendDurableExecutionCallbackSuccessCommand({ CallbackId: started.CallbackStartedDetails?.CallbackId, Result: Buffer.from('"yes"') }));
    expect((await h.finish(running)).Status).toBe('SUCCEEDED');
  }, 60_000);
});

describe('the store file', () => {
  let dir: string;
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'durable-retention-'));
  });
  afterAll(() => rm(dir, { recursive: true, force: true }));

  it('shrinks back once finished executions are purged, keeping the running ones', async () => {
    const store = openDurableStore(join(dir, 'shrink.db'));
    const payload = JSON.stringify({ blob: 'x'.repeat(20_000) });
    store.tx(() => {
      for (let i = 0; i < 400; i++) {
        const arn = `arn:aws:lambda:us-east-1:000000000000:function:f:$LATEST/durable-execution/e${i}/${i}`;
        store.insertExecution({
          arn, functionName: 'f', functionArn: 'arn:aws:lambda:us-east-1:000000000000:function:f', version: '$LATEST', name: `e${i}`, executionId: String(i),
          status: 'RUNNING', input: payload, startMs: i, timeoutSeconds: 60, retentionDays: 14, traceId: null, parentArn: null, parentOpId: null,
        });
        store.appendEvent(arn, { EventType: 'ExecutionStarted', Input: payload });
        if (i >= 10) store.updateExecution(arn, { status: 'SUCCEEDED', endMs: i + 1 });
      }
    });
    store.reclaimSpace();
    const full = store.sizeBytes();
    expect(store.finishedCount()).toBe(390);

    expect(await purgeInBatches(store, (limit) => store.finishedExecutions(limit))).toBe(390);
    const after = store.sizeBytes();
    expect(after).toBeLessThan(full * 0.1);
    expect(store.statusCounts({})).toEqual({ RUNNING: 10 });
    expect(store.events(store.executionPage({ limit: 1 })[0]?.arn ?? '', 1, 10, false)).toHaveLength(1);
    store.close();
  });

  it('converts a store from before incremental vacuum once, on open', () => {
    const path = join(dir, 'old.db');
    const old = new DatabaseSync(path);
    old.exec(`PRAGMA auto_vacuum = NONE; ${SCHEMA}`);
    old.close();
    const first = openDurableStore(path);
    expect(first.vacuumedOnOpen).toBe(true);
    expect((first.db.prepare('PRAGMA auto_vacuum').get() as { auto_vacuum: number }).auto_vacuum).toBe(2);
    first.close();
    const again = openDurableStore(path);
    expect(again.vacuumedOnOpen).toBe(false);
    again.close();
    const fresh = openDurableStore(join(dir, 'fresh.db'));
    expect(fresh.vacuumedOnOpen).toBe(false);
    expect((fresh.db.prepare('PRAGMA auto_vacuum').get() as { auto_vacuum: number }).auto_vacuum).toBe(2);
    fresh.close();
  });
});
