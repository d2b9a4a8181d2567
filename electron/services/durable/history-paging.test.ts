import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { operationsPage } from './invocation.ts';
import { type DurableStore, openDurableStore } from './store.ts';
import { type Operation, toEpochSeconds } from './wire.ts';

const ARN = 'arn:aws:lambda:us-east-1:000000000000:function:long:$LATEST/durable-execution/long/1';
let dir: string;
let store: DurableStore;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'history-paging-'));
  store = openDurableStore(join(dir, 'durable.db'));
  store.insertExecution({
    arn: ARN, functionName: 'long', functionArn: 'arn:aws:lambda:us-east-1:000000000000:function:long', version: '$LATEST', name: 'long',
    executionId: '1', status: 'RUNNING', input: '{}', startMs: 1, timeoutSeconds: 60, retentionDays: 1, traceId: null, parentArn: null, parentOpId: null,
  });
});
afterEach(async () => {
  store.close();
  await rm(dir, { recursive: true, force: true });
});

const step = (id: string, parentId?: string): Operation => ({ Id: id, Type: 'STEP', Status: 'SUCCEEDED', StartTimestamp: 1, ...(parentId === undefined ? {} : { ParentId: parentId }) }) as Operation;

/** Every page GetDurableExecutionState would answer, following its markers. */
function allPages(maxItems: number): { ids: string[]; pages: number } {
  const ids: string[] = [];
  let marker = 0;
  let pages = 0;
  for (;;) {
    const page = operationsPage(store, ARN, marker, maxItems, 5 * 1024 * 1024, toEpochSeconds);
    pages++;
    ids.push(...page.operations.map((op) => String(op['Id'])));
    if (page.nextMarker === undefined) return { ids, pages };
    marker = Number(page.nextMarker);
  }
}

describe('GetDurableExecutionState pages', () => {
  it('walk every visible operation once, in start order, leaving out the children of a closed context', () => {
    store.tx(() => {
      store.putOperation(ARN, step('a'));
      store.putOperation(ARN, { Id: 'ctx', Type: 'CONTEXT', Status: 'SUCCEEDED', StartTimestamp: 1 } as Operation);
      for (let i = 0; i < 5; i++) store.putOperation(ARN, step(`ctx-child-${i}`, 'ctx'));
      store.putOperation(ARN, step('ctx-grandchild', 'ctx-child-0'));
      store.putOperation(ARN, { Id: 'open', Type: 'CONTEXT', Status: 'STARTED', StartTimestamp: 1 } as Operation);
      store.putOperation(ARN, step('open-child', 'open'));
      for (let i = 0; i < 300; i++) store.putOperation(ARN, step(`s${i}`));
    });
    const expected = ['a', 'ctx', 'open', 'open-child', ...Array.from({ length: 300 }, (_, i) => `s${i}`)];
    expect(allPages(1000).ids).toEqual(expected);
    const paged = allPages(7);
    expect(paged.ids).toEqual(expected);
    expect(paged.pages).toBe(Math.ceil(expected.length / 7));
  });

  it('read the operations and the history by their numbers: an index search from the marker, not the whole history', () => {
    const plans = [
      'SELECT seq, data FROM operations WHERE arn = ? AND seq > ? ORDER BY seq LIMIT ?',
      'SELECT data FROM events WHERE arn = ? AND event_id >= ? ORDER BY event_id ASC LIMIT ?',
      'SELECT data FROM events WHERE arn = ? AND event_id <= ? ORDER BY event_id DESC LIMIT ?',
    ].map((sql) => (store.db.prepare(`EXPLAIN QUERY PLAN ${sql}`).all(ARN, 5, 10) as Array<{ detail: string }>).map((r) => r.detail).join('\n'));
    expect(plans[0]).toMatch(/SEARCH operations USING PRIMARY KEY \(arn=\? AND seq>\?\)/);
    expect(plans[1]).toMatch(/SEARCH events USING PRIMARY KEY \(arn=\? AND event_id>\?\)/);
    expect(plans[2]).toMatch(/SEARCH events USING PRIMARY KEY \(arn=\? AND event_id<\?\)/);
    for (const plan of plans) expect(plan).not.toMatch(/TEMP B-TREE|^SCAN/m);
  });
});
