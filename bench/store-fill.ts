// Generated durable stores for the benches: rows written straight into SQLite, as many as asked,
// far faster than running that many executions.
import type { DurableStore } from '../electron/services/durable/store.ts';

const STATUSES = ['SUCCEEDED', 'SUCCEEDED', 'SUCCEEDED', 'SUCCEEDED', 'SUCCEEDED', 'SUCCEEDED', 'FAILED', 'TIMED_OUT', 'STOPPED'];

/**
 * `count` executions over 20 functions (`fn-0` … `fn-19`), one started every 30 s up to `nowMs`,
 * mostly succeeded, the newest 10 still running. Returns the newest one's ARN.
 */
export function fillExecutions(store: DurableStore, count: number, nowMs: number): string {
  const insert = store.db.prepare(
    `INSERT INTO executions (arn, seq, function_name, function_arn, version, name, execution_id, status, input, result, start_ms, end_ms, timeout_s, retention_days)
     VALUES (?, ?, ?, ?, '$LATEST', ?, ?, ?, '{"n":1}', '"ok"', ?, ?, 300, 14)`,
  );
  store.db.exec('BEGIN');
  for (let i = 1; i <= count; i++) {
    const fn = `fn-${i % 20}`;
    const name = `order-${i}`;
    const arn = `arn:aws:lambda:us-east-1:000000000000:function:${fn}:$LATEST/durable-execution/${name}/${i}`;
    const running = i > count - 10;
    const startMs = nowMs - (count - i) * 30_000;
    insert.run(arn, i, fn, `arn:aws:lambda:us-east-1:000000000000:function:${fn}`, name, String(i), running ? 'RUNNING' : (STATUSES[i % STATUSES.length] ?? 'SUCCEEDED'), startMs, running ? null : startMs + 1_000);
  }
  store.db.exec('COMMIT');
  return store.executionPage({ limit: 1 })[0]?.arn ?? '';
}

/** Gives the execution `arn` a history of `operations` finished steps, one event each. */
export function fillHistory(store: DurableStore, arn: string, operations: number): void {
  const opInsert = store.db.prepare('INSERT INTO operations (arn, id, seq, change_no, data) VALUES (?, ?, ?, ?, ?)');
  const eventInsert = store.db.prepare('INSERT INTO events (arn, event_id, data) VALUES (?, ?, ?)');
  store.db.exec('BEGIN');
  for (let i = 1; i <= operations; i++) {
    const id = `op-${i}`;
    opInsert.run(arn, id, i, i, JSON.stringify({ Id: id, Type: 'STEP', Status: 'SUCCEEDED', Name: `step ${i}`, StepDetails: { Result: `"r${i}"` } }));
    eventInsert.run(arn, i, JSON.stringify({ EventId: i, EventType: 'StepSucceeded', Id: id, Name: `step ${i}` }));
  }
  store.db.exec('COMMIT');
}
