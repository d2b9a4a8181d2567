import type { SQLInputValue, StatementSync } from 'node:sqlite';
import { EXPIRED_SQL, expiredValues, FINISHED_SQL, fileBytes, reclaimSpace } from './store-retention.ts';
import { createListing, functionListQuery, type PageFilter, prepareListing } from './store-listing.ts';
import { COLUMN, num, numOrNull, type Row, str, toExecution, toTimer } from './store-rows.ts';
import { openDatabase } from './store-open.ts';
import { createOperationSet } from './store-operations.ts';
import type { Operation } from './wire.ts';

import type { ExecutionRow, ListFilter, TimerKind, TimerRow } from './store-types.ts';

// The row shapes live apart so the row mappers (store-rows.ts) and the listing need not import the store.
export type { ExecutionRow, ListFilter, TimerKind, TimerRow } from './store-types.ts';

/**
 * The engine's SQLite database (WAL). Every state change goes through here inside a
 * transaction, so a crash leaves either the whole change or none of it.
 */
export type DurableStore = ReturnType<typeof openDurableStore>;

const CLIENT_TOKEN_TTL_MS = 15 * 60_000;
const MAX_CACHED_ANSWERS = 10_000;
const answerKey = (arn: string, checkpointToken: string, clientToken: string) => `${arn}\n${checkpointToken}\n${clientToken}`;

/** Opens (creating when needed) the engine's database at `dbPath`. */
export function openDurableStore(dbPath: string) {
  const { db, vacuumed } = openDatabase(dbPath);
  const { namesIndexed } = prepareListing(db);

  // Prepared once per distinct SQL: preparing costs more than running these small statements.
  const prepared = new Map<string, StatementSync>();
  const stmt = (sql: string): StatementSync => {
    let statement = prepared.get(sql);
    if (statement === undefined) prepared.set(sql, (statement = db.prepare(sql)));
    return statement;
  };
  // Bumped by every write that can change when the next timer is due, so the engine can tell
  // that a checkpoint which touched no timer leaves its schedule as it was.
  let timersRevision = 0;
  // Answers to checkpoints by client token, for retried requests. In memory, not in the database:
  // a retry only matters while the invocation that sent it runs, and an invocation never
  // outlives the studio (after a restart its token is stale anyway), so persisting them would
  // only add pages to every checkpoint's commit.
  const answered = new Map<string, { response: string; createdMs: number }>();
  const getExec = stmt('SELECT * FROM executions WHERE arn = ?');
  const maxEventId = stmt('SELECT COALESCE(MAX(event_id), 0) AS n FROM events WHERE arn = ?');
  const insertEvent = stmt('INSERT INTO events (arn, event_id, data) VALUES (?, ?, ?)');
  let depth = 0;
  // The engine is the database's only user (it holds the exclusive lock), so the rows every
  // checkpoint reads again can be kept in memory and dropped on a rollback. An execution row's
  // changes are held until the transaction commits and written then, one UPDATE per execution,
  // however many of its fields the transaction changed (a checkpoint changes some three times).
  const executionRows = new Map<string, ExecutionRow>();
  const dirtyExecutions = new Map<string, Set<string>>();
  const lastEventIds = new Map<string, number>();
  const forget = (): void => {
    executionRows.clear();
    dirtyExecutions.clear();
    lastEventIds.clear();
  };
  const cachedExecution = (arn: string): ExecutionRow | undefined => {
    let row = executionRows.get(arn);
    if (row === undefined) {
      const r = getExec.get(arn) as Row | undefined;
      if (r === undefined) return undefined;
      row = toExecution(r);
      executionRows.set(arn, row);
    }
    return row;
  };
  /** The execution's last history event number, read once and then kept. */
  const lastEventId = (arn: string): number => {
    let n = lastEventIds.get(arn);
    if (n === undefined) {
      n = num((maxEventId.get(arn) as Row)['n']);
      lastEventIds.set(arn, n);
    }
    return n;
  };
  const operations = createOperationSet(stmt, (arn) => cachedExecution(arn)?.status === 'RUNNING');
  const markDirty = (arn: string, ...fields: string[]): void => {
    let set = dirtyExecutions.get(arn);
    if (set === undefined) dirtyExecutions.set(arn, (set = new Set()));
    for (const field of fields) set.add(field);
  };
  /** Writes what the open transaction holds back: before it commits, and before any query that could read those rows. */
  const flush = (): void => {
    operations.flush();
    for (const [arn, fields] of dirtyExecutions) {
      const row = executionRows.get(arn);
      if (row === undefined) throw new Error(`changes held for execution ${arn} whose row is not held`);
      const sets: string[] = [];
      const values: SQLInputValue[] = [];
      for (const field of fields) {
        sets.push(`${COLUMN[field]} = ?`);
        const value = row[field as keyof ExecutionRow];
        values.push(value === null ? null : typeof value === 'object' ? JSON.stringify(value) : value);
      }
      stmt(`UPDATE executions SET ${sets.join(', ')} WHERE arn = ?`).run(...values, arn);
    }
    dirtyExecutions.clear();
  };
  /** Runs `fn` in one transaction; a call inside one joins it (so a lone write outside one commits by itself). */
  const tx = <T>(fn: () => T): T => {
    if (depth > 0) return fn();
    depth++;
    db.exec('BEGIN IMMEDIATE');
    try {
      const out = fn();
      flush();
      db.exec('COMMIT');
      operations.committed();
      return out;
    } catch (error) {
      db.exec('ROLLBACK');
      forget();
      operations.rolledBack();
      throw error;
    } finally {
      depth--;
    }
  };
  const listing = createListing(stmt, namesIndexed);
  const deleteExecutions = (arns: readonly string[]): void => {
    flush();
    for (const arn of arns) {
      operations.drop(arn);
      for (const table of ['operations', 'events', 'timers', 'executions']) stmt(`DELETE FROM ${table} WHERE arn = ?`).run(arn);
    }
    if (arns.length > 0) {
      timersRevision++;
      forget();
    }
  };

  return {
    db,
    /** The database file. */
    path: dbPath,
    /** Whether opening rewrote a database from before incremental vacuum (once per store). */
    vacuumedOnOpen: vacuumed,
    close(): void {
      db.close();
    },
    /** Runs `fn` in one transaction (nested calls join the outer one). */
    tx,
    /** A copy: changing it changes nothing stored. */
    getExecution(arn: string): ExecutionRow | undefined {
      const row = cachedExecution(arn);
      return row === undefined ? undefined : { ...row };
    },
    /** Adds details to an event already appended (e.g. a chained invoke's child ARN, known just after its start). */
    patchEventDetails(arn: string, match: (event: Record<string, unknown>) => boolean, detailsKey: string, extra: Record<string, unknown>): void {
      for (const r of stmt('SELECT event_id, data FROM events WHERE arn = ? ORDER BY event_id DESC').all(arn) as Row[]) {
        const event = JSON.parse(str(r['data'])) as Record<string, unknown>;
        if (!match(event)) continue;
        event[detailsKey] = { ...(event[detailsKey] as Record<string, unknown>), ...extra };
        stmt('UPDATE events SET data = ? WHERE arn = ? AND event_id = ?').run(JSON.stringify(event), arn, num(r['event_id']));
        return;
      }
    },
    findByName(functionName: string, name: string): ExecutionRow | undefined {
      flush();
      const r = stmt('SELECT * FROM executions WHERE function_name = ? AND name = ?').get(functionName, name) as Row | undefined;
      return r === undefined ? undefined : toExecution(r);
    },
    /** The child execution a chained invoke started, if any. */
    childExecution(parentArn: string, opId: string): ExecutionRow | undefined {
      flush();
      const r = stmt('SELECT * FROM executions WHERE parent_arn = ? AND parent_op = ?').get(parentArn, opId) as Row | undefined;
      return r === undefined ? undefined : toExecution(r);
    },
    runningExecutions(): ExecutionRow[] {
      flush();
      return (stmt("SELECT * FROM executions WHERE status = 'RUNNING' ORDER BY seq").all() as Row[]).map(toExecution);
    },
    insertExecution(e: Omit<ExecutionRow, 'seq' | 'invocationNo' | 'changeNo' | 'seenChange' | 'serviceChange' | 'failures' | 'token' | 'invocationId' | 'invocationStartMs' | 'pendingClose' | 'result' | 'error' | 'endMs'>): void {
      const seq = num((stmt('SELECT COALESCE(MAX(seq), 0) + 1 AS n FROM executions').get() as Row)['n']);
      stmt(
        `INSERT INTO executions (arn, seq, function_name, function_arn, version, name, execution_id, status, input,
         start_ms, timeout_s, retention_days, trace_id, parent_arn, parent_op) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)`,
      ).run(e.arn, seq, e.functionName, e.functionArn, e.version, e.name, e.executionId, e.status, e.input, e.startMs,
        e.timeoutSeconds, e.retentionDays, e.traceId, e.parentArn, e.parentOpId);
      executionRows.delete(e.arn);
      dirtyExecutions.delete(e.arn);
      lastEventIds.delete(e.arn);
      operations.drop(e.arn);
    },
    updateExecution(arn: string, patch: Partial<ExecutionRow>): void {
      // What each field reads back as: JSON columns round-trip, missing values are null.
      const stored: Record<string, unknown> = {};
      for (const [key, value] of Object.entries(patch)) {
        if (COLUMN[key] === undefined) throw new Error(`execution field ${key} is not updatable`);
        stored[key] = value === null || value === undefined ? null : typeof value === 'object' ? (JSON.parse(JSON.stringify(value)) as unknown) : value;
      }
      const keys = Object.keys(stored);
      if (keys.length === 0) return;
      tx(() => {
        const row = cachedExecution(arn);
        if (row === undefined) return;
        Object.assign(row, stored);
        markDirty(arn, ...keys);
      });
    },
    /** Every function with an execution in the store, whether or not it exists or is durable now. */
    functionNames(): string[] {
      flush();
      return (stmt('SELECT DISTINCT function_name FROM executions ORDER BY function_name').all() as Row[]).map((r) => str(r['function_name']));
    },
    listExecutions(f: ListFilter): ExecutionRow[] {
      flush();
      const q = functionListQuery(f);
      return (stmt(q.sql).all(...q.values) as Row[]).map(toExecution);
    },
    /** The studio's list: newest first across functions or within one, filtered, a page after a cursor. */
    executionPage: (f: PageFilter): ExecutionRow[] => {
      flush();
      return listing.page(f);
    },
    /** Executions per status under the same filters but the status one (counters when unfiltered). */
    statusCounts: (f: PageFilter): Record<string, number> => {
      flush();
      return listing.counts(f);
    },

    getOperation: (arn: string, id: string): Operation | undefined => operations.get(arn, id),
    /** Every operation in start order. */
    operations(arn: string): Operation[] {
      flush();
      return (stmt('SELECT data FROM operations WHERE arn = ? ORDER BY seq').all(arn) as Row[]).map((r) => JSON.parse(str(r['data'])) as Operation);
    },
    /** Up to `limit` operations after the one numbered `afterSeq`, in start order, with their numbers. */
    operationsFrom(arn: string, afterSeq: number, limit: number): Array<{ seq: number; op: Operation }> {
      flush();
      return (stmt('SELECT seq, data FROM operations WHERE arn = ? AND seq > ? ORDER BY seq LIMIT ?').all(arn, afterSeq, limit) as Row[]).map((r) => ({
        seq: num(r['seq']),
        op: JSON.parse(str(r['data'])) as Operation,
      }));
    },
    operationsChangedAfter: (arn: string, changeNo: number): Operation[] => operations.changedAfter(arn, changeNo),
    /**
     * Stores an operation and gives it a new change number; `service` marks a change the handler
     * has not caused. The row is written when the transaction commits, once however often the
     * transaction changed it.
     */
    putOperation(arn: string, op: Operation, service = false): void {
      tx(() => {
        const exec = cachedExecution(arn);
        if (exec === undefined) throw new Error(`no execution ${arn} for operation ${op.Id}`);
        const change = exec.changeNo + 1;
        operations.put(arn, op, change);
        exec.changeNo = change;
        if (service) exec.serviceChange = change;
        markDirty(arn, 'changeNo', ...(service ? ['serviceChange'] : []));
      });
    },

    /** Appends a history event, numbering it; returns the event as stored. */
    appendEvent(arn: string, event: Record<string, unknown>): Record<string, unknown> {
      const id = lastEventId(arn) + 1;
      const stored = { EventId: id, ...event };
      insertEvent.run(arn, id, JSON.stringify(stored));
      lastEventIds.set(arn, id);
      return stored;
    },
    events(arn: string, fromId: number, limit: number, reverse: boolean): Record<string, unknown>[] {
      const sql = reverse
        ? 'SELECT data FROM events WHERE arn = ? AND event_id <= ? ORDER BY event_id DESC LIMIT ?'
        : 'SELECT data FROM events WHERE arn = ? AND event_id >= ? ORDER BY event_id ASC LIMIT ?';
      return (stmt(sql).all(arn, fromId, limit) as Row[]).map((r) => JSON.parse(str(r['data'])) as Record<string, unknown>);
    },
    lastEventId(arn: string): number {
      return lastEventId(arn);
    },

    timersRevision: (): number => timersRevision,
    setTimer(t: TimerRow): void {
      timersRevision++;
      stmt('INSERT OR REPLACE INTO timers (arn, op_id, kind, due_ms) VALUES (?,?,?,?)').run(t.arn, t.opId, t.kind, t.dueMs);
    },
    deleteTimer(arn: string, opId: string, kind: TimerKind): void {
      timersRevision++;
      stmt('DELETE FROM timers WHERE arn = ? AND op_id = ? AND kind = ?').run(arn, opId, kind);
    },
    deleteTimers(arn: string): void {
      timersRevision++;
      stmt('DELETE FROM timers WHERE arn = ?').run(arn);
    },
    timersOf(arn: string): TimerRow[] {
      return (stmt('SELECT * FROM timers WHERE arn = ? ORDER BY due_ms').all(arn) as Row[]).map(toTimer);
    },
    dueTimers(nowMs: number): TimerRow[] {
      return (stmt('SELECT * FROM timers WHERE due_ms <= ? ORDER BY due_ms LIMIT 500').all(nowMs) as Row[]).map(toTimer);
    },
    /** Timers of the given kinds that are not due yet, limited to executions on the virtual clock unless `all`. */
    skippableTimers(kinds: readonly TimerKind[], nowMs: number, all: boolean): TimerRow[] {
      const sql = `SELECT t.* FROM timers t JOIN executions e ON e.arn = t.arn WHERE t.due_ms > ? AND t.kind IN (${kinds.map(() => '?').join(',')})${all ? '' : ' AND e.virtual_clock = 1'} ORDER BY t.due_ms LIMIT 500`;
      return (stmt(sql).all(nowMs, ...kinds) as Row[]).map(toTimer);
    },
    virtualClockOf(arn: string): boolean {
      return num((stmt('SELECT virtual_clock AS v FROM executions WHERE arn = ?').get(arn) as Row | undefined)?.['v'] ?? 0) === 1;
    },
    setVirtualClock(arn: string, enabled: boolean): void {
      timersRevision++;
      stmt('UPDATE executions SET virtual_clock = ? WHERE arn = ?').run(enabled ? 1 : 0, arn);
    },
    nextTimerDue(): number | undefined {
      const r = stmt('SELECT MIN(due_ms) AS d FROM timers').get() as Row;
      return numOrNull(r['d']) ?? undefined;
    },

    /** Closed executions past their retention period at `nowMs`, at most `limit`. */
    expiredExecutions(nowMs: number, limit: number): string[] {
      flush();
      return (stmt(EXPIRED_SQL).all(...expiredValues(nowMs, limit)) as Row[]).map((r) => str(r['arn']));
    },
    /** Closed executions, whatever their retention, at most `limit`. */
    finishedExecutions(limit: number): string[] {
      flush();
      return (stmt(FINISHED_SQL).all(limit) as Row[]).map((r) => str(r['arn']));
    },
    /** How many executions have closed (from the per-status counters). */
    finishedCount(): number {
      flush();
      return num((stmt("SELECT COALESCE(SUM(n), 0) AS n FROM execution_counts WHERE status != 'RUNNING'").get() as Row)['n']);
    },
    /** Deletes executions with their operations, history and timers. */
    deleteExecutions: (arns: readonly string[]): void => deleteExecutions(arns),
    /** Deletes closed executions whose retention period has passed, all at once; returns how many. */
    purgeExpired(nowMs: number): number {
      flush();
      // LIMIT -1: no limit.
      const expired = (stmt(EXPIRED_SQL).all(...expiredValues(nowMs, -1)) as Row[]).map((r) => str(r['arn']));
      deleteExecutions(expired);
      return expired.length;
    },
    /** Gives the pages freed by deletes back to the file system. Outside a transaction. */
    reclaimSpace(): void {
      reclaimSpace(db);
    },
    /** The database's size on disk, its write-ahead log included. */
    sizeBytes: (): number => fileBytes(dbPath),
    cachedCheckpoint(arn: string, checkpointToken: string, clientToken: string): string | undefined {
      return answered.get(answerKey(arn, checkpointToken, clientToken))?.response;
    },
    /** Call once the checkpoint's transaction has committed, so a rolled-back request is never answered from here. */
    cacheCheckpoint(arn: string, checkpointToken: string, clientToken: string, response: string, nowMs: number): void {
      // Oldest first in a Map: expired answers are all at its front.
      for (const [key, entry] of answered) {
        if (entry.createdMs >= nowMs - CLIENT_TOKEN_TTL_MS && answered.size < MAX_CACHED_ANSWERS) break;
        answered.delete(key);
      }
      answered.set(answerKey(arn, checkpointToken, clientToken), { response, createdMs: nowMs });
    },
  };
}
