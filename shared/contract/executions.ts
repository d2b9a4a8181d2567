import { z } from 'zod';
import { Done, method } from './define.ts';

/**
 * The execution viewer's methods. They carry the Lambda API's own JSON (field names, epoch-second
 * timestamps) so the same views read the local service, AWS, and exported history files alike.
 */

export const ExecutionStatus = z.enum(['RUNNING', 'SUCCEEDED', 'FAILED', 'TIMED_OUT', 'STOPPED']);
export type ExecutionStatus = z.infer<typeof ExecutionStatus>;

/** Lambda's `ErrorObject`. */
export const ErrorObject = z.object({
  ErrorType: z.string().optional(),
  ErrorMessage: z.string().optional(),
  ErrorData: z.string().optional(),
  StackTrace: z.array(z.string()).optional(),
});
export type ErrorObject = z.infer<typeof ErrorObject>;

/** One row of ListDurableExecutionsByFunction, with the function's name added for lists across functions. */
export const ExecutionSummary = z.object({
  DurableExecutionArn: z.string(),
  DurableExecutionName: z.string(),
  FunctionArn: z.string(),
  FunctionName: z.string(),
  Status: ExecutionStatus,
  /** Epoch seconds, as the API sends them. */
  StartTimestamp: z.number(),
  EndTimestamp: z.number().optional(),
  /** Set when the function is no longer there (deleted or renamed); its executions stay listed. */
  FunctionDeleted: z.boolean().optional(),
});
export type ExecutionSummary = z.infer<typeof ExecutionSummary>;

/** GetDurableExecution's response. Members the viewer does not use pass through untouched. */
export const ExecutionDetail = z.looseObject({
  DurableExecutionArn: z.string(),
  DurableExecutionName: z.string(),
  FunctionArn: z.string(),
  Status: ExecutionStatus,
  StartTimestamp: z.number(),
  EndTimestamp: z.number().optional(),
  Version: z.string().optional(),
  InputPayload: z.string().optional(),
  Result: z.string().optional(),
  Error: ErrorObject.optional(),
});
export type ExecutionDetail = z.infer<typeof ExecutionDetail>;

/**
 * One GetDurableExecutionHistory event: `EventType`, `EventTimestamp` (epoch seconds), `Id`,
 * `Name`, `SubType`, `ParentId` and exactly one `<EventType>Details` member. Kept loose so an
 * event type this studio does not know yet still shows in the raw table.
 */
export const HistoryEvent = z.looseObject({
  EventType: z.string(),
  EventId: z.number().optional(),
  EventTimestamp: z.union([z.number(), z.string()]),
  Id: z.string().optional(),
  Name: z.string().optional(),
  SubType: z.string().optional(),
  ParentId: z.string().optional(),
});
export type HistoryEvent = z.infer<typeof HistoryEvent>;

/** A line the durable SDK's logger wrote (`context.logger`, a step's `logger`), tied to its execution and operation. */
export const ExecutionLogLine = z.object({
  /** ISO time the line was written. */
  timestamp: z.string(),
  level: z.string(),
  message: z.string(),
  requestId: z.string().optional(),
  /** Absent for lines written outside any operation. */
  operationId: z.string().optional(),
  operationName: z.string().optional(),
  attempt: z.number().optional(),
});
export type ExecutionLogLine = z.infer<typeof ExecutionLogLine>;

/** A callback some execution is waiting on: what the approvals inbox lists. */
export const PendingCallback = z.object({
  callbackId: z.string(),
  executionArn: z.string(),
  executionName: z.string(),
  functionName: z.string(),
  /** The operation's id and name (the name given to `createCallback` / `waitForCallback`). */
  operationId: z.string(),
  operationName: z.string().optional(),
  /** Epoch milliseconds. */
  startedMs: z.number(),
  /** When the callback times out, if it has a timeout (epoch milliseconds). */
  timeoutAtMs: z.number().optional(),
  heartbeatTimeoutSeconds: z.number().optional(),
  /** The last heartbeat or the start (epoch milliseconds): a heartbeat timeout counts from here. */
  lastHeartbeatMs: z.number().optional(),
  /** Names from the outermost operation in to the callback's own, e.g. a workflow's branch, then the approval. */
  stepPath: z.array(z.string()).optional(),
  /** The input the execution started with (its first 2,000 characters), so an approver sees what is asked. */
  input: z.string().optional(),
  /** What the handler logged when it asked (the submitter's lines); local target only. */
  requestLog: z.array(ExecutionLogLine).optional(),
});
export type PendingCallback = z.infer<typeof PendingCallback>;

/** The timer the virtual clock would fire next, as the engine says it. */
export const NextTimer = z.object({
  /** wait, retry, callback-timeout, callback-heartbeat, invoke-retry. */
  kind: z.string(),
  operationId: z.string(),
  operationName: z.string().optional(),
  /** When it fires on its own (epoch milliseconds). */
  dueMs: z.number(),
  /** What firing it does, e.g. "fires the callback timeout of wait-for-approval: the callback fails …". */
  description: z.string(),
  /** Firing it fails an operation, and the execution unless the handler catches that. */
  failsExecution: z.boolean(),
});
export type NextTimer = z.infer<typeof NextTimer>;

/** A running execution whose handler invocations fail while the engine retries them (local target). */
export const InvocationRetry = z.object({
  failedInvocations: z.number(),
  /** The execution fails after this many failed invocations in a row. */
  maxInvocations: z.number(),
  lastError: ErrorObject.optional(),
  /** When the next invocation is due (epoch milliseconds); absent while one runs. */
  nextAttemptMs: z.number().optional(),
});
export type InvocationRetry = z.infer<typeof InvocationRetry>;

const Arn = z.string().min(1, 'an execution ARN is required');

/**
 * Which target a call goes to: `local` (the default, so callers that predate targets keep working)
 * or an AWS target's id from `targets.list`.
 */
const OnTarget = z.string().min(1).max(64).optional();
const CallbackId = z.string().min(1, 'a callback id is required');

/** A callback failure as a person types it; sent as Lambda's ErrorObject. */
export const CallbackFailure = z
  .object({
    type: z.string().max(256).optional(),
    message: z.string().max(4096).optional(),
    /** Free text; JSON is typical. */
    data: z.string().optional(),
  })
  .strict();
export type CallbackFailure = z.infer<typeof CallbackFailure>;

export const ExecutionFilter = z
  .object({
    functionName: z.string().optional(),
    statuses: z.array(ExecutionStatus).optional(),
    /** Case-insensitive part of the execution name. */
    nameContains: z.string().optional(),
    /** Epoch milliseconds. */
    startedAfterMs: z.number().optional(),
    startedBeforeMs: z.number().optional(),
    /** At most this many items (local target); without it, every matching execution. */
    limit: z.number().int().min(1).max(1000).optional(),
    /** The previous page's `nextCursor`: the items listed after it. */
    cursor: z.string().max(64).optional(),
    /** On an AWS target only functions named here or deployed from the workspace are listed. */
    target: OnTarget,
  })
  .strict();
export type ExecutionFilter = z.infer<typeof ExecutionFilter>;

export const executionsMethods = {
  /**
   * The durable executions of the workspace's functions, newest first, with counts per status
   * before the status filter (of every match, not of the page); `nextCursor` when `limit` left more.
   */
  'executions.list': method(
    ExecutionFilter,
    z.object({ items: z.array(ExecutionSummary), counts: z.record(z.string(), z.number()), nextCursor: z.string().optional() }),
  ),
  'executions.get': method(z.object({ arn: Arn, target: OnTarget }).strict(), ExecutionDetail),
  /**
   * An execution's history events, oldest first, payloads included: all of them, or with
   * `afterEventId` only the later ones (`continued: true`) when the API can say which those are.
   */
  'executions.history': method(
    z.object({ arn: Arn, afterEventId: z.number().int().nonnegative().optional(), target: OnTarget }).strict(),
    z.object({ Events: z.array(HistoryEvent), continued: z.boolean().optional() }),
  ),
  /** Stops each running execution; those that are not running or unknown are reported, not thrown. */
  'executions.stop': method(
    z.object({ arns: z.array(Arn).min(1), target: OnTarget }).strict(),
    z.object({ stopped: z.array(z.string()), failed: z.array(z.object({ arn: z.string(), message: z.string() })) }),
  ),
  /** Starts a new execution of the same function version with the same input. */
  'executions.rerun': method(z.object({ arn: Arn }).strict(), z.object({ arn: z.string() })),
  /**
   * Runs the workspace function named like the execution's function on the local target, starting
   * from the execution's recorded operations: what completed is replayed from the record, what was
   * in flight runs again, a pending callback waits for a local answer. The record is untouched;
   * returns the new local execution. `target` names where the record lives (default: local).
   */
  'executions.debugLocally': method(z.object({ arn: Arn, target: OnTarget }).strict(), z.object({ arn: z.string() })),
  /** The history as a file: GetDurableExecutionHistory's JSON (`{"Events": [...]}`), indented. */
  'executions.exportHistory': method(z.object({ arn: Arn, target: OnTarget }).strict(), z.object({ fileName: z.string(), text: z.string() })),
  /**
   * The durable logger's lines of an execution, oldest first. The SDK leaves out lines a replay
   * would repeat, so each line appears once. Local target only; kept while the studio runs.
   */
  'executions.logs': method(z.object({ arn: Arn }).strict(), z.array(ExecutionLogLine)),
  /** On an AWS target: the callbacks of the running executions of the workspace's deployed functions. */
  'callbacks.pending': method(z.object({ target: OnTarget }).strict(), z.array(PendingCallback)),
  /** `result` is JSON text, checked before it is sent. */
  'callbacks.succeed': method(z.object({ callbackId: CallbackId, result: z.string(), target: OnTarget }).strict(), Done),
  'callbacks.fail': method(z.object({ callbackId: CallbackId, error: CallbackFailure, target: OnTarget }).strict(), Done),
  'callbacks.heartbeat': method(z.object({ callbackId: CallbackId, target: OnTarget }).strict(), Done),
  /**
   * Local target only: the timer `clock.skip` would fire, said by the engine (what it is, whether
   * firing it fails the execution), or null when none is waiting.
   */
  'clock.next': method(z.object({ arn: Arn }).strict(), z.object({ next: NextTimer.nullable() })),
  /**
   * Whether the execution's invocations are failing and the engine retries them, as it says
   * (local target; null when the last invocation did not fail, or on AWS, which does not say).
   */
  'executions.retryState': method(z.object({ arn: Arn, target: OnTarget }).strict(), z.object({ retry: InvocationRetry.nullable() })),
  /**
   * Local target only: fires the execution's earliest wait, retry delay or callback timeout now
   * (the virtual clock). Returns what was skipped, or null when nothing was waiting.
   */
  'clock.skip': method(
    z
      .object({
        arn: Arn,
        /** Fire only this timer (the one the person confirmed); another one next is refused with CONFLICT. */
        expected: z.object({ kind: z.string(), operationId: z.string() }).strict().optional(),
      })
      .strict(),
    z.object({ skipped: z.object({ kind: z.string(), operationId: z.string() }).nullable() }),
  ),
};
