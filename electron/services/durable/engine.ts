import { purgeInBatches } from './store-retention.ts';
import { newCheckpointToken } from './arns.ts';
import type { DurableEngine, DurableEngineOptions, EngineInternals } from './engine-types.ts';
import { type ChainedInvokeDeps, runChainedInvoke } from './chained-invoke.ts';
import type { ChainedInvokeRequest } from './checkpoint.ts';
import { recoverUnfinished } from './recovery.ts';
import { interpretOutcome, invocationEvent } from './invocation.ts';
import { insertExecution, type StartExecutionInput } from './lifecycle.ts';
import { finishInvocation, type InvocationResult } from './invocation-finish.ts';
import { createCloseWaiters } from './close-waiters.ts';
import { durableRoutes } from './routes.ts';
import { startSeededExecution } from './seeded-start.ts';
import { describeTimer } from './timer-description.ts';
import { invocationRetry } from './invocation-retry.ts';
import { StudioError } from '../../../shared/contract/errors.ts';

export type { Clock, DurableEngine, DurableEngineOptions, EngineInternals } from './engine-types.ts';
import { completeChainedInvoke, fireTimer, type ChainedOutcome } from './service-events.ts';
import { createTimerLoop, SKIPPABLE } from './timer-loop.ts';
import { type DurableExecutionStatusChange, statusChangeEvent } from './status-event.ts';
import { type ExecutionRow, openDurableStore } from './store.ts';
import type { InvocationCaller } from '../../../shared/contract/invocations.ts';


/** Creates the durable execution engine. Nothing runs until `start()`. */
export function createDurableEngine(options: DurableEngineOptions): DurableEngine {
  const store = openDurableStore(options.dbPath);
  const clock = options.clock ?? { now: () => Date.now() };
  const log = options.log ?? (() => undefined);
  const maxFailures = options.maxInvocationFailures ?? 5;
  let virtual = options.virtualClock ?? false;
  let started = false;
  let closed = false;
  let retention: NodeJS.Timeout | undefined;
  const invoking = new Set<string>();
  // Who started each new execution, for its first invocation's record; later ones are the engine's own.
  const firstCallers = new Map<string, InvocationCaller>();
  const listeners = new Set<(event: DurableExecutionStatusChange) => void>();
  const closeWaiters = createCloseWaiters(store, listeners);
  const timers = createTimerLoop({ store, clock, isStarted: () => started, isClosed: () => closed, isVirtual: () => virtual, changed: (arn) => changed(arn) });
  const schedule = (force?: boolean): void => timers.schedule(force);

  const emit = (exec: ExecutionRow): void => {
    const arn = exec.arn;
    const event = statusChangeEvent(exec, options.region, options.accountId, clock.now(), store.lastEventId(arn));
    for (const listener of listeners) {
      try {
        listener(event);
      } catch (error) {
        log(`An execution listener failed: ${(error as Error).message}`);
      }
    }
  };

  /** After any state change: tell listeners, and invoke the handler if a service-side change waits for it. */
  const changed = (arn: string): void => {
    // A change told after the answer (a turn later) can come after close(), when the store is shut.
    if (closed) return;
    const exec = store.getExecution(arn);
    if (exec === undefined) return;
    emit(exec);
    if (exec.status !== 'RUNNING') {
      executionClosed(exec);
      return;
    }
    if (exec.invocationId === null && exec.serviceChange > exec.seenChange) setImmediate(() => void drive(arn));
    schedule();
  };

  const executionClosed = (exec: ExecutionRow): void => {
    closeWaiters.closed(exec);
    if (exec.parentArn !== null && exec.parentOpId !== null) {
      const outcome: ChainedOutcome =
        exec.status === 'SUCCEEDED'
          ? { status: 'SUCCEEDED', ...(exec.result !== null ? { result: exec.result } : {}) }
          : { status: exec.status === 'RUNNING' ? 'FAILED' : exec.status, error: exec.error ?? {} };
      if (completeChainedInvoke(store, exec.parentArn, exec.parentOpId, outcome, clock.now())) changed(exec.parentArn);
    }
  };

  /** Runs one invocation of the execution's handler if none is running; at most one per execution. */
  const drive = async (arn: string): Promise<void> => {
    if (closed || !started || invoking.has(arn)) return;
    const exec = store.getExecution(arn);
    if (exec === undefined || exec.status !== 'RUNNING' || exec.invocationId !== null) return;
    invoking.add(arn);
    const requestId = `inv-${exec.invocationNo + 1}-${newCheckpointToken().slice(0, 8)}`;
    let sandboxRequestId = requestId;
    try {
      const token = newCheckpointToken();
      const event = store.tx(() => {
        store.updateExecution(arn, { token, invocationId: requestId, invocationStartMs: clock.now(), invocationNo: exec.invocationNo + 1, seenChange: exec.changeNo });
        return invocationEvent(store, arn, token, exec.seenChange);
      });
      let result: InvocationResult;
      try {
        const caller = firstCallers.get(arn);
        firstCallers.delete(arn);
        const outcome = await options.invoker.invokeSandbox({
          functionName: exec.functionName,
          qualifier: exec.version,
          payload: Buffer.from(JSON.stringify(event)),
          ...(exec.traceId !== null ? { traceId: exec.traceId } : {}),
          durableExecutionArn: arn,
          invocationNo: exec.invocationNo + 1,
          ...(caller !== undefined && exec.invocationNo === 0 ? { caller } : {}),
        });
        sandboxRequestId = outcome.requestId;
        result = interpretOutcome(outcome);
      } catch (error) {
        result = { kind: 'invocation-error', error: { ErrorType: 'Sandbox.Error', ErrorMessage: (error as Error).message } };
      }
      if (closed) return;
      finishInvocation(store, arn, requestId, result, sandboxRequestId, clock.now(), maxFailures);
    } finally {
      invoking.delete(arn);
    }
    changed(arn);
  };

  const chainedDeps = (): ChainedInvokeDeps => ({
    store,
    invoker: options.invoker,
    region: options.region,
    accountId: options.accountId,
    now: () => clock.now(),
    isClosed: () => closed,
    changed,
    startExecution,
  });
  const runChained = (arn: string, r: ChainedInvokeRequest): void => {
    runChainedInvoke(chainedDeps(), arn, r).catch((error: unknown) => log(`Chained invoke ${r.functionName} from ${arn} failed: ${(error as Error).message}`));
  };
  const startChainedInvokes = (arn: string, requests: ChainedInvokeRequest[]): void => {
    if (closed) return;
    for (const r of requests) runChained(arn, r);
  };

  const startExecution = (input: Omit<StartExecutionInput, 'region' | 'accountId'>) =>
    insertExecution(store, { ...input, region: options.region, accountId: options.accountId }, clock.now());

  const waitForClose = closeWaiters.waitForClose;

  /**
   * Whether a running execution waits on nothing due by `untilMs`: an invocation has run and
   * ended, no change waits for the handler, and no timer fires by then (so it waits for a
   * callback or a long timer). On the virtual clock skippable timers count as due now.
   */
  const waitsPast = (exec: ExecutionRow, untilMs: number): boolean => {
    if (exec.status !== 'RUNNING' || exec.invocationNo === 0 || exec.invocationId !== null || invoking.has(exec.arn)) return false;
    if (exec.serviceChange > exec.seenChange) return false;
    const skipNow = virtual || store.virtualClockOf(exec.arn);
    return store.timersOf(exec.arn).every((t) => t.dueMs > untilMs && !(skipNow && SKIPPABLE.includes(t.kind)));
  };

  const waitForAnswer = (arn: string, timeoutMs: number): Promise<ExecutionRow | undefined> => {
    const untilMs = clock.now() + timeoutMs;
    return waitForClose(arn, timeoutMs, (exec) => waitsPast(exec, untilMs));
  };

  const internals: EngineInternals = {
    store,
    region: options.region,
    accountId: options.accountId,
    invoker: options.invoker,
    now: () => clock.now(),
    staleTokenMessage: options.staleTokenMessage ?? 'Invalid Checkpoint Token',
    log,
    changed,
    startChainedInvokes,
    startExecution,
    executionClosed,
    waitForClose,
    noteCaller: (arn, caller) => {
      firstCallers.set(arn, caller);
    },
  };
  const { routes, invokeDurable } = durableRoutes(internals);

  let purging: Promise<number> | undefined;
  /** Purges closed executions past their function's RetentionPeriodInDays, as Lambda does; one run at a time. */
  const applyRetention = (): Promise<number> =>
    (purging ??= purgeInBatches(store, (limit) => store.expiredExecutions(clock.now(), limit), () => closed)
      .then(
        (purged) => {
          if (purged > 0) log(`Removed ${purged} durable executions past their retention period.`);
          return purged;
        },
        (error: unknown) => {
          if (!closed) log(`Purging expired durable executions failed: ${error instanceof Error ? error.message : String(error)}`);
          return 0;
        },
      )
      .finally(() => {
        purging = undefined;
      }));

  return {
    routes,
    invokeDurable,
    store,
    async start() {
      if (started) return;
      started = true;
      const nowMs = clock.now();
      if (store.vacuumedOnOpen) log('The durable executions database was rewritten once, so that purges give its space back.');
      recoverUnfinished(store, nowMs, runChained, executionClosed);
      for (const exec of store.runningExecutions()) changed(exec.arn);
      schedule();
      // In batches after start rather than before it: a store with many expired executions
      // neither delays the endpoint nor holds up the executions that resume.
      retention = setInterval(() => void applyRetention(), 3_600_000);
      retention.unref();
      void applyRetention();
    },
    applyRetention: () => applyRetention(),
    close() {
      if (closed) return;
      closed = true;
      timers.stop();
      if (retention !== undefined) clearInterval(retention);
      closeWaiters.releaseAll();
      store.close();
    },
    onExecutionChanged(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    async skip(executionArn, expected) {
      const next = store.timersOf(executionArn).find((t) => SKIPPABLE.includes(t.kind));
      if (next === undefined) return undefined;
      if (expected !== undefined && (expected.kind !== next.kind || expected.operationId !== next.opId)) {
        // The execution moved on since the person was asked: fire nothing they did not agree to.
        throw new StudioError('CONFLICT', `The next timer is no longer the one you confirmed: it now ${describeTimer(store, next).description}. Nothing was fired.`);
      }
      if (fireTimer(store, next, clock.now(), true)) changed(executionArn);
      return { kind: next.kind, operationId: next.opId };
    },
    nextTimer(executionArn) {
      const next = store.timersOf(executionArn).find((t) => SKIPPABLE.includes(t.kind));
      return next === undefined ? undefined : describeTimer(store, next);
    },
    invocationRetry: (executionArn) => invocationRetry(store, executionArn, maxFailures),
    setVirtualClock(enabled, executionArn) {
      if (executionArn !== undefined) {
        store.setVirtualClock(executionArn, enabled);
        if (enabled) timers.runDue();
        return;
      }
      virtual = enabled;
      if (enabled) timers.runDue();
      else schedule();
    },
    waitForClose,
    waitForAnswer,
    startSeeded: (start) => startSeededExecution(internals, start),
  };
}
