import type { DatabaseSync } from 'node:sqlite';

/**
 * Operations and history events live in tables clustered on their key (WITHOUT ROWID):
 * operations by (execution, start number), events by (execution, event number). A checkpoint
 * then changes one b-tree page per table instead of a table page plus one page per index, and
 * a commit's cost is mostly the pages it writes. An operation is found by its id through the
 * store's memory while its execution runs; a finished one's is found among its execution's rows.
 */
export const KEYED_TABLES = `
CREATE TABLE IF NOT EXISTS operations (
  arn TEXT NOT NULL, seq INTEGER NOT NULL, id TEXT NOT NULL, change_no INTEGER NOT NULL, data TEXT NOT NULL,
  PRIMARY KEY (arn, seq)
) WITHOUT ROWID;
CREATE TABLE IF NOT EXISTS events (
  arn TEXT NOT NULL, event_id INTEGER NOT NULL, data TEXT NOT NULL, PRIMARY KEY (arn, event_id)
) WITHOUT ROWID;
`;

const tableSql = (db: DatabaseSync, name: string): string | undefined =>
  (db.prepare("SELECT sql FROM sqlite_master WHERE type = 'table' AND name = ?").get(name) as { sql: string } | undefined)?.sql;

/**
 * Rewrites a store from before keyed tables (operations and events with a row id and separate
 * indexes) into them, in one transaction, rows unchanged. Once per store; returns whether it did.
 */
export function migrateToKeyedTables(db: DatabaseSync): boolean {
  const old = tableSql(db, 'operations');
  if (old === undefined || /WITHOUT ROWID/i.test(old)) return false;
  db.exec('BEGIN IMMEDIATE');
  try {
    db.exec(`
      ALTER TABLE operations RENAME TO operations_before_keys;
      ALTER TABLE events RENAME TO events_before_keys;
      ${KEYED_TABLES}
      INSERT INTO operations (arn, seq, id, change_no, data) SELECT arn, seq, id, change_no, data FROM operations_before_keys;
      INSERT INTO events (arn, event_id, data) SELECT arn, event_id, data FROM events_before_keys;
      DROP TABLE operations_before_keys;
      DROP TABLE events_before_keys;
    `);
    db.exec('COMMIT');
  } catch (error) {
    db.exec('ROLLBACK');
    throw error;
  }
  return true;
}
