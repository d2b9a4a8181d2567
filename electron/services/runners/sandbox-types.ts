import type { Readable } from 'node:stream';
import type { Runner, Runtime } from '../../../shared/workspace/function-config.ts';
import type { RuntimeInvocation } from '../runtime/runtime-api-server.ts';

/**
 * What a sandbox needs of one function version. The Lambda layer's FunctionVersion carries
 * all of it (and more), so it is passed as it is; the runners never import the Lambda layer.
 */
export interface SandboxFunction {
  functionName: string;
  /** `$LATEST` or a published number. */
  version: string;
  runtime: Runtime;
  handler: string;
  memorySize: number;
  timeout: number;
  environment: Record<string, string>;
  /** Present when the function is durable: its sandbox then talks to the local Lambda API. */
  durable?: unknown;
  /** Where its sandboxes run; unset means the service's default. */
  runner?: Runner;
  /** The container image to run (docker runner), instead of the runtime's default. */
  image?: string;
  /** The folder mounted as the task root (`LAMBDA_TASK_ROOT`). */
  codeDir: string;
  /** Changes on every update; keys the warm sandboxes, so old code never serves a new request. */
  revisionId: string;
}

/** How to start one sandbox process, given its Runtime API address. */
export interface SandboxCommand {
  command: string;
  args: string[];
  env: Record<string, string>;
  cwd: string;
}

/** One log record of an invocation, as streamed to listeners (the UI's live log). */
export interface SandboxLogLine {
  functionName: string;
  requestId: string;
  line: string;
  /** ISO time the host read the line. */
  timestamp: string;
}

/** What one invocation in a sandbox produced. */
export interface InvocationResult {
  requestId: string;
  /** The response, or Lambda's error document when the invocation failed. */
  payload: Buffer;
  /** Set when it failed: the handler's error type, or Lambda's (`Sandbox.Timedout`, `Runtime.ExitError`, ...). */
  errorType?: string;
  /** True when the failure came from the runtime or host rather than from the handler's own error. */
  runtimeFailure: boolean;
  /** Every log record from START to REPORT. */
  logs: string[];
  durationMs: number;
  billedDurationMs: number;
  /** Present on a cold start. */
  initDurationMs?: number;
  maxMemoryUsedMb: number;
}

/** The invocation as the pool hands it to a sandbox (the deadline is set when it is dispatched). */
export type SandboxInvocation = Omit<RuntimeInvocation, 'deadlineMs'>;

/** The runtime's answer, before the host has written END and REPORT. */
export interface InvocationAnswer {
  requestId: string;
  payload: Buffer;
  errorType?: string;
}

/**
 * Called as soon as the runtime has answered, as Lambda answers its caller before it logs the
 * invocation's END and REPORT. Not called when the host itself ends the invocation (timeout,
 * crash, init failure): those answers come with the result.
 */
export type AnswerListener = (answer: InvocationAnswer) => void;

/** A running sandbox: one process serving one invocation at a time. */
export interface Sandbox {
  readonly id: string;
  /** False once the process exited or was killed; a dead sandbox is never reused. */
  readonly alive: boolean;
  invoke(invocation: SandboxInvocation, onAnswer?: AnswerListener): Promise<InvocationResult>;
  kill(): void;
}

/** How a sandbox's program ended. */
export interface SandboxExit {
  code: number | null;
  signal: NodeJS.Signals | null;
  /** Set when the engine running it reports that its memory limit killed it (a container's cgroup). */
  outOfMemory?: boolean;
}

/**
 * The program behind a sandbox, wherever it runs (a child process, a container): its output,
 * its end, and a way to stop it. The sandbox logic (init, timeout, failures) is the same for all.
 */
export interface SandboxChild {
  stdout: Readable | null;
  stderr: Readable | null;
  /** A host process id whose `/proc` memory figures stand for the program, when there is one. */
  memoryPid(): number | undefined;
  /** Resolves once the program is gone; `startError` is set when it never started. */
  exited: Promise<SandboxExit & { startError?: string }>;
  /** Stops it at once (SIGKILL or the engine's equivalent), frozen or not; safe to call more than once. */
  kill(): void;
  /**
   * Pauses the whole program, every process of it, as Lambda freezes an execution environment
   * between invocations; nothing it left running moves until `thaw`. Rejects when it cannot.
   */
  freeze(): Promise<void>;
  /** Resumes a program `freeze` paused. Rejects when it cannot (the program is gone). */
  thaw(): Promise<void>;
  /**
   * Resolves once output written before now has likely arrived. A container's output travels
   * through the engine, a path that can lag behind its HTTP answer to the Runtime API; a child
   * process's pipes need no more than the default (a few turns of the event loop).
   */
  settleOutput?(options: { quietMs: number; maxMs: number }): Promise<void>;
}
