import { DatabaseSync } from 'node:sqlite';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { countQuery, functionListQuery, type PageFilter, pageQuery } from './store-listing.ts';
import { type DurableStore, openDurableStore } from './store.ts';

let dir: string;
let store: DurableStore;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'store-listing-'));
  store = openDurableStore(join(dir, 'durable.db'));
});
afterEach(async () => {
  store.close();
  await rm(dir, { recursive: true, force: true });
});

function add(functionName: string, name: string, startMs: number, status = 'RUNNING'): string {
  const arn = `arn:aws:lambda:us-east-1:000000000000:function:${functionName}:$LATEST/durable-execution/${name}/${name}`;
  store.insertExecution({
    arn, functionName, functionArn: `arn:aws:lambda:us-east-1:000000000000:function:${functionName}`, version: '$LATEST', name,
    executionId: name, status: 'RUNNING', input: '{}', startMs, timeoutSeconds: 60, retentionDays: 1, traceId: null, parentArn: null, parentOpId: null,
  });
  if (status !== 'RUNNING') store.updateExecution(arn, { status: status as 'SUCCEEDED', endMs: startMs + 10 });
  return arn;
}

/** The plan's lines; a line `SCAN executions` without an index is a read of every row. */
function plan(q: { sql: string; values: unknown[] }): string[] {
  return (store.db.prepare(`EXPLAIN QUERY PLAN ${q.sql}`).all(...(q.values as never[])) as Array<{ detail: string }>).map((r) => r.detail);
}
const fullScan = (lines: string[]) => lines.filter((l) => /^SCAN executions\b/.test(l) && !/USING (COVERING )?INDEX/.test(l));

describe('the executions list at scale: query plans', () => {
  const filters: Array<[string, PageFilter]> = [
    ['nothing', {}],
    ['a function', { functionName: 'orders' }],
    ['one status', { statuses: ['FAILED'] }],
    ['two statuses', { statuses: ['FAILED', 'TIMED_OUT'] }],
    ['a function and a status', { functionName: 'orders', statuses: ['RUNNING'] }],
    ['a part of the name', { nameContains: 'order-99' }],
    ['two characters of the name', { nameContains: '99' }],
    ['a function and a part of the name', { functionName: 'orders', nameContains: 'abc' }],
    ['a start after', { startedAfterMs: 1 }],
    ['a start before', { startedBeforeMs: 1 }],
    ['a function and a time range', { functionName: 'orders', startedAfterMs: 1, startedBeforeMs: 2 }],
    ['a status and a time range', { statuses: ['SUCCEEDED'], startedAfterMs: 1, startedBeforeMs: 2 }],
  ];
  it.each(filters)('a page filtered by %s reads an index, in list order, from the cursor', (_label, filter) => {
    const lines = plan(pageQuery({ ...filter, after: { startMs: 5, seq: 9 }, limit: 101 }));
    expect(fullScan(lines), lines.join('\n')).toEqual([]);
    // Ordered by the index itself: no sort of every match before the page is cut. (The name
    // index answers its matches unordered, so a name filter sorts those, and only those.)
    // Several statuses merge one page-long walk per status: only those rows are sorted.
    if ((filter.statuses?.length ?? 0) > 1) expect(lines.filter((l) => /SEARCH executions USING INDEX executions_newest\w*_status/.test(l))).toHaveLength(filter.statuses?.length ?? 0);
    else if (filter.nameContains === undefined) expect(lines.join('\n')).not.toContain('USE TEMP B-TREE FOR ORDER BY');
    else expect(lines.join('\n')).toMatch(/execution_names VIRTUAL TABLE|USING INDEX/);
  });

  it.each(filters)('the counts under %s read the counters or an index, never the rows', (_label, filter) => {
    const lines = plan(countQuery(filter));
    expect(fullScan(lines), lines.join('\n')).toEqual([]);
  });

  it('unfiltered counts read only the counters', () => {
    expect(plan(countQuery({})).join('\n')).toMatch(/execution_counts/);
    expect(plan(countQuery({ functionName: 'orders', statuses: ['FAILED'] })).join('\n')).toMatch(/SEARCH execution_counts/);
  });

  it.each([
    ['newest first', { functionName: 'orders', oldestFirst: false, limit: 101 }],
    ['oldest first from a marker', { functionName: 'orders', oldestFirst: true, afterSeq: 10, limit: 101 }],
    ['by status from a marker', { functionName: 'orders', statuses: ['FAILED'], oldestFirst: false, afterSeq: 10, limit: 101 }],
    ['by name', { functionName: 'orders', name: 'x', oldestFirst: false, limit: 101 }],
  ])('ListDurableExecutionsByFunction %s searches an index', (_label, filter) => {
    const lines = plan(functionListQuery(filter));
    expect(fullScan(lines), lines.join('\n')).toEqual([]);
    expect(lines.join('\n')).toMatch(/SEARCH executions USING/);
  });
});

describe('the executions list: what it answers', () => {
  it('pages newest first with a cursor, each execution once, whatever the filter', () => {
    for (let i = 0; i < 25; i++) add(i % 2 === 0 ? 'orders' : 'billing', `order-${i}`, 1_000 + i, i % 3 === 0 ? 'FAILED' : 'SUCCEEDED');
    const seen: string[] = [];
    let after: PageFilter['after'];
    for (;;) {
      const page = store.executionPage({ functionName: 'orders', limit: 4, ...(after === undefined ? {} : { after }) });
      seen.push(...page.map((e) => e.name));
      const last = page.at(-1);
      if (page.length < 4 || last === undefined) break;
      after = { startMs: last.startMs, seq: last.seq };
    }
    expect(seen).toEqual(Array.from({ length: 13 }, (_, k) => `order-${24 - 2 * k}`));
    expect(store.executionPage({ statuses: ['FAILED'], nameContains: 'DER-1' }).map((e) => e.name)).toEqual(['order-18', 'order-15', 'order-12']);
  });

  it('keeps the counts right as executions start, finish and go, and finds names by any part', () => {
    const a = add('orders', 'Alpha-one', 1);
    add('orders', 'beta-two', 2);
    add('billing', 'alpha-three', 3, 'FAILED');
    expect(store.statusCounts({})).toEqual({ RUNNING: 2, FAILED: 1 });
    store.updateExecution(a, { status: 'SUCCEEDED', endMs: 10 });
    expect(store.statusCounts({})).toEqual({ RUNNING: 1, SUCCEEDED: 1, FAILED: 1 });
    expect(store.statusCounts({ functionName: 'orders' })).toEqual({ RUNNING: 1, SUCCEEDED: 1 });
    expect(store.statusCounts({ nameContains: 'ALPHA' })).toEqual({ SUCCEEDED: 1, FAILED: 1 });
    expect(store.statusCounts({ nameContains: 'a-th' })).toEqual({ FAILED: 1 });
    expect(store.statusCounts({ startedAfterMs: 2 })).toEqual({ RUNNING: 1, FAILED: 1 });
    // Short parts too, and wildcard characters typed in the filter match only themselves.
    add('orders', 'under_score', 4);
    add('orders', 'underXscore', 5);
    expect(store.statusCounts({ nameContains: 'Al' })).toEqual({ SUCCEEDED: 1, FAILED: 1 });
    expect(store.executionPage({ nameContains: '_' }).map((e) => e.name)).toEqual(['under_score']);
    expect(store.executionPage({ nameContains: 'r_s' }).map((e) => e.name)).toEqual(['under_score']);
    expect(store.statusCounts({ nameContains: '%' })).toEqual({});
    // Past retention: gone from the list, the counts and the name index alike.
    expect(store.tx(() => store.purgeExpired(10 + 2 * 86_400_000))).toBe(2);
    expect(store.statusCounts({})).toEqual({ RUNNING: 3 });
    expect(store.executionPage({ nameContains: 'alpha' })).toEqual([]);
  });

  it('fills the counters and the name index once for a store written before them', () => {
    add('orders', 'kept-one', 1, 'SUCCEEDED');
    add('orders', 'kept-two', 2);
    store.close();
    // As an older studio left it: no counters, no name index.
    const old = new DatabaseSync(join(dir, 'durable.db'));
    old.exec('DROP TABLE execution_counts; DROP TABLE execution_names; DROP TRIGGER executions_named; DROP TRIGGER executions_unnamed');
    old.close();
    store = openDurableStore(join(dir, 'durable.db'));
    expect(store.statusCounts({})).toEqual({ SUCCEEDED: 1, RUNNING: 1 });
    expect(store.executionPage({ nameContains: 'kept' }).map((e) => e.name)).toEqual(['kept-two', 'kept-one']);
  });

  it('rebuilds the name index when a host without it dropped its triggers meanwhile', () => {
    add('orders', 'early-one', 1);
    store.close();
    // As a SQLite without FTS5 leaves it: the triggers gone, an execution started unindexed.
    const unindexed = new DatabaseSync(join(dir, 'durable.db'));
    unindexed.exec('DROP TRIGGER executions_named; DROP TRIGGER executions_unnamed');
    unindexed.exec("INSERT INTO executions (arn, seq, function_name, function_arn, version, name, execution_id, status, input, start_ms, timeout_s, retention_days) VALUES ('x', 99, 'orders', 'a', '$LATEST', 'late-two', '2', 'RUNNING', '{}', 2, 60, 1)");
    unindexed.close();
    store = openDurableStore(join(dir, 'durable.db'));
    expect(store.executionPage({ nameContains: 'two' }).map((e) => e.name)).toEqual(['late-two']);
    expect(store.executionPage({ nameContains: 'one' }).map((e) => e.name)).toEqual(['early-one']);
  });
});
