import type { RuntimeInvocation } from '../runtime/runtime-api-server.ts';

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

/** A running sandbox: one process serving one invocation at a time. */
export interface Sandbox {
  readonly id: string;
  /** False once the process exited or was killed; a dead sandbox is never reused. */
  readonly alive: boolean;
  invoke(invocation: SandboxInvocation): Promise<InvocationResult>;
  kill(): void;
}
