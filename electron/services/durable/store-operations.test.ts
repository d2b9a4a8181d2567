import { mkdtempSync } from 'node:fs';
import { DatabaseSync } from 'node:sqlite';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { runCheckpoint } from './checkpoint.ts';
import { insertExecution } from './lifecycle.ts';
import { type DurableStore, openDurableStore } from './store.ts';
import type { OperationUpdate } from './wire.ts';

const opened: DurableStore[] = [];
afterEach(() => {
  for (const store of opened.splice(0)) store.close();
});

function openStore(dbPath = join(mkdtempSync(join(tmpdir(), 'durable-ops-')), 'durable.db')): { store: DurableStore; dbPath: string } {
  const store = openDurableStore(dbPath);
  opened.push(store);
  return { store, dbPath };
}

function startExecution(store: DurableStore): string {
  const { execution } = insertExecution(
    store,
    { region: 'us-east-1', accountId: '000000000000', functionName: 'f', version: '$LATEST', functionArn: 'arn:aws:lambda:us-east-1:000000000000:function:f', input: '{}', timeoutSeconds: 60, retentionDays: 1 },
    1_000,
  );
  // As an invocation does: a token, and the handler has seen everything so far.
  store.updateExecution(execution.arn, { token: 't0', invocationId: 'inv-1', invocationStartMs: 1_000, seenChange: execution.changeNo });
  return execution.arn;
}

/** Rows written (inserted, updated or deleted) by `fn`, triggers included. */
function rowsWritten(store: DurableStore, fn: () => void): number {
  const total = (): number => Number((store.db.prepare('SELECT total_changes() AS n').get() as { n: number }).n);
  const before = total();
  fn();
  return total() - before;
}

const step = (id: string, action: 'START' | 'SUCCEED', payload?: string): OperationUpdate => ({
  Id: id,
  Type: 'STEP',
  Action: action,
  Name: id,
  SubType: 'Step',
  ...(payload !== undefined ? { Payload: payload } : {}),
});

describe('running executions’ operations kept in memory next to the store', () => {
  it('writes one row per operation and one execution row per checkpoint, however often it changed them', () => {
    const { store } = openStore();
    const arn = startExecution(store);
    const exec = () => store.getExecution(arn) ?? expect.fail('no execution');
    // START and SUCCEED of one step in one checkpoint, as the SDK batches them: one operation
    // row, its two history events and one execution row (was 7: two operation writes, three
    // execution updates).
    const written = rowsWritten(store, () => runCheckpoint(store, exec(), [step('a', 'START'), step('a', 'SUCCEED', '1')], 2_000));
    expect(written).toBe(4);
    // Two steps finished in one checkpoint: two operation rows, four events, one execution row.
    expect(rowsWritten(store, () => runCheckpoint(store, exec(), [step('b', 'START'), step('b', 'SUCCEED', '2'), step('c', 'START'), step('c', 'SUCCEED', '3')], 3_000))).toBe(7);
  });

  it('answers with the operations changed since the handler last saw them, read from memory', () => {
    const { store } = openStore();
    const arn = startExecution(store);
    const first = JSON.parse(runCheckpoint(store, store.getExecution(arn) ?? expect.fail(), [step('a', 'START'), step('a', 'SUCCEED', '1')], 2_000).response) as {
      NewExecutionState: { Operations: Array<{ Id: string; Status: string }> };
    };
    expect(first.NewExecutionState.Operations.map((o) => [o.Id, o.Status])).toEqual([['a', 'SUCCEEDED']]);
    const second = JSON.parse(runCheckpoint(store, store.getExecution(arn) ?? expect.fail(), [step('b', 'START')], 3_000).response) as typeof first;
    expect(second.NewExecutionState.Operations.map((o) => o.Id)).toEqual(['b']);
  });

  it('leaves memory and database as they were when a checkpoint is refused half-way', () => {
    const { store } = openStore();
    const arn = startExecution(store);
    runCheckpoint(store, store.getExecution(arn) ?? expect.fail(), [step('a', 'START')], 2_000);
    const before = store.getExecution(arn);
    // The second update is invalid (a finished step cannot start again): the whole request is refused.
    expect(() => runCheckpoint(store, store.getExecution(arn) ?? expect.fail(), [step('a', 'SUCCEED', '1'), step('a', 'START')], 3_000)).toThrow(/more than once|Invalid current STEP state/);
    expect(store.getOperation(arn, 'a')?.Status).toBe('STARTED');
    expect(store.getExecution(arn)).toEqual(before);
    expect(store.operations(arn).find((o) => o.Id === 'a')?.Status).toBe('STARTED');
    // And the next valid checkpoint goes on from there.
    runCheckpoint(store, store.getExecution(arn) ?? expect.fail(), [step('a', 'SUCCEED', '1')], 4_000);
    expect(store.getOperation(arn, 'a')?.Status).toBe('SUCCEEDED');
  });

  it('reads back after a restart exactly what it held, change numbers included', () => {
    const { store, dbPath } = openStore();
    const arn = startExecution(store);
    for (let i = 0; i < 5; i++) runCheckpoint(store, store.getExecution(arn) ?? expect.fail(), [step(`s${i}`, 'START'), step(`s${i}`, 'SUCCEED', String(i))], 2_000 + i);
    // Each step changes twice (started, succeeded): s3 and s4 changed after seen - 3.
    const seen = store.getExecution(arn)?.seenChange ?? 0;
    store.updateExecution(arn, { seenChange: seen - 3 });
    const held = store.operationsChangedAfter(arn, seen - 3);
    const ops = store.operations(arn);
    store.close();
    opened.splice(opened.indexOf(store), 1);
    const { store: reopened } = openStore(dbPath);
    expect(reopened.operations(arn)).toEqual(ops);
    expect(reopened.operationsChangedAfter(arn, seen - 3)).toEqual(held);
    expect(held.map((o) => o.Id)).toEqual(['s3', 's4']);
    expect(reopened.getExecution(arn)?.seenChange).toBe(seen - 3);
  });

  it('changing an operation it read changes nothing stored', () => {
    const { store } = openStore();
    const arn = startExecution(store);
    runCheckpoint(store, store.getExecution(arn) ?? expect.fail(), [step('a', 'START')], 2_000);
    const read = store.getOperation(arn, 'a') ?? expect.fail();
    read.Status = 'FAILED';
    expect(store.getOperation(arn, 'a')?.Status).toBe('STARTED');
  });

  it('rewrites a store from before keyed tables once, keeping every operation and event', () => {
    const dbPath = join(mkdtempSync(join(tmpdir(), 'durable-ops-')), 'durable.db');
    const old = new DatabaseSync(dbPath);
    old.exec(`CREATE TABLE operations (arn TEXT NOT NULL, id TEXT NOT NULL, seq INTEGER NOT NULL, change_no INTEGER NOT NULL, data TEXT NOT NULL, PRIMARY KEY (arn, id));
      CREATE INDEX operations_by_seq ON operations (arn, seq);
      CREATE INDEX operations_by_change ON operations (arn, change_no);
      CREATE TABLE events (arn TEXT NOT NULL, event_id INTEGER NOT NULL, data TEXT NOT NULL, PRIMARY KEY (arn, event_id));`);
    for (let i = 1; i <= 3; i++) {
      old.prepare('INSERT INTO operations VALUES (?, ?, ?, ?, ?)').run('arn-1', `op-${i}`, i, i, JSON.stringify({ Id: `op-${i}`, Type: 'STEP', Status: 'SUCCEEDED' }));
      old.prepare('INSERT INTO events VALUES (?, ?, ?)').run('arn-1', i, JSON.stringify({ EventId: i, EventType: 'StepSucceeded', Id: `op-${i}` }));
    }
    old.close();
    const { store } = openStore(dbPath);
    const sql = (name: string) => (store.db.prepare("SELECT sql FROM sqlite_master WHERE name = ?").get(name) as { sql: string }).sql;
    expect(sql('operations')).toMatch(/WITHOUT ROWID/);
    expect(sql('events')).toMatch(/WITHOUT ROWID/);
    expect(store.db.prepare("SELECT name FROM sqlite_master WHERE type = 'index' AND tbl_name = 'operations'").all()).toEqual([]);
    expect(store.operations('arn-1').map((o) => o.Id)).toEqual(['op-1', 'op-2', 'op-3']);
    expect(store.getOperation('arn-1', 'op-2')?.Status).toBe('SUCCEEDED');
    expect(store.events('arn-1', 1, 10, false).map((e) => e['EventId'])).toEqual([1, 2, 3]);
  });
});
