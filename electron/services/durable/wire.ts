import { z } from 'zod';

/**
 * The durable-execution wire shapes as Lambda defines them (the model's names, lengths
 * and patterns), validated at the edge so the engine only ever sees well-formed updates.
 */

/** Lambda's OperationType values. */
export const OPERATION_TYPES = ['EXECUTION', 'CONTEXT', 'STEP', 'WAIT', 'CALLBACK', 'CHAINED_INVOKE'] as const;
/** One of Lambda's OperationType values. */
export type OperationType = (typeof OPERATION_TYPES)[number];
/** Lambda's OperationAction values. */
export const OPERATION_ACTIONS = ['START', 'SUCCEED', 'FAIL', 'RETRY', 'CANCEL'] as const;
/** One of Lambda's OperationAction values. */
export type OperationAction = (typeof OPERATION_ACTIONS)[number];
/** Lambda's OperationStatus values. */
export type OperationStatus = 'STARTED' | 'PENDING' | 'READY' | 'SUCCEEDED' | 'FAILED' | 'CANCELLED' | 'TIMED_OUT' | 'STOPPED';
/** Lambda's ExecutionStatus values. */
export type ExecutionStatus = 'RUNNING' | 'SUCCEEDED' | 'FAILED' | 'TIMED_OUT' | 'STOPPED';

/** The largest `Payload` of one update (Lambda's model: 6 291 456 characters). */
export const MAX_UPDATE_PAYLOAD = 6_291_456;
/** The largest serialized error object of one update. */
export const MAX_ERROR_BYTES = 32 * 1024;
/** Lambda's limit for a callback result sent by a client. */
export const MAX_CALLBACK_RESULT_BYTES = 256 * 1024;

const IdString = z.string().min(1).max(64).regex(/^[a-zA-Z0-9_-]+$/, 'must be 1-64 characters of [a-zA-Z0-9-_]');

/** Lambda's ErrorObject, capped in size. */
export const ErrorObject = z
  .object({
    ErrorType: z.string().optional(),
    ErrorMessage: z.string().optional(),
    ErrorData: z.string().optional(),
    StackTrace: z.array(z.string()).optional(),
  })
  .refine((e) => JSON.stringify(e).length <= MAX_ERROR_BYTES, `error objects are limited to ${MAX_ERROR_BYTES} bytes`);
/** Lambda's ErrorObject. */
export type ErrorObject = z.infer<typeof ErrorObject>;

const Seconds = z.number().int().min(1).max(31_622_400);

/** One update of a CheckpointDurableExecution request. */
export const OperationUpdate = z.object({
  Id: IdString,
  ParentId: IdString.optional(),
  Name: z.string().min(1).max(256).optional(),
  Type: z.enum(OPERATION_TYPES),
  SubType: z.string().min(1).max(32).regex(/^[a-zA-Z0-9_-]+$/).optional(),
  Action: z.enum(OPERATION_ACTIONS),
  Payload: z.string().max(MAX_UPDATE_PAYLOAD).optional(),
  Error: ErrorObject.optional(),
  ContextOptions: z.object({ ReplayChildren: z.boolean().optional() }).optional(),
  StepOptions: z.object({ NextAttemptDelaySeconds: z.number().int().min(0).max(31_622_400).optional() }).optional(),
  WaitOptions: z.object({ WaitSeconds: Seconds }).optional(),
  CallbackOptions: z
    .object({
      TimeoutSeconds: z.number().int().min(0).optional(),
      HeartbeatTimeoutSeconds: z.number().int().min(0).optional(),
    })
    .optional(),
  ChainedInvokeOptions: z
    .object({ FunctionName: z.string().min(1).max(256), TenantId: z.string().optional() })
    .optional(),
});
/** One validated checkpoint update. */
export type OperationUpdate = z.infer<typeof OperationUpdate>;

/** The CheckpointDurableExecution request body. */
export const CheckpointBody = z.object({
  CheckpointToken: z.string().min(1).max(2048),
  Updates: z.array(OperationUpdate).max(250).optional(),
  ClientToken: z.string().min(1).max(64).optional(),
});
/** A validated CheckpointDurableExecution body. */
export type CheckpointBody = z.infer<typeof CheckpointBody>;

/**
 * An operation as the engine keeps it: Lambda's `Operation` member names, with every
 * timestamp in epoch milliseconds (converted on the way out: seconds for API responses,
 * milliseconds inside the invocation event).
 */
export interface Operation {
  Id: string;
  Type: OperationType;
  Status: OperationStatus;
  StartTimestamp: number;
  EndTimestamp?: number;
  ParentId?: string;
  Name?: string;
  SubType?: string;
  ExecutionDetails?: { InputPayload?: string };
  ContextDetails?: { ReplayChildren?: boolean; Result?: string; Error?: ErrorObject };
  StepDetails?: { Attempt?: number; NextAttemptTimestamp?: number; Result?: string; Error?: ErrorObject };
  WaitDetails?: { ScheduledEndTimestamp?: number };
  CallbackDetails?: { CallbackId?: string; Result?: string; Error?: ErrorObject };
  ChainedInvokeDetails?: { Result?: string; Error?: ErrorObject };
  /** Engine-private (never sent): a callback's heartbeat timeout, to re-arm it on each heartbeat. */
  _heartbeatSeconds?: number;
  /** Engine-private (never sent): the retry delay was skipped on the virtual clock; the next StepStarted says so. */
  _retrySkipped?: boolean;
}

/** Converts an operation's timestamps with `convert` (ms → wire unit). */
export function operationOnWire(op: Operation, convert: (ms: number) => number): Record<string, unknown> {
  const out: Record<string, unknown> = structuredClone(op) as unknown as Record<string, unknown>;
  for (const key of Object.keys(out)) if (key.startsWith('_')) delete out[key];
  out['StartTimestamp'] = convert(op.StartTimestamp);
  if (op.EndTimestamp !== undefined) out['EndTimestamp'] = convert(op.EndTimestamp);
  if (op.StepDetails?.NextAttemptTimestamp !== undefined) {
    (out['StepDetails'] as Record<string, unknown>)['NextAttemptTimestamp'] = convert(op.StepDetails.NextAttemptTimestamp);
  }
  if (op.WaitDetails?.ScheduledEndTimestamp !== undefined) {
    (out['WaitDetails'] as Record<string, unknown>)['ScheduledEndTimestamp'] = convert(op.WaitDetails.ScheduledEndTimestamp);
  }
  return out;
}

/** Timestamp converter for API responses. */
export const toEpochSeconds = (ms: number): number => ms / 1000;
/** Timestamp converter for the invocation event. */
export const toEpochMillis = (ms: number): number => ms;

/** What a durable handler returns to the service at the end of one invocation. */
export const InvocationOutput = z.object({
  Status: z.enum(['SUCCEEDED', 'FAILED', 'PENDING']),
  Result: z.string().optional(),
  Error: ErrorObject.optional(),
});
/** A validated handler result. */
export type InvocationOutput = z.infer<typeof InvocationOutput>;
