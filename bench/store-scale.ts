// The durable store at scale: 100,000 finished executions (over 20 functions, a few running) and
// one execution with 100,000 operations, generated straight into SQLite. Prints, for each query
// the executions list, its filters and counts, ListDurableExecutionsByFunction and the history and
// state pages make, the median of repeated runs against the 50 ms target, on the server side
// (the store's query and the rows it returns, no HTTP).
// Run: node bench/store-scale.ts [executions] [operations]
import { mkdtemp, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { operationsPage } from '../electron/services/durable/invocation.ts';
import { openDurableStore } from '../electron/services/durable/store.ts';
import { toEpochSeconds } from '../electron/services/durable/wire.ts';
import { medianMs } from './stats.ts';
import { fillExecutions, fillHistory } from './store-fill.ts';

const executions = Number(process.argv[2] ?? 100_000);
const operations = Number(process.argv[3] ?? 100_000);
const TARGET_MS = 50;
const DAY = 86_400_000;

const dir = await mkdtemp(join(tmpdir(), 'bench-store-'));
const dbPath = join(dir, 'durable.db');
const store = openDurableStore(dbPath);
const now = Date.now();
const fill = performance.now();
const longArn = fillExecutions(store, executions, now);
fillHistory(store, longArn, operations);
const fillMs = performance.now() - fill;

function time(label: string, run: () => unknown): number {
  const p50 = medianMs(run);
  console.log(`${label.padEnd(64)} ${p50.toFixed(2).padStart(7)} ms ${p50 < TARGET_MS ? '' : ' over target'}`);
  return p50;
}

const deep = executions - 50_000;
const worst: number[] = [];
console.log(`${executions.toLocaleString('en')} executions, one with ${operations.toLocaleString('en')} operations (generated in ${(fillMs / 1000).toFixed(1)} s, ${((await stat(dbPath)).size / 1e6).toFixed(0)} MB); median of 25, target ${TARGET_MS} ms`);
worst.push(
  time('list: newest 100', () => store.executionPage({ limit: 100 })),
  time('list: 100 after a cursor halfway down', () => store.executionPage({ limit: 100, after: { startMs: now - 50_000 * 30_000, seq: deep } })),
  time('list: one function, newest 100', () => store.executionPage({ functionName: 'fn-7', limit: 100 })),
  time('list: status FAILED, newest 100', () => store.executionPage({ statuses: ['FAILED'], limit: 100 })),
  time('list: statuses FAILED+TIMED_OUT, newest 100', () => store.executionPage({ statuses: ['FAILED', 'TIMED_OUT'], limit: 100 })),
  time('list: one function, status RUNNING', () => store.executionPage({ functionName: 'fn-7', statuses: ['RUNNING'], limit: 100 })),
  time('list: name contains "9999", newest 100', () => store.executionPage({ nameContains: '9999', limit: 100 })),
  time('list: started in the last day, newest 100', () => store.executionPage({ startedAfterMs: now - DAY, limit: 100 })),
  time('list: started over 30 days ago, newest 100', () => store.executionPage({ startedBeforeMs: now - 30 * DAY, limit: 100 })),
  time('list: one function, started in the last day', () => store.executionPage({ functionName: 'fn-7', startedAfterMs: now - DAY, limit: 100 })),
  time('counts: all', () => store.statusCounts({})),
  time('counts: one function', () => store.statusCounts({ functionName: 'fn-7' })),
  time('counts: started in the last day', () => store.statusCounts({ startedAfterMs: now - DAY })),
  time('counts: one function, started in the last day', () => store.statusCounts({ functionName: 'fn-7', startedAfterMs: now - DAY })),
  time('counts: started over 30 days ago', () => store.statusCounts({ startedBeforeMs: now - 30 * DAY })),
  time('counts: name contains "9999"', () => store.statusCounts({ nameContains: '9999' })),
  time('list: name contains "99" (two characters: no trigram)', () => store.executionPage({ nameContains: '99', limit: 100 })),
  time('counts: name contains "99" (two characters: reads the name index)', () => store.statusCounts({ nameContains: '99' })),
  time('ListDurableExecutionsByFunction: first page of 100', () => store.listExecutions({ functionName: 'fn-7', oldestFirst: false, limit: 101 })),
  time('ListDurableExecutionsByFunction: page of 100 at a marker', () => store.listExecutions({ functionName: 'fn-7', oldestFirst: false, afterSeq: deep, limit: 101 })),
  time('ListDurableExecutionsByFunction: status FAILED at a marker', () => store.listExecutions({ functionName: 'fn-7', statuses: ['FAILED'], oldestFirst: false, afterSeq: deep, limit: 101 })),
  time('history: 1,000 events from event 1', () => store.events(longArn, 1, 1001, false)),
  time('history: 1,000 events from event 90,000', () => store.events(longArn, Math.max(1, operations - 10_000), 1001, false)),
  time('state: first page of 1,000 operations', () => operationsPage(store, longArn, 0, 1000, 5 * 1024 * 1024, toEpochSeconds)),
  time('state: page of 1,000 operations at a marker near the end', () => operationsPage(store, longArn, Math.max(0, operations - 10_000), 1000, 5 * 1024 * 1024, toEpochSeconds)),
);
// What a page cost when every page read the whole history first (for comparison; no target).
time(`(reading all ${operations.toLocaleString('en')} operations, as pages did before)`, () => store.operations(longArn));
const over = worst.filter((ms) => ms >= TARGET_MS).length;
console.log(over === 0 ? `every query within ${TARGET_MS} ms` : `${over} queries over ${TARGET_MS} ms`);
store.close();
await rm(dir, { recursive: true, force: true });
