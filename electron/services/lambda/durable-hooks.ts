import type { InvocationCaller } from '../../../shared/contract/invocations.ts';
import type { ApiRequest, ApiResponse, ApiRoute } from './api-types.ts';

/** What one run of a handler in a sandbox produced, before any durable interpretation. */
export interface SandboxOutcome {
  /** The handler's response payload (JSON text), or the error document on failure. */
  payload: Buffer;
  /** Set when the handler failed: `Unhandled`, or Lambda's runtime error type such as `Runtime.ExitError`. */
  functionError?: string;
  /** The version that ran (`$LATEST` or a number). */
  executedVersion: string;
  requestId: string;
}

/** Runs a function's handler once, in a sandbox, with a raw payload. The durable engine uses it to (re-)invoke. */
export interface SandboxInvoker {
  invokeSandbox(request: {
    functionName: string;
    /** Version or alias; `$LATEST` when absent. */
    qualifier?: string;
    payload: Buffer;
    /** Extra sandbox environment for this invocation (e.g. a trace id); optional. */
    traceId?: string;
    /** The durable execution this invocation serves, and which of its invocations it is: published with the invocation so its logs can be told apart. */
    durableExecutionArn?: string;
    invocationNo?: number;
    /** Who asked for it; the durable engine by default. */
    caller?: InvocationCaller;
  }): Promise<SandboxOutcome>;
  /** Whether the function (at that qualifier) has durable execution enabled, and its durable config. */
  durableConfigOf(functionName: string, qualifier?: string): Promise<{ executionTimeout: number; retentionPeriodInDays: number } | null>;
  /** The version (`$LATEST` or a number) a qualifier resolves to now: an alias gives the version it points at. */
  versionOf(functionName: string, qualifier?: string): Promise<string>;
}

/** The function an Invoke of a durable function names, as the Invoke route resolved it. */
export interface DurableInvokeTarget {
  functionName: string;
  /** What the caller named: `$LATEST`, a version or an alias. */
  qualifier: string;
  functionArn: string;
  /** The version the qualifier points at now (an alias pins its execution to it); defaults to the qualifier when that is a version. */
  version?: string;
  /** Who asked: the execution's first invocation is recorded as theirs. */
  caller?: InvocationCaller;
}

/**
 * How the Lambda API hands durable work to the durable engine. The Invoke route calls
 * `invokeDurable` instead of running the sandbox when the function is durable; the engine's
 * own APIs (checkpoint, state, executions, callbacks) are mounted from `routes`.
 */
export interface DurableHooks {
  routes: ApiRoute[];
  invokeDurable(request: ApiRequest, target: DurableInvokeTarget): Promise<ApiResponse>;
}
