import type { StatementSync } from 'node:sqlite';
import { num, type Row, str } from './store-rows.ts';
import type { Operation } from './wire.ts';

/** One operation as the store holds it: its JSON is what the row stores and what every read parses. */
interface Entry {
  id: string;
  seq: number;
  changeNo: number;
  json: string;
}

/** An execution's operations, loaded once and then kept up to date by every write. */
interface ExecutionOperations {
  byId: Map<string, Entry>;
  maxSeq: number;
  /** Operation ids in the order they changed (ascending change numbers), older repeats included until compacted. */
  changes: Array<{ changeNo: number; id: string }>;
}

/**
 * The operations of the executions the engine is working on, kept in memory next to the
 * database: a checkpoint reads an operation's current state, decides, and writes, and these
 * reads are most of what it asks. Writes are held until the transaction is about to commit and
 * then written once per operation (a step started and finished by one checkpoint is one row
 * write), in the same transaction, so a crash still leaves either the whole checkpoint or none.
 *
 * Values, not references: a read parses the stored JSON, so a caller changing what it got
 * changes nothing held here, as with a database read.
 */
export function createOperationSet(stmt: (sql: string) => StatementSync, isRunning: (arn: string) => boolean) {
  const held = new Map<string, ExecutionOperations>();
  /** Operations changed in the open transaction and not yet written, per execution. */
  const dirty = new Map<string, Map<string, Entry>>();
  /** Executions whose operations changed in the open transaction (written or not). */
  const touched = new Set<string>();
  const upsert = stmt(
    'INSERT INTO operations (arn, id, seq, change_no, data) VALUES (?,?,?,?,?) ON CONFLICT (arn, seq) DO UPDATE SET change_no = excluded.change_no, data = excluded.data',
  );
  const loadAll = stmt('SELECT id, seq, change_no, data FROM operations WHERE arn = ? ORDER BY change_no');
  const readOne = stmt('SELECT data FROM operations WHERE arn = ? AND id = ?');

  const load = (arn: string): ExecutionOperations => {
    let ops = held.get(arn);
    if (ops === undefined) {
      ops = { byId: new Map(), maxSeq: 0, changes: [] };
      for (const r of loadAll.all(arn) as Row[]) {
        const entry: Entry = { id: str(r['id']), seq: num(r['seq']), changeNo: num(r['change_no']), json: str(r['data']) };
        ops.byId.set(entry.id, entry);
        ops.maxSeq = Math.max(ops.maxSeq, entry.seq);
        ops.changes.push({ changeNo: entry.changeNo, id: entry.id });
      }
      held.set(arn, ops);
    }
    return ops;
  };

  /** Rebuilds a change list that has grown well past the operations it lists. */
  const compact = (ops: ExecutionOperations): void => {
    if (ops.changes.length <= 2 * ops.byId.size + 1024) return;
    ops.changes = [...ops.byId.values()].sort((a, b) => a.changeNo - b.changeNo).map((e) => ({ changeNo: e.changeNo, id: e.id }));
  };

  return {
    get(arn: string, id: string): Operation | undefined {
      // A finished execution's operations are read where they are, not brought into memory.
      if (!held.has(arn) && !isRunning(arn)) {
        const r = readOne.get(arn, id) as Row | undefined;
        return r === undefined ? undefined : (JSON.parse(str(r['data'])) as Operation);
      }
      const entry = load(arn).byId.get(id);
      return entry === undefined ? undefined : (JSON.parse(entry.json) as Operation);
    },
    /** Holds `op` as changed by change number `changeNo`; written by {@link flush}. */
    put(arn: string, op: Operation, changeNo: number): void {
      const ops = load(arn);
      const json = JSON.stringify(op);
      const existing = ops.byId.get(op.Id);
      const entry: Entry = existing === undefined ? { id: op.Id, seq: ++ops.maxSeq, changeNo, json } : { ...existing, changeNo, json };
      ops.byId.set(op.Id, entry);
      ops.changes.push({ changeNo, id: op.Id });
      let pending = dirty.get(arn);
      if (pending === undefined) dirty.set(arn, (pending = new Map()));
      pending.set(op.Id, entry);
      touched.add(arn);
    },
    /** Operations whose change number is above `changeNo`, in start order. */
    changedAfter(arn: string, changeNo: number): Operation[] {
      const ops = load(arn);
      const ids = new Set<string>();
      for (let i = ops.changes.length - 1; i >= 0; i--) {
        const change = ops.changes[i];
        if (change === undefined || change.changeNo <= changeNo) break;
        ids.add(change.id);
      }
      const entries: Entry[] = [];
      for (const id of ids) {
        const entry = ops.byId.get(id);
        if (entry !== undefined && entry.changeNo > changeNo) entries.push(entry);
      }
      return entries.sort((a, b) => a.seq - b.seq).map((e) => JSON.parse(e.json) as Operation);
    },
    /** Writes every held change, one row per operation. Inside the transaction that made them. */
    flush(): void {
      for (const [arn, entries] of dirty) {
        for (const e of entries.values()) upsert.run(arn, e.id, e.seq, e.changeNo, e.json);
      }
      dirty.clear();
    },
    /** After a commit: executions no longer running need not be held. */
    committed(): void {
      for (const arn of touched) {
        const ops = held.get(arn);
        if (ops === undefined) continue;
        if (isRunning(arn)) compact(ops);
        else held.delete(arn);
      }
      touched.clear();
    },
    /** After a rollback: what the transaction changed is forgotten and read again from the database when needed. */
    rolledBack(): void {
      for (const arn of touched) held.delete(arn);
      touched.clear();
      dirty.clear();
    },
    /** Forgets an execution (deleted, or created anew under its ARN). */
    drop(arn: string): void {
      held.delete(arn);
      dirty.delete(arn);
    },
  };
}
