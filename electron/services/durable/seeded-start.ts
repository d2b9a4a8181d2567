import { LambdaApiError } from '../lambda/api-types.ts';
import { encodeCallbackId, functionArn } from './arns.ts';
import type { EngineInternals, SeededStart } from './engine-types.ts';
import { seconds } from './history.ts';
import type { ReplaySeed } from './history-replay.ts';
import type { DurableStore, ExecutionRow } from './store.ts';
import type { Operation } from './wire.ts';

/**
 * Writes the seed into a just-created execution: its operations, the record's events of them
 * (stamped now and marked `Seeded: true`, an extra member AWS clients ignore, like `Skipped`),
 * and the timers of what still waits. Open callbacks get ids of this execution and their
 * timeouts count from now; waits and retry delays keep their recorded due times, so one that
 * has passed fires at once.
 */
function writeSeed(store: DurableStore, exec: ExecutionRow, seed: ReplaySeed, replayOf: string, nowMs: number): void {
  const arn = exec.arn;
  const localIds = new Map<string, string>();
  const open = new Map(seed.openCallbacks.map((c) => [c.operationId, c]));
  for (const recorded of seed.operations) {
    const op: Operation = structuredClone(recorded);
    const callback = open.get(op.Id);
    if (callback !== undefined) {
      const callbackId = encodeCallbackId(arn, op.Id);
      localIds.set(op.Id, callbackId);
      op.CallbackDetails = { CallbackId: callbackId };
      if (callback.heartbeatSeconds !== undefined) op._heartbeatSeconds = callback.heartbeatSeconds;
      if (callback.timeoutSeconds !== undefined) store.setTimer({ arn, opId: op.Id, kind: 'callback-timeout', dueMs: nowMs + callback.timeoutSeconds * 1000 });
      if (callback.heartbeatSeconds !== undefined) store.setTimer({ arn, opId: op.Id, kind: 'callback-heartbeat', dueMs: nowMs + callback.heartbeatSeconds * 1000 });
    }
    if (op.Type === 'WAIT' && op.Status === 'STARTED') store.setTimer({ arn, opId: op.Id, kind: 'wait', dueMs: op.WaitDetails?.ScheduledEndTimestamp ?? nowMs });
    if (op.Type === 'STEP' && op.Status === 'PENDING') store.setTimer({ arn, opId: op.Id, kind: 'retry', dueMs: op.StepDetails?.NextAttemptTimestamp ?? nowMs });
    store.putOperation(arn, op);
  }
  for (const event of seed.events) {
    const copy: Record<string, unknown> = { ...event, EventTimestamp: seconds(nowMs), Seeded: true };
    delete copy['EventId'];
    const localId = event.Id === undefined ? undefined : localIds.get(event.Id);
    if (event.EventType === 'CallbackStarted' && localId !== undefined) {
      copy['CallbackStartedDetails'] = { ...(copy['CallbackStartedDetails'] as Record<string, unknown> | undefined), CallbackId: localId };
    }
    store.appendEvent(arn, copy);
  }
  store.patchEventDetails(arn, (e) => e['EventType'] === 'ExecutionStarted', 'ExecutionStartedDetails', {
    ReplayOf: { DurableExecutionArn: replayOf, SeededOperations: seed.operations.length },
  });
}

/**
 * Starts a new execution of a local durable function from a recorded execution's operations
 * (see `historyToReplaySeed`), then invokes it as any new execution. The record is only read.
 */
export async function startSeededExecution(ctx: EngineInternals, start: SeededStart): Promise<ExecutionRow> {
  const qualifier = start.qualifier ?? '$LATEST';
  const config = await ctx.invoker.durableConfigOf(start.functionName, qualifier);
  if (config === null) throw new LambdaApiError(400, 'InvalidParameterValueException', `${start.functionName} is not a durable function.`);
  const nowMs = ctx.now();
  const execution = ctx.store.tx(() => {
    const { execution: exec } = ctx.startExecution({
      functionName: start.functionName,
      version: /^\d+$/.test(qualifier) ? qualifier : '$LATEST',
      functionArn: functionArn(ctx.region, ctx.accountId, start.functionName),
      input: start.seed.input,
      timeoutSeconds: config.executionTimeout,
      retentionDays: config.retentionPeriodInDays,
    });
    writeSeed(ctx.store, exec, start.seed, start.replayOf, nowMs);
    return exec;
  });
  ctx.changed(execution.arn);
  return execution;
}
