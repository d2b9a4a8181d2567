import { DatabaseSync } from 'node:sqlite';

/** What a closed operation's status is, read from the type of the last event about it. */
function statusOfEvent(eventType: string): string | undefined {
  const match = /(Started|Succeeded|Failed|Cancelled|Stopped|TimedOut)$/.exec(eventType);
  if (match === null) return undefined;
  return { Started: 'STARTED', Succeeded: 'SUCCEEDED', Failed: 'FAILED', Cancelled: 'CANCELLED', Stopped: 'STOPPED', TimedOut: 'TIMED_OUT' }[match[1] as 'Started'];
}

/**
 * Test-only: reads a durable store left by a killed studio and lists every way in which it is
 * not the result of whole checkpoints. Each execution's history is numbered without gaps;
 * every operation has events and every event's operation exists; an operation's status is
 * the one its last event says (a step retried or a callback answered says so in its events
 * too); the execution's change number is at least each operation's. A checkpoint written in
 * part (operations without their events, or the reverse) breaks one of these.
 */
export function storeInconsistencies(dbPath: string): string[] {
  const db = new DatabaseSync(dbPath);
  const problems: string[] = [];
  try {
    const executions = db.prepare('SELECT arn, status, change_no, seen_change FROM executions').all() as Array<{ arn: string; status: string; change_no: number; seen_change: number }>;
    for (const exec of executions) {
      const ops = db.prepare('SELECT id, change_no, data FROM operations WHERE arn = ?').all(exec.arn) as Array<{ id: string; change_no: number; data: string }>;
      const events = (db.prepare('SELECT event_id, data FROM events WHERE arn = ? ORDER BY event_id').all(exec.arn) as Array<{ event_id: number; data: string }>).map((r) => ({
        id: Number(r.event_id),
        event: JSON.parse(r.data) as { EventType: string; Id?: string; WaitCancelledDetails?: unknown },
      }));
      events.forEach((e, i) => {
        if (e.id !== i + 1) problems.push(`${exec.arn}: event ${i + 1} is numbered ${e.id}`);
      });
      const lastEvent = new Map<string, string>();
      for (const { event } of events) if (event.Id !== undefined) lastEvent.set(event.Id, event.EventType);
      const opIds = new Set(ops.map((o) => o.id));
      for (const id of lastEvent.keys()) if (!opIds.has(id)) problems.push(`${exec.arn}: events about ${id}, which has no operation`);
      for (const op of ops) {
        if (Number(op.change_no) > Number(exec.change_no)) problems.push(`${exec.arn}: operation ${op.id} changed at ${op.change_no}, after the execution's ${exec.change_no}`);
        const status = (JSON.parse(op.data) as { Status: string }).Status;
        const last = lastEvent.get(op.id);
        if (last === undefined) {
          // A callback cancelled by its step has no event of its own.
          if (status !== 'CANCELLED') problems.push(`${exec.arn}: operation ${op.id} (${status}) has no event`);
          continue;
        }
        const said = statusOfEvent(last);
        // A RETRY records StepFailed/StepSucceeded and leaves the step PENDING or READY.
        const retrying = (status === 'PENDING' || status === 'READY') && /^Step(Failed|Succeeded)$/.test(last);
        if (said !== undefined && said !== status && !retrying) problems.push(`${exec.arn}: operation ${op.id} is ${status} but its last event is ${last}`);
      }
      if (Number(exec.seen_change) > Number(exec.change_no)) problems.push(`${exec.arn}: seen change ${exec.seen_change} is past change ${exec.change_no}`);
    }
  } finally {
    db.close();
  }
  return problems;
}
