import type { DurableHooks, SandboxInvoker } from '../lambda/durable-hooks.ts';
import { newCheckpointToken, parseFunctionIdentifier } from './arns.ts';
import type { ChainedInvokeRequest } from './checkpoint.ts';
import { invocationCompletedEvent } from './history.ts';
import { interpretOutcome, invocationEvent } from './invocation.ts';
import { closeExecution, insertExecution, type StartExecutionInput } from './lifecycle.ts';
import { durableRoutes } from './routes.ts';
import { completeChainedInvoke, fireTimer, type ChainedOutcome } from './service-events.ts';
import { type DurableExecutionStatusChange, statusChangeEvent } from './status-event.ts';
import { type DurableStore, type ExecutionRow, openDurableStore, type TimerKind, type TimerRow } from './store.ts';
import type { ErrorObject } from './wire.ts';

/** Where the engine reads the time; tests and the virtual clock use their own. */
export interface Clock {
  now(): number;
}

/** What `createDurableEngine` needs. */
export interface DurableEngineOptions {
  /** The SQLite file (e.g. `<workspace>/.studio/durable.db`). */
  dbPath: string;
  invoker: SandboxInvoker;
  region: string;
  accountId: string;
  clock?: Clock;
  log?: (message: string) => void;
  /**
   * The message of the stale-token error. AWS sends `Invalid checkpoint token`; SDK 2.4
   * only recognises `Invalid Checkpoint Token` as a retryable invocation-level failure.
   */
  staleTokenMessage?: string;
  /** Consecutive failed invocations (crash, timeout, bad output) before the execution fails. Default 5. */
  maxInvocationFailures?: number;
  /** Whether all waits, retry delays and callback timeouts fire at once (studio-wide virtual clock). Default false. */
  virtualClock?: boolean;
}

/** The engine as the rest of the studio sees it: the Lambda API hooks plus lifecycle and development controls. */
export interface DurableEngine extends DurableHooks {
  /** Reloads the database and resumes every unfinished execution. Call once, after the Lambda service listens. */
  start(): Promise<void>;
  /** Stops timers and waits for nothing; unfinished executions resume on the next `start`. */
  close(): void;
  onExecutionChanged(listener: (event: DurableExecutionStatusChange) => void): () => void;
  /**
   * Fast-forwards the execution's earliest wait, retry delay or callback timeout (virtual clock).
   * History marks the resulting event `Skipped: true`. Returns what was skipped, or undefined.
   */
  skip(executionArn: string): Promise<{ kind: TimerKind; operationId: string } | undefined>;
  /**
   * Turns the virtual clock on or off: studio-wide, or for one execution when an ARN is
   * given. On it, waits, retry delays and callback timeouts fire at once (history marks them skipped).
   */
  setVirtualClock(enabled: boolean, executionArn?: string): void;
  /** Resolves when the execution has closed (or at once when it already has). */
  waitForClose(executionArn: string, timeoutMs?: number): Promise<ExecutionRow | undefined>;
  store: DurableStore;
}

/** Internal surface the routes share with the engine. */
export interface EngineInternals {
  store: DurableStore;
  region: string;
  accountId: string;
  invoker: SandboxInvoker;
  now(): number;
  staleTokenMessage: string;
  log(message: string): void;
  changed(arn: string): void;
  startChainedInvokes(arn: string, requests: ChainedInvokeRequest[]): void;
  startExecution(input: Omit<StartExecutionInput, 'region' | 'accountId'>): { execution: ExecutionRow; created: boolean };
  executionClosed(exec: ExecutionRow): void;
  waitForClose(arn: string, timeoutMs?: number): Promise<ExecutionRow | undefined>;
}

const SKIPPABLE: TimerKind[] = ['wait', 'retry', 'callback-timeout', 'callback-heartbeat', 'invoke-retry'];
const MAX_TIMEOUT_MS = 2_147_000_000;

/** Creates the durable execution engine. Nothing runs until `start()`. */
export function createDurableEngine(options: DurableEngineOptions): DurableEngine {
  const store = openDurableStore(options.dbPath);
  const clock = options.clock ?? { now: () => Date.now() };
  const log = options.log ?? (() => undefined);
  const maxFailures = options.maxInvocationFailures ?? 5;
  let virtual = options.virtualClock ?? false;
  let started = false;
  let closed = false;
  let timer: NodeJS.Timeout | undefined;
  let retention: NodeJS.Timeout | undefined;
  const invoking = new Set<string>();
  const listeners = new Set<(event: DurableExecutionStatusChange) => void>();
  const closeWaiters = new Map<string, Set<(exec: ExecutionRow | undefined) => void>>();

  const emit = (arn: string): void => {
    const exec = store.getExecution(arn);
    if (exec === undefined) return;
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
    emit(arn);
    const exec = store.getExecution(arn);
    if (exec === undefined) return;
    if (exec.status !== 'RUNNING') {
      executionClosed(exec);
      return;
    }
    if (exec.invocationId === null && exec.serviceChange > exec.seenChange) setImmediate(() => void drive(arn));
    schedule();
  };

  const executionClosed = (exec: ExecutionRow): void => {
    const waiters = closeWaiters.get(exec.arn);
    closeWaiters.delete(exec.arn);
    for (const resolve of waiters ?? []) resolve(exec);
    if (exec.parentArn !== null && exec.parentOpId !== null) {
      const outcome: ChainedOutcome =
        exec.status === 'SUCCEEDED'
          ? { status: 'SUCCEEDED', ...(exec.result !== null ? { result: exec.result } : {}) }
          : { status: exec.status === 'RUNNING' ? 'FAILED' : exec.status, error: exec.error ?? {} };
      if (completeChainedInvoke(store, exec.parentArn, exec.parentOpId, outcome, clock.now())) changed(exec.parentArn);
    }
  };

  const finishInvocation = (arn: string, requestId: string, result: ReturnType<typeof interpretOutcome>, sandboxRequestId: string): void => {
    const nowMs = clock.now();
    store.tx(() => {
      const exec = store.getExecution(arn);
      // Stopped or timed out meanwhile: the invocation was already recorded as ended.
      if (exec === undefined || exec.status !== 'RUNNING' || exec.invocationId !== requestId) return;
      const startMs = exec.invocationStartMs ?? nowMs;
      const invocationError = result.kind === 'invocation-error' ? result.error : undefined;
      store.appendEvent(arn, invocationCompletedEvent(startMs, nowMs, sandboxRequestId, invocationError));
      store.updateExecution(arn, { token: null, invocationId: null, invocationStartMs: null });
      if (exec.pendingClose !== null) {
        const p = exec.pendingClose;
        closeExecution(store, arn, p.status === 'SUCCEEDED' ? 'SUCCEEDED' : 'FAILED', { ...(p.result !== undefined ? { result: p.result } : {}), ...(p.error !== undefined ? { error: p.error } : {}) }, nowMs);
        return;
      }
      if (result.kind === 'succeeded') {
        closeExecution(store, arn, 'SUCCEEDED', result.result === undefined ? {} : { result: result.result }, nowMs);
      } else if (result.kind === 'failed') {
        closeExecution(store, arn, 'FAILED', { error: result.error }, nowMs);
      } else if (result.kind === 'pending') {
        store.updateExecution(arn, { failures: 0 });
      } else {
        const failures = exec.failures + 1;
        if (failures >= maxFailures) {
          closeExecution(store, arn, 'FAILED', { error: result.error }, nowMs);
        } else {
          store.updateExecution(arn, { failures });
          store.setTimer({ arn, opId: exec.executionId, kind: 'invoke-retry', dueMs: nowMs + 1000 * 2 ** (failures - 1) });
        }
      }
    });
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
        return invocationEvent(store, arn, token);
      });
      let result: ReturnType<typeof interpretOutcome>;
      try {
        const outcome = await options.invoker.invokeSandbox({
          functionName: exec.functionName,
          qualifier: exec.version,
          payload: Buffer.from(JSON.stringify(event)),
          ...(exec.traceId !== null ? { traceId: exec.traceId } : {}),
        });
        sandboxRequestId = outcome.requestId;
        result = interpretOutcome(outcome);
      } catch (error) {
        result = { kind: 'invocation-error', error: { ErrorType: 'Sandbox.Error', ErrorMessage: (error as Error).message } };
      }
      if (closed) return;
      finishInvocation(arn, requestId, result, sandboxRequestId);
    } finally {
      invoking.delete(arn);
    }
    changed(arn);
  };

  const runTimers = (): void => {
    if (closed) return;
    const nowMs = clock.now();
    const due: TimerRow[] = [...store.dueTimers(nowMs), ...store.skippableTimers(SKIPPABLE, nowMs, virtual)];
    const touched = new Set<string>();
    for (const t of due) {
      if (fireTimer(store, t, nowMs, t.dueMs > nowMs)) touched.add(t.arn);
    }
    for (const arn of touched) changed(arn);
    schedule();
  };

  function schedule(): void {
    if (closed || !started) return;
    if (timer !== undefined) clearTimeout(timer);
    timer = undefined;
    const nextDue = store.nextTimerDue();
    if (nextDue === undefined) return;
    const skipNow = store.skippableTimers(SKIPPABLE, clock.now(), virtual).length > 0;
    const delay = skipNow ? 0 : Math.min(Math.max(0, nextDue - clock.now()), MAX_TIMEOUT_MS);
    timer = setTimeout(runTimers, delay);
    timer.unref?.();
  }

  const startChainedInvokes = (arn: string, requests: ChainedInvokeRequest[]): void => {
    for (const r of requests) void runChainedInvoke(arn, r);
  };

  const runChainedInvoke = async (arn: string, r: ChainedInvokeRequest): Promise<void> => {
    const fail = (error: ErrorObject): void => {
      if (completeChainedInvoke(store, arn, r.opId, { status: 'FAILED', error }, clock.now())) changed(arn);
    };
    const target = parseFunctionIdentifier(r.functionName);
    if (target === undefined) return fail({ ErrorType: 'InvalidParameterValueException', ErrorMessage: `${r.functionName} is not a function name or ARN.` });
    let config: Awaited<ReturnType<SandboxInvoker['durableConfigOf']>>;
    try {
      config = await options.invoker.durableConfigOf(target.functionName, target.qualifier);
    } catch (error) {
      return fail({ ErrorType: 'ResourceNotFoundException', ErrorMessage: (error as Error).message });
    }
    const parent = store.getExecution(arn);
    if (parent === undefined || parent.status !== 'RUNNING') return;
    if (config !== null) {
      const version = target.qualifier !== undefined && /^(\$LATEST|\d+)$/.test(target.qualifier) ? target.qualifier : '$LATEST';
      const { execution } = startExecution({
        functionName: target.functionName,
        version,
        functionArn: `arn:aws:lambda:${options.region}:${options.accountId}:function:${target.functionName}:${version}`,
        input: r.payload ?? '{}',
        timeoutSeconds: config.executionTimeout,
        retentionDays: config.retentionPeriodInDays,
        parentArn: arn,
        parentOpId: r.opId,
      });
      store.patchEventDetails(arn, (e) => e['EventType'] === 'ChainedInvokeStarted' && e['Id'] === r.opId, 'ChainedInvokeStartedDetails', { DurableExecutionArn: execution.arn });
      changed(execution.arn);
      return;
    }
    try {
      const outcome = await options.invoker.invokeSandbox({ functionName: target.functionName, ...(target.qualifier !== undefined ? { qualifier: target.qualifier } : {}), payload: Buffer.from(r.payload ?? '{}') });
      const text = outcome.payload.toString('utf8');
      if (outcome.functionError !== undefined) {
        let error: ErrorObject = { ErrorType: outcome.functionError, ErrorMessage: text };
        try {
          const doc = JSON.parse(text) as { errorType?: unknown; errorMessage?: unknown };
          error = { ErrorType: typeof doc.errorType === 'string' ? doc.errorType : outcome.functionError, ErrorMessage: typeof doc.errorMessage === 'string' ? doc.errorMessage : text };
        } catch {
          // Keep the raw text.
        }
        return fail(error);
      }
      if (completeChainedInvoke(store, arn, r.opId, { status: 'SUCCEEDED', result: text }, clock.now())) changed(arn);
    } catch (error) {
      fail({ ErrorType: 'ServiceException', ErrorMessage: (error as Error).message });
    }
  };

  const startExecution = (input: Omit<StartExecutionInput, 'region' | 'accountId'>) =>
    insertExecution(store, { ...input, region: options.region, accountId: options.accountId }, clock.now());

  const waitForClose = (arn: string, timeoutMs?: number): Promise<ExecutionRow | undefined> => {
    const exec = store.getExecution(arn);
    if (exec === undefined || exec.status !== 'RUNNING') return Promise.resolve(exec);
    return new Promise((resolve) => {
      const set = closeWaiters.get(arn) ?? new Set();
      closeWaiters.set(arn, set);
      let handle: NodeJS.Timeout | undefined;
      const done = (value: ExecutionRow | undefined): void => {
        if (handle !== undefined) clearTimeout(handle);
        set.delete(done);
        resolve(value);
      };
      set.add(done);
      if (timeoutMs !== undefined) handle = setTimeout(() => done(store.getExecution(arn)), timeoutMs);
    });
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
  };
  const { routes, invokeDurable } = durableRoutes(internals);

  return {
    routes,
    invokeDurable,
    store,
    async start() {
      if (started) return;
      started = true;
      const nowMs = clock.now();
      const purged = store.tx(() => store.purgeExpired(nowMs));
      if (purged > 0) log(`Removed ${purged} durable executions past their retention period.`);
      retention = setInterval(() => store.tx(() => store.purgeExpired(clock.now())), 3_600_000);
      retention.unref();
      for (const exec of store.runningExecutions()) {
        // An invocation that was running when the studio stopped is over: record it and run again.
        if (exec.invocationId !== null) {
          store.tx(() => {
            store.appendEvent(exec.arn, invocationCompletedEvent(exec.invocationStartMs ?? nowMs, nowMs, exec.invocationId ?? '', { ErrorType: 'Sandbox.Interrupted', ErrorMessage: 'The studio stopped while this invocation ran.' }));
            store.updateExecution(exec.arn, { token: null, invocationId: null, invocationStartMs: null, serviceChange: exec.changeNo + 1, changeNo: exec.changeNo + 1 });
          });
        }
        for (const op of store.operations(exec.arn)) {
          if (op.Type !== 'CHAINED_INVOKE' || op.Status !== 'STARTED') continue;
          const child = store.db.prepare('SELECT arn FROM executions WHERE parent_arn = ? AND parent_op = ?').get(exec.arn, op.Id) as { arn: string } | undefined;
          if (child === undefined) {
            const started = store.events(exec.arn, 1, 100_000, false).find((e) => e['EventType'] === 'ChainedInvokeStarted' && e['Id'] === op.Id);
            const details = (started?.['ChainedInvokeStartedDetails'] ?? {}) as { FunctionName?: string; Input?: { Payload?: string } };
            if (details.FunctionName !== undefined) void runChainedInvoke(exec.arn, { opId: op.Id, functionName: details.FunctionName, payload: details.Input?.Payload, tenantId: undefined });
          } else {
            const childExec = store.getExecution(child.arn);
            if (childExec !== undefined && childExec.status !== 'RUNNING') executionClosed(childExec);
          }
        }
      }
      for (const exec of store.runningExecutions()) changed(exec.arn);
      schedule();
    },
    close() {
      if (closed) return;
      closed = true;
      if (timer !== undefined) clearTimeout(timer);
      if (retention !== undefined) clearInterval(retention);
      for (const [, waiters] of closeWaiters) for (const resolve of waiters) resolve(undefined);
      closeWaiters.clear();
      store.close();
    },
    onExecutionChanged(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    async skip(executionArn) {
      const next = store.timersOf(executionArn).find((t) => SKIPPABLE.includes(t.kind));
      if (next === undefined) return undefined;
      if (fireTimer(store, next, clock.now(), true)) changed(executionArn);
      return { kind: next.kind, operationId: next.opId };
    },
    setVirtualClock(enabled, executionArn) {
      if (executionArn !== undefined) {
        store.setVirtualClock(executionArn, enabled);
        if (enabled) runTimers();
        return;
      }
      virtual = enabled;
      if (enabled) runTimers();
      else schedule();
    },
    waitForClose,
  };
}
