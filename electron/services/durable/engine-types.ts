import type { InvocationCaller } from '../../../shared/contract/invocations.ts';
import type { DurableHooks, SandboxInvoker } from '../lambda/durable-hooks.ts';
import type { ChainedInvokeRequest } from './checkpoint.ts';
import type { StartExecutionInput } from './lifecycle.ts';
import type { ReplaySeed } from './history-replay.ts';
import type { TimerDescription } from './timer-description.ts';
import type { InvocationRetry } from './invocation-retry.ts';
import type { DurableExecutionStatusChange } from './status-event.ts';
import type { DurableStore, ExecutionRow, TimerKind } from './store.ts';

/** The function a seeded execution runs, and the recorded execution it continues. */
export interface SeededStart {
  functionName: string;
  /** `$LATEST` when absent. */
  qualifier?: string;
  seed: ReplaySeed;
  /** The recorded execution's ARN, noted on the new execution's ExecutionStarted event. */
  replayOf: string;
}

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
   * With `expected`, fires only that timer and throws when the next one is another (the person
   * confirmed firing a particular one).
   */
  skip(executionArn: string, expected?: { kind: string; operationId: string }): Promise<{ kind: TimerKind; operationId: string } | undefined>;
  /** The timer `skip` would fire, said for a person, or undefined when none is waiting. */
  nextTimer(executionArn: string): TimerDescription | undefined;
  /** Whether the handler's invocations are failing and being retried: how often, the last error, the next try. */
  invocationRetry(executionArn: string): InvocationRetry | undefined;
  /**
   * Turns the virtual clock on or off: studio-wide, or for one execution when an ARN is
   * given. On it, waits, retry delays and callback timeouts fire at once (history marks them skipped).
   */
  setVirtualClock(enabled: boolean, executionArn?: string): void;
  /** Resolves when the execution has closed (or at once when it already has). */
  waitForClose(executionArn: string, timeoutMs?: number): Promise<ExecutionRow | undefined>;
  /**
   * Purges closed executions past their function's RetentionPeriodInDays (by the engine's clock)
   * and gives the space back; runs at start and hourly. Resolves with how many went.
   */
  applyRetention(): Promise<number>;
  /**
   * Resolves when the execution has closed, or as soon as it waits on nothing due within
   * `timeoutMs` (a callback, a long timer): then with the running execution. At the latest
   * after `timeoutMs`.
   */
  waitForAnswer(executionArn: string, timeoutMs: number): Promise<ExecutionRow | undefined>;
  /**
   * Starts a new execution of a local function from a recorded execution's operations (what
   * completed replays, the rest runs), then invokes it like any new execution.
   */
  startSeeded(start: SeededStart): Promise<ExecutionRow>;
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
  /** Who started a new execution: its first invocation is recorded as theirs. */
  noteCaller(arn: string, caller: InvocationCaller): void;
}
