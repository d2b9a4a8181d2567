import { statSync } from 'node:fs';
import type { DatabaseSync } from 'node:sqlite';
import { setImmediate as nextTurn } from 'node:timers/promises';

const DAY_MS = 86_400_000;
/** Lambda's shortest RetentionPeriodInDays: nothing that ended more recently can have expired. */
const MIN_RETENTION_MS = DAY_MS;
/** Executions deleted per transaction, so checkpoints of running ones are not held up for long. */
export const PURGE_BATCH = 200;

// A finished child whose parent still runs is kept: the parent may yet read it.
const NOT_A_RUNNING_PARENTS_CHILD = "(parent_arn IS NULL OR NOT EXISTS (SELECT 1 FROM executions p WHERE p.arn = executions.parent_arn AND p.status = 'RUNNING'))";

/** Closed executions whose retention period has passed at `nowMs` (by the end-time index), oldest end first. */
export const EXPIRED_SQL = `SELECT arn FROM executions WHERE end_ms IS NOT NULL AND end_ms < ? AND status != 'RUNNING'
  AND end_ms + retention_days * ${DAY_MS} < ? AND ${NOT_A_RUNNING_PARENTS_CHILD} ORDER BY end_ms LIMIT ?`;
export const expiredValues = (nowMs: number, limit: number) => [nowMs - MIN_RETENTION_MS, nowMs, limit];

/** Every closed execution, whatever its retention, oldest end first. */
export const FINISHED_SQL = `SELECT arn FROM executions WHERE end_ms IS NOT NULL AND status != 'RUNNING' AND ${NOT_A_RUNNING_PARENTS_CHILD} ORDER BY end_ms LIMIT ?`;

/**
 * Makes the database give freed pages back to the file system on request (incremental
 * auto-vacuum). The mode takes effect through a VACUUM (in WAL mode even for a new file): instant
 * for a new store, once for a store from before, which it rewrites (a moment per hundred
 * megabytes). Returns whether a store with executions was rewritten.
 */
export function ensureIncrementalVacuum(db: DatabaseSync): boolean {
  const mode = (db.prepare('PRAGMA auto_vacuum').get() as { auto_vacuum: number }).auto_vacuum;
  if (mode === 2) return false;
  const empty = db.prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' LIMIT 1").get() === undefined;
  db.exec('PRAGMA auto_vacuum = INCREMENTAL; VACUUM');
  return !empty;
}

/** Returns the pages purges freed to the file system, and empties the write-ahead log into the file. */
export function reclaimSpace(db: DatabaseSync): void {
  db.exec('PRAGMA incremental_vacuum');
  db.prepare('PRAGMA wal_checkpoint(TRUNCATE)').all();
}

/** What the database takes on disk: the file and its write-ahead log. */
export function fileBytes(dbPath: string): number {
  let bytes = 0;
  for (const path of [dbPath, `${dbPath}-wal`]) {
    try {
      bytes += statSync(path).size;
    } catch {
      // no log right after a checkpoint that truncated it
    }
  }
  return bytes;
}

/** What a purge needs of the store. */
export interface Purgeable {
  tx<T>(fn: () => T): T;
  deleteExecutions(arns: readonly string[]): void;
  reclaimSpace(): void;
}

/**
 * Deletes what `select` names, a batch per transaction with a turn of the event loop between
 * batches (a running execution's checkpoints go on meanwhile), then gives the space back.
 * `select` runs inside each batch's transaction, so an execution that started running again
 * in between is never taken. Stops early when `stopped()` says so.
 */
export async function purgeInBatches(store: Purgeable, select: (limit: number) => string[], stopped: () => boolean = () => false): Promise<number> {
  let purged = 0;
  for (;;) {
    if (stopped()) return purged;
    const batch = store.tx(() => {
      const arns = select(PURGE_BATCH);
      store.deleteExecutions(arns);
      return arns.length;
    });
    purged += batch;
    if (batch < PURGE_BATCH) break;
    await nextTurn();
  }
  if (purged > 0 && !stopped()) store.reclaimSpace();
  return purged;
}
