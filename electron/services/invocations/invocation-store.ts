import { DatabaseSync, type SQLInputValue } from 'node:sqlite';
import { InvocationCaller, type InvocationLine, InvocationStatus, type InvocationSummary, type InvocationWithLines } from '../../../shared/contract/invocations.ts';

/** How much the store keeps. */
export interface InvocationLimits {
  /** Invocations kept per function; older ones go, with their lines. */
  perFunction: number;
  /** Lines kept per invocation: the first ones and the last ones, with a note of how many were left out between. */
  linesPerInvocation: number;
}

export const INVOCATION_LIMITS: InvocationLimits = { perFunction: 200, linesPerInvocation: 2_000 };

/** Read back from an invocation that was still running when the studio stopped. */
export const INTERRUPTED = 'Studio.Interrupted';

const SCHEMA = `
CREATE TABLE IF NOT EXISTS invocations (
  seq INTEGER PRIMARY KEY AUTOINCREMENT, request_id TEXT NOT NULL UNIQUE, function_name TEXT NOT NULL,
  version TEXT NOT NULL, caller TEXT NOT NULL, status TEXT NOT NULL, start_ms INTEGER NOT NULL, end_ms INTEGER,
  duration_ms REAL, billed_ms REAL, max_memory_mb REAL, init_ms REAL, error_type TEXT,
  execution_arn TEXT, invocation_no INTEGER, durable_status TEXT, line_count INTEGER NOT NULL DEFAULT 0,
  lines TEXT NOT NULL DEFAULT '[]'
);
CREATE INDEX IF NOT EXISTS invocations_by_function ON invocations (function_name, seq);
CREATE INDEX IF NOT EXISTS invocations_by_execution ON invocations (execution_arn, seq);
`;

type Row = Record<string, SQLInputValue>;

/** What is known when an invocation starts. */
export interface InvocationStart {
  requestId: string;
  functionName: string;
  version: string;
  caller: InvocationCaller;
  startMs: number;
  durableExecutionArn?: string;
  invocationNo?: number;
}

/** What is known when it ends. */
export interface InvocationEnd {
  status: Exclude<InvocationStatus, 'running'>;
  endMs: number;
  durationMs?: number;
  billedDurationMs?: number;
  maxMemoryUsedMb?: number;
  initDurationMs?: number;
  errorType?: string;
  durableStatus?: string;
  lines: InvocationLine[];
}

function toSummary(r: Row): InvocationSummary {
  const summary: InvocationSummary = {
    requestId: String(r['request_id']),
    functionName: String(r['function_name']),
    version: String(r['version']),
    caller: InvocationCaller.catch('api').parse(r['caller']),
    status: InvocationStatus.catch('failed').parse(r['status']),
    startMs: Number(r['start_ms']),
    lineCount: Number(r['line_count']),
  };
  const num = (key: string) => (r[key] === null || r[key] === undefined ? undefined : Number(r[key]));
  const text = (key: string) => (r[key] === null || r[key] === undefined ? undefined : String(r[key]));
  const set = <K extends keyof InvocationSummary>(key: K, value: InvocationSummary[K] | undefined) => {
    if (value !== undefined) summary[key] = value;
  };
  set('endMs', num('end_ms'));
  set('durationMs', num('duration_ms'));
  set('billedDurationMs', num('billed_ms'));
  set('maxMemoryUsedMb', num('max_memory_mb'));
  set('initDurationMs', num('init_ms'));
  set('errorType', text('error_type'));
  set('durableExecutionArn', text('execution_arn'));
  set('invocationNo', num('invocation_no'));
  set('durableStatus', text('durable_status'));
  return summary;
}

function parseLines(text: SQLInputValue | undefined): InvocationLine[] {
  try {
    const parsed = JSON.parse(String(text ?? '[]')) as unknown;
    return Array.isArray(parsed) ? (parsed as InvocationLine[]) : [];
  } catch {
    return [];
  }
}

/** The first and the last lines of a long log, with a line saying how many were left out between them. */
export function capLines(lines: InvocationLine[], max: number): InvocationLine[] {
  if (lines.length <= max) return lines;
  const tail = Math.floor(max / 4);
  const head = max - tail - 1;
  const left = lines.length - head - tail;
  const note: InvocationLine = { timestamp: lines[head]?.timestamp ?? new Date(0).toISOString(), line: `[${left} lines not kept]` };
  return [...lines.slice(0, head), note, ...lines.slice(lines.length - tail)];
}

/**
 * Every function's recent invocations, from any caller, with their log lines, in SQLite
 * (`<state>/invocations.db`), so they outlive the studio. Bounded per function.
 */
export function openInvocationStore(dbPath: string, limits: InvocationLimits = INVOCATION_LIMITS) {
  const db = new DatabaseSync(dbPath);
  db.exec('PRAGMA journal_mode = WAL; PRAGMA synchronous = NORMAL; PRAGMA busy_timeout = 5000;');
  db.exec(SCHEMA);
  // Invocations still running live in memory: one commit per invocation, at its end, keeps the
  // cost of recording off the invocation's path. One running when the studio closes is written as
  // interrupted; after a crash it is simply missing.
  const running = new Map<string, InvocationSummary>();

  const remove = db.prepare('DELETE FROM invocations WHERE request_id = ?');
  const insert = db.prepare(
    `INSERT INTO invocations (request_id, function_name, version, caller, status, start_ms, end_ms, duration_ms, billed_ms,
     max_memory_mb, init_ms, error_type, execution_arn, invocation_no, durable_status, line_count, lines)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  const overflow = db.prepare('SELECT seq FROM invocations WHERE function_name = ? ORDER BY seq DESC LIMIT 1 OFFSET ?');
  const prune = db.prepare('DELETE FROM invocations WHERE function_name = ? AND seq <= ?');
  const SUMMARY = 'seq, request_id, function_name, version, caller, status, start_ms, end_ms, duration_ms, billed_ms, max_memory_mb, init_ms, error_type, execution_arn, invocation_no, durable_status, line_count';
  const byFunction = db.prepare(`SELECT ${SUMMARY} FROM invocations WHERE function_name = ? ORDER BY seq DESC`);
  const byRequest = db.prepare('SELECT * FROM invocations WHERE request_id = ?');
  const byExecution = db.prepare('SELECT * FROM invocations WHERE execution_arn = ? ORDER BY seq');

  /** Writes an ended invocation (replacing an earlier try with the same request id) and drops the function's oldest beyond the limit, in one commit. */
  const keep = (summary: InvocationSummary, lines: InvocationLine[]): void => {
    const n = (value: number | undefined) => value ?? null;
    db.exec('BEGIN');
    try {
      remove.run(summary.requestId);
      insert.run(
        summary.requestId, summary.functionName, summary.version, summary.caller, summary.status, summary.startMs,
        n(summary.endMs), n(summary.durationMs), n(summary.billedDurationMs), n(summary.maxMemoryUsedMb), n(summary.initDurationMs),
        summary.errorType ?? null, summary.durableExecutionArn ?? null, n(summary.invocationNo), summary.durableStatus ?? null,
        summary.lineCount, JSON.stringify(lines),
      );
      const last = overflow.get(summary.functionName, limits.perFunction) as Row | undefined;
      if (last !== undefined) prune.run(summary.functionName, last['seq'] ?? 0);
      db.exec('COMMIT');
    } catch (error) {
      db.exec('ROLLBACK');
      throw error;
    }
  };

  return {
    limits,
    start(s: InvocationStart): InvocationSummary {
      const summary: InvocationSummary = {
        requestId: s.requestId,
        functionName: s.functionName,
        version: s.version,
        caller: s.caller,
        status: 'running',
        startMs: s.startMs,
        lineCount: 0,
        ...(s.durableExecutionArn === undefined ? {} : { durableExecutionArn: s.durableExecutionArn }),
        ...(s.invocationNo === undefined ? {} : { invocationNo: s.invocationNo }),
      };
      running.set(s.requestId, summary);
      return summary;
    },
    /** Records the end; undefined when the start was not recorded. */
    end(requestId: string, e: InvocationEnd): InvocationSummary | undefined {
      const started = running.get(requestId);
      running.delete(requestId);
      if (started === undefined) return undefined;
      const { lines, ...figures } = e;
      const summary: InvocationSummary = { ...started, ...figures, lineCount: lines.length };
      keep(summary, capLines(lines, limits.linesPerInvocation));
      return summary;
    },
    /** Newest first, running ones on top. */
    list(functionName: string): InvocationSummary[] {
      const live = [...running.values()].filter((i) => i.functionName === functionName).sort((a, b) => b.startMs - a.startMs);
      return [...live, ...(byFunction.all(functionName) as Row[]).map(toSummary)];
    },
    /** A running invocation comes without lines: the recorder holds those. */
    get(requestId: string): InvocationWithLines | undefined {
      const live = running.get(requestId);
      if (live !== undefined) return { ...live, lines: [] };
      const row = byRequest.get(requestId) as Row | undefined;
      return row === undefined ? undefined : { ...toSummary(row), lines: parseLines(row['lines']) };
    },
    /** Oldest first, a running one last. */
    ofExecution(arn: string): InvocationWithLines[] {
      const kept = (byExecution.all(arn) as Row[]).map((row) => ({ ...toSummary(row), lines: parseLines(row['lines']) }));
      const live = [...running.values()].filter((i) => i.durableExecutionArn === arn).map((i) => ({ ...i, lines: [] }));
      return [...kept, ...live];
    },
    close(): void {
      for (const summary of running.values()) {
        try {
          keep({ ...summary, status: 'failed', errorType: INTERRUPTED }, []);
        } catch {
          // Closing anyway: an invocation cut short is not worth keeping the database open for.
        }
      }
      running.clear();
      db.close();
    },
  };
}

export type InvocationStore = ReturnType<typeof openInvocationStore>;
