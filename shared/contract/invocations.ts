import { z } from 'zod';
import { FunctionName } from '../workspace/function-config.ts';
import { method } from './define.ts';

/**
 * Who asked for an invocation, read from the request: `panel` (the studio's own Invoke, marked
 * by the studio), `cli` (the AWS CLI's user agent), `sdk` (an AWS SDK's), `api` (anything else
 * signed for the local endpoint), `durable` (the durable engine re-invoking an execution after a
 * timer, a callback or a failed invocation, or a chained invoke), `schedule` (the function's
 * schedule), `url` (a request to its HTTP endpoint), `queue` (a batch from its queue).
 */
export const InvocationCaller = z.enum(['panel', 'cli', 'sdk', 'api', 'durable', 'schedule', 'url', 'queue']);
export type InvocationCaller = z.infer<typeof InvocationCaller>;

export const InvocationStatus = z.enum(['running', 'succeeded', 'failed']);
export type InvocationStatus = z.infer<typeof InvocationStatus>;

/** One run of a function's handler in a sandbox, whoever asked for it. */
export const InvocationSummary = z.object({
  requestId: z.string(),
  functionName: z.string(),
  /** The version that ran (`$LATEST` or a number). */
  version: z.string(),
  caller: InvocationCaller,
  status: InvocationStatus,
  /** Epoch milliseconds. */
  startMs: z.number(),
  endMs: z.number().optional(),
  durationMs: z.number().optional(),
  billedDurationMs: z.number().optional(),
  maxMemoryUsedMb: z.number().optional(),
  initDurationMs: z.number().optional(),
  /** The handler's or the runtime's error type when it failed. */
  errorType: z.string().optional(),
  /** The durable execution this invocation served, and which of its invocations it was (1 = the first). */
  durableExecutionArn: z.string().optional(),
  invocationNo: z.number().optional(),
  /** What a durable handler answered: PENDING (suspended, to be resumed), SUCCEEDED or FAILED. */
  durableStatus: z.string().optional(),
  lineCount: z.number(),
});
export type InvocationSummary = z.infer<typeof InvocationSummary>;

/** One line an invocation wrote, START to REPORT. */
export const InvocationLine = z.object({
  /** ISO time the host read the line. */
  timestamp: z.string(),
  line: z.string(),
});
export type InvocationLine = z.infer<typeof InvocationLine>;

export const InvocationWithLines = InvocationSummary.extend({ lines: z.array(InvocationLine) });
export type InvocationWithLines = z.infer<typeof InvocationWithLines>;

export const invocationsMethods = {
  /** The function's kept invocations (the most recent ones, see README), newest first, from every caller. */
  'invocations.list': method(z.object({ functionName: FunctionName }).strict(), z.array(InvocationSummary)),
  /** One invocation with its lines. */
  'invocations.get': method(z.object({ requestId: z.string().min(1, 'a request id is required') }).strict(), InvocationWithLines),
  /** Every kept invocation of a local durable execution, oldest first, each with its own lines. */
  'executions.invocations': method(z.object({ arn: z.string().min(1, 'an execution ARN is required') }).strict(), z.array(InvocationWithLines)),
};
