/* eslint-disable no-restricted-imports -- proved against the server's own list read from a real store, not a stand-in for it */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { type DurableStore, openDurableStore } from '../../electron/services/durable/store.ts';
import { listLocalExecutions } from '../../electron/services/handlers/local-executions-list.ts';
import { EMPTY_FILTER, type ExecutionSummary } from './execution-filters.ts';
import { appendPage, applyChanges, firstPage, type ListCall, narrowsBeyondStatus, nextPage, type Pages, summaryOf } from './execution-pages.ts';

let dir: string;
let store: DurableStore;
/** The local `executions.list` as the server answers it, read from a real store. */
let call: ListCall;

function add(functionName: string, name: string, startMs: number, status: 'RUNNING' | 'SUCCEEDED' | 'FAILED' = 'RUNNING'): string {
  const arn = `arn:aws:lambda:us-east-1:000000000000:function:${functionName}:$LATEST/durable-execution/${name}/${name}`;
  store.insertExecution({
    arn, functionName, functionArn: `arn:aws:lambda:us-east-1:000000000000:function:${functionName}`, version: '$LATEST', name,
    executionId: name, status: 'RUNNING', input: '{}', startMs, timeoutSeconds: 60, retentionDays: 1, traceId: null, parentArn: null, parentOpId: null,
  });
  if (status !== 'RUNNING') store.updateExecution(arn, { status, endMs: startMs + 10 });
  return arn;
}

beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'execution-pages-'));
  store = openDurableStore(join(dir, 'durable.db'));
  call = async (filter) => {
    const page = listLocalExecutions(store, filter, new Set(['orders', 'refunds']));
    return { items: page.items.map(summaryOf), counts: page.counts, nextCursor: page.nextCursor };
  };
  // 25 executions, one a second: orders-0 … orders-19 (every third failed) and refund-0 … refund-4.
  for (let i = 0; i < 20; i++) add('orders', `orders-${i}`, 1_000_000 + i * 1000, i % 3 === 0 ? 'FAILED' : 'SUCCEEDED');
  for (let i = 0; i < 5; i++) add('refunds', `refund-${i}`, 2_000_000 + i * 1000);
});
afterEach(async () => {
  store.close();
  await rm(dir, { recursive: true, force: true });
});

async function everyPage(pageSize: number, filter = EMPTY_FILTER): Promise<{ pages: Pages; asked: number }> {
  let pages = await firstPage(call, filter, pageSize);
  let asked = 1;
  while (pages.nextCursor !== undefined) {
    const page = await nextPage(call, filter, pages.nextCursor, pageSize);
    pages = { list: appendPage(pages.list, page), counts: page.counts, nextCursor: page.nextCursor };
    asked++;
  }
  return { pages, asked };
}

describe('the executions list a page at a time', () => {
  it('loads the newest page first with the counts of every execution, then the next pages in order, each row once', async () => {
    const first = await firstPage(call, EMPTY_FILTER, 10);
    expect(first.list.map((e) => e.name)).toEqual([...['refund-4', 'refund-3', 'refund-2', 'refund-1', 'refund-0'], ...['orders-19', 'orders-18', 'orders-17', 'orders-16', 'orders-15']]);
    expect(first.counts).toMatchObject({ RUNNING: 5, FAILED: 7, SUCCEEDED: 13 });
    expect(first.nextCursor).toBeDefined();

    const { pages, asked } = await everyPage(10);
    expect(asked).toBe(3);
    expect(pages.list).toHaveLength(25);
    expect(new Set(pages.list.map((e) => e.arn)).size).toBe(25);
    expect(pages.list.map((e) => e.startMs)).toEqual([...pages.list.map((e) => e.startMs)].sort((a, b) => b - a));
    expect(pages.nextCursor).toBeUndefined();
  });

  it('asks the server to filter: the pages hold only matches, the counts are of every match whatever its status', async () => {
    const filter = { ...EMPTY_FILTER, functionName: 'orders', statuses: ['FAILED'], search: 'ORDERS-1' };
    expect(narrowsBeyondStatus(filter)).toBe(true);
    expect(narrowsBeyondStatus({ ...EMPTY_FILTER, statuses: ['FAILED'] })).toBe(false);
    const { pages } = await everyPage(2, filter);
    // orders-1 and orders-10 … orders-19 are named so; of them 12, 15 and 18 failed.
    expect(pages.list.map((e) => e.name)).toEqual(['orders-18', 'orders-15', 'orders-12']);
    expect(pages.counts).toEqual({ FAILED: 3, SUCCEEDED: 8 });
  });

  it('reloads as many rows as were scrolled through, so a refresh keeps the place', async () => {
    const reloaded = await firstPage(call, EMPTY_FILTER, 10, 23);
    expect(reloaded.list).toHaveLength(23);
    expect(reloaded.nextCursor).toBeDefined();
    expect((await firstPage(call, EMPTY_FILTER, 10, 0)).list).toHaveLength(10);
  });
});

describe('live changes while only some pages are loaded', () => {
  const change = (name: string, startMs: number, status = 'RUNNING', functionName = 'orders'): ExecutionSummary => ({ arn: `arn:${name}`, name, functionName, status, startMs });

  it('updates loaded rows, puts new executions on top, and leaves rows the list has not reached to their page', async () => {
    const pages = await firstPage(call, EMPTY_FILTER, 10);
    const loaded = pages.list[3]!;
    const next = applyChanges(pages, [change('brand-new', 3_000_000), { ...loaded, status: 'STOPPED' }, change('old-unloaded', 1_000_500, 'SUCCEEDED')], EMPTY_FILTER);
    expect(next[0]?.name).toBe('brand-new');
    expect(next.find((e) => e.arn === loaded.arn)?.status).toBe('STOPPED');
    expect(next.some((e) => e.name === 'old-unloaded')).toBe(false);
    expect(next).toHaveLength(11);
  });

  it('adds a new execution only when the filter lists it, and any execution once every row is loaded', async () => {
    const failedOnly = { ...EMPTY_FILTER, statuses: ['FAILED'] };
    const pages = await firstPage(call, failedOnly, 10);
    expect(pages.nextCursor).toBeUndefined();
    expect(applyChanges(pages, [change('running-new', 3_000_000)], failedOnly)).toBe(pages.list);
    const withOld = applyChanges(pages, [change('failed-old', 500, 'FAILED')], failedOnly);
    expect(withOld.map((e) => e.name)).toContain('failed-old');
  });
});
