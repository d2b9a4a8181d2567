import { DatabaseSync } from 'node:sqlite';
import { StudioError } from '../../../shared/contract/errors.ts';
import { migrateToKeyedTables } from './store-keyed-tables.ts';
import { ensureIncrementalVacuum } from './store-retention.ts';
import { type Row, SCHEMA, str } from './store-rows.ts';

const SQLITE_BUSY = 5;

/** The engine's database, opened and brought to the current schema. */
export interface OpenedDatabase {
  db: DatabaseSync;
  /** Whether opening rewrote a database from before incremental vacuum (once per store). */
  vacuumed: boolean;
}

/**
 * Opens (creating when needed) the database at `dbPath` for this studio alone, creates its
 * tables and adds the columns older stores lack. A database another studio holds is refused
 * with a CONFLICT that says so.
 */
export function openDatabase(dbPath: string): OpenedDatabase {
  const db = new DatabaseSync(dbPath);
  let vacuumed: boolean;
  try {
    // Exclusive locking: the engine is the database's only user, and holding the lock spares
    // every checkpoint's commit its file-lock system calls. A second studio on the same
    // workspace is refused here, before it could drive the same executions twice.
    db.exec('PRAGMA journal_mode = WAL; PRAGMA synchronous = NORMAL; PRAGMA busy_timeout = 5000; PRAGMA locking_mode = EXCLUSIVE;');
    vacuumed = ensureIncrementalVacuum(db);
    migrateToKeyedTables(db);
    db.exec(SCHEMA);
  } catch (error) {
    db.close();
    if ((error as { errcode?: unknown }).errcode === SQLITE_BUSY) {
      throw new StudioError(
        'CONFLICT',
        `The durable executions database ${dbPath} is in use by another running Lambda Studio. Only one studio at a time can open a workspace: close the other one, or pick another workspace.`,
        undefined,
        { cause: error },
      );
    }
    throw error;
  }
  const columns = (db.prepare('PRAGMA table_info(executions)').all() as Row[]).map((r) => str(r['name']));
  if (!columns.includes('virtual_clock')) db.exec('ALTER TABLE executions ADD COLUMN virtual_clock INTEGER NOT NULL DEFAULT 0');
  return { db, vacuumed };
}
