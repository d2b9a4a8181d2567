import type { DatabaseSync, SQLInputValue, StatementSync } from 'node:sqlite';
import { num, type Row, str, toExecution } from './store-rows.ts';
import type { ExecutionRow, ListFilter } from './store-types.ts';

/**
 * The indexes and the per-status counters behind the executions list, so that with 100,000
 * executions stored a page, its filters and its counts read what they return, not the table.
 * The counters are kept by triggers in the same transaction as the change they count.
 */
export const LISTING_SCHEMA = `
CREATE UNIQUE INDEX IF NOT EXISTS executions_by_seq ON executions (seq);
CREATE INDEX IF NOT EXISTS executions_by_function_status ON executions (function_name, status, seq);
CREATE INDEX IF NOT EXISTS executions_newest ON executions (start_ms, seq, status, function_name);
CREATE INDEX IF NOT EXISTS executions_newest_by_status ON executions (status, start_ms, seq);
CREATE INDEX IF NOT EXISTS executions_newest_by_function ON executions (function_name, start_ms, seq);
CREATE INDEX IF NOT EXISTS executions_newest_by_function_status ON executions (function_name, status, start_ms, seq);
CREATE INDEX IF NOT EXISTS executions_by_end ON executions (end_ms) WHERE end_ms IS NOT NULL;
CREATE INDEX IF NOT EXISTS executions_by_name ON executions (name, status, function_name, start_ms);
DROP INDEX IF EXISTS executions_by_status;
DROP INDEX IF EXISTS executions_by_start_status;
DROP INDEX IF EXISTS executions_by_status_seq;
CREATE TABLE IF NOT EXISTS execution_counts (
  function_name TEXT NOT NULL, status TEXT NOT NULL, n INTEGER NOT NULL, PRIMARY KEY (function_name, status)
) WITHOUT ROWID;
CREATE TRIGGER IF NOT EXISTS executions_counted AFTER INSERT ON executions BEGIN
  INSERT INTO execution_counts (function_name, status, n) VALUES (NEW.function_name, NEW.status, 1)
    ON CONFLICT (function_name, status) DO UPDATE SET n = n + 1;
END;
CREATE TRIGGER IF NOT EXISTS executions_uncounted AFTER DELETE ON executions BEGIN
  UPDATE execution_counts SET n = n - 1 WHERE function_name = OLD.function_name AND status = OLD.status;
END;
CREATE TRIGGER IF NOT EXISTS executions_recounted AFTER UPDATE OF status ON executions WHEN OLD.status != NEW.status BEGIN
  UPDATE execution_counts SET n = n - 1 WHERE function_name = OLD.function_name AND status = OLD.status;
  INSERT INTO execution_counts (function_name, status, n) VALUES (NEW.function_name, NEW.status, 1)
    ON CONFLICT (function_name, status) DO UPDATE SET n = n + 1;
END;
`;

/**
 * A trigram index of the names, so "name contains" finds its rows without reading every name.
 * Kept by triggers; names never change once given.
 */
const NAMES_SCHEMA = `
CREATE VIRTUAL TABLE IF NOT EXISTS execution_names USING fts5(name, content='executions', content_rowid='rowid', tokenize='trigram');
CREATE TRIGGER IF NOT EXISTS executions_named AFTER INSERT ON executions BEGIN
  INSERT INTO execution_names (rowid, name) VALUES (NEW.rowid, NEW.name);
END;
CREATE TRIGGER IF NOT EXISTS executions_unnamed AFTER DELETE ON executions BEGIN
  INSERT INTO execution_names (execution_names, rowid, name) VALUES ('delete', OLD.rowid, OLD.name);
END;
`;

/** Trigrams: a shorter part of a name has none to look up, and is searched by reading the names. */
const MIN_INDEXED_NEEDLE = 3;

const exists = (db: DatabaseSync, name: string): boolean => db.prepare('SELECT 1 FROM sqlite_master WHERE name = ?').get(name) !== undefined;

/**
 * Creates what the listing needs; a store from before the counters or the name index gets them
 * filled once. Returns whether the name index is there (a SQLite built without FTS5 has none,
 * and name filters then read every name).
 */
export function prepareListing(db: DatabaseSync): { namesIndexed: boolean } {
  const hadCounts = exists(db, 'execution_counts');
  db.exec(LISTING_SCHEMA);
  if (!hadCounts) {
    db.exec('DELETE FROM execution_counts; INSERT INTO execution_counts (function_name, status, n) SELECT function_name, status, COUNT(*) FROM executions GROUP BY function_name, status');
  }
  // Current only while its triggers have kept it so since it was built.
  const hadNames = exists(db, 'execution_names') && exists(db, 'executions_named');
  try {
    db.exec(NAMES_SCHEMA);
  } catch {
    // A SQLite without FTS5 cannot run the triggers another host left: without them, executions
    // still start, and the index is rebuilt where FTS5 is back.
    db.exec('DROP TRIGGER IF EXISTS executions_named; DROP TRIGGER IF EXISTS executions_unnamed');
    return { namesIndexed: false };
  }
  if (!hadNames) db.exec("INSERT INTO execution_names (execution_names) VALUES ('rebuild')");
  return { namesIndexed: true };
}

/** The studio's executions list: any function or one, newest first, filtered; keyset-paged by (start, seq). */
export interface PageFilter {
  functionName?: string;
  statuses?: readonly string[];
  /** Case-insensitive part of the name. */
  nameContains?: string;
  startedAfterMs?: number;
  startedBeforeMs?: number;
  /** Only executions listed after this one (the previous page's last). */
  after?: { startMs: number; seq: number };
  limit?: number;
}

interface Where {
  sql: string;
  values: SQLInputValue[];
}

function whereOf(f: PageFilter, withStatus: boolean, namesIndexed: boolean): Where {
  const parts: string[] = [];
  const values: SQLInputValue[] = [];
  if (f.functionName !== undefined) {
    parts.push('function_name = ?');
    values.push(f.functionName);
  }
  if (withStatus && f.statuses !== undefined && f.statuses.length > 0) {
    parts.push(`status IN (${f.statuses.map(() => '?').join(',')})`);
    values.push(...f.statuses);
  }
  const needle = f.nameContains?.trim().toLowerCase() ?? '';
  if (needle !== '') {
    if (namesIndexed && [...needle].length >= MIN_INDEXED_NEEDLE) {
      // A quoted phrase is a plain substring to the trigram tokenizer (case-insensitive).
      parts.push('rowid IN (SELECT rowid FROM execution_names WHERE execution_names MATCH ?)');
      values.push(`"${needle.replaceAll('"', '""')}"`);
    }
    // LIKE ignores ASCII case, which is all a name may hold ([a-zA-Z0-9-_]); % and _ typed in
    // the filter are escaped so they match themselves.
    parts.push("name LIKE ? ESCAPE '\\'");
    values.push(`%${needle.replace(/[\\%_]/g, (c) => `\\${c}`)}%`);
  }
  if (f.startedAfterMs !== undefined) {
    parts.push('start_ms >= ?');
    values.push(f.startedAfterMs);
  }
  if (f.startedBeforeMs !== undefined) {
    parts.push('start_ms <= ?');
    values.push(f.startedBeforeMs);
  }
  if (f.after !== undefined) {
    parts.push('(start_ms, seq) < (?, ?)');
    values.push(f.after.startMs, f.after.seq);
  }
  return { sql: parts.length === 0 ? '' : `WHERE ${parts.join(' AND ')}`, values };
}

/** The SQL of a page, for the statement and for its query plan. */
export function pageQuery(f: PageFilter, namesIndexed = true): Where {
  const statuses = f.statuses ?? [];
  if (statuses.length > 1 && f.limit !== undefined) {
    // One ordered index walk per status, each cut at the page size, then merged: an IN over the
    // statuses would sort every match of all of them before cutting the page.
    const parts = statuses.map((status) => pageQuery({ ...f, statuses: [status] }, namesIndexed));
    return {
      sql: `${parts.map((p) => `SELECT * FROM (${p.sql})`).join(' UNION ALL ')} ORDER BY start_ms DESC, seq DESC LIMIT ?`,
      values: [...parts.flatMap((p) => p.values), f.limit],
    };
  }
  const where = whereOf(f, true, namesIndexed);
  const limit = f.limit === undefined ? '' : ' LIMIT ?';
  return { sql: `SELECT * FROM executions ${where.sql} ORDER BY start_ms DESC, seq DESC${limit}`, values: f.limit === undefined ? where.values : [...where.values, f.limit] };
}

/** The SQL of the per-status counts (before the status filter, as the chips show them). */
export function countQuery(f: PageFilter, namesIndexed = true): Where {
  const { after: _after, statuses: _statuses, ...rest } = f;
  if (rest.nameContains?.trim() === '') delete rest.nameContains;
  const filtered = rest.nameContains !== undefined || rest.startedAfterMs !== undefined || rest.startedBeforeMs !== undefined;
  if (!filtered) {
    // The counters: as many rows as there are statuses, however many executions.
    return rest.functionName === undefined
      ? { sql: 'SELECT status, SUM(n) AS n FROM execution_counts GROUP BY status', values: [] }
      : { sql: 'SELECT status, n FROM execution_counts WHERE function_name = ?', values: [rest.functionName] };
  }
  const where = whereOf(rest, false, namesIndexed);
  const needle = [...(rest.nameContains?.trim() ?? '')].length;
  const byName = namesIndexed && needle >= MIN_INDEXED_NEEDLE;
  const byTime = rest.startedAfterMs !== undefined || rest.startedBeforeMs !== undefined;
  // Left to itself the planner walks the status index (it groups by status) and reads every
  // row. The time index covers what is counted, so a range reads only its own entries; a part
  // of a name too short for trigrams is looked for in the name index, never in the wide rows.
  const index = byName ? '' : needle > 0 ? ' INDEXED BY executions_by_name' : byTime ? ' INDEXED BY executions_newest' : '';
  return { sql: `SELECT status, COUNT(*) AS n FROM executions${index} ${where.sql} GROUP BY status`, values: where.values };
}

/** ListDurableExecutionsByFunction's SQL: one function's executions by `seq`, from a marker, as Lambda pages them. */
export function functionListQuery(f: ListFilter): Where {
  const where = ['function_name = ?'];
  const values: SQLInputValue[] = [f.functionName];
  if (f.version !== undefined) {
    where.push('version = ?');
    values.push(f.version);
  }
  if (f.name !== undefined) {
    where.push('name = ?');
    values.push(f.name);
  }
  if (f.statuses !== undefined && f.statuses.length > 0) {
    where.push(`status IN (${f.statuses.map(() => '?').join(',')})`);
    values.push(...f.statuses);
  }
  if (f.startedAfterMs !== undefined) {
    where.push('start_ms >= ?');
    values.push(f.startedAfterMs);
  }
  if (f.startedBeforeMs !== undefined) {
    where.push('start_ms <= ?');
    values.push(f.startedBeforeMs);
  }
  if (f.afterSeq !== undefined) {
    where.push(f.oldestFirst ? 'seq > ?' : 'seq < ?');
    values.push(f.afterSeq);
  }
  const order = f.oldestFirst ? 'ASC' : 'DESC';
  return { sql: `SELECT * FROM executions WHERE ${where.join(' AND ')} ORDER BY seq ${order} LIMIT ?`, values: [...values, f.limit] };
}

/** Pages and counts over a store's prepared statements. */
export function createListing(stmt: (sql: string) => StatementSync, namesIndexed: boolean) {
  return {
    page(f: PageFilter): ExecutionRow[] {
      const q = pageQuery(f, namesIndexed);
      return (stmt(q.sql).all(...q.values) as Row[]).map(toExecution);
    },
    counts(f: PageFilter): Record<string, number> {
      const q = countQuery(f, namesIndexed);
      const counts: Record<string, number> = {};
      for (const r of stmt(q.sql).all(...q.values) as Row[]) {
        const n = num(r['n']);
        if (n > 0) counts[str(r['status'])] = n;
      }
      return counts;
    },
  };
}
