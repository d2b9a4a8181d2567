import { z } from 'zod';
import { FunctionName } from '../workspace/function-config.ts';
import { Done, method, NoInput } from './define.ts';
import { InvocationRetry } from './executions.ts';

/** Lambda's test event names: what the console allows, which keeps them safe as file names. */
export const TestEventName = z
  .string()
  .min(1, 'a name is required')
  .max(64, 'at most 64 characters')
  .regex(/^[A-Za-z0-9_.-]+$/, 'letters, digits, ., - and _ only');

/** A saved test event: `events/<function>/<name>.json` in the workspace. */
export const TestEvent = z.object({
  name: TestEventName,
  /** The JSON text as saved, formatting kept. */
  payload: z.string(),
});
export type TestEvent = z.infer<typeof TestEvent>;

/** The figures of Lambda's REPORT line. */
export const InvokeReport = z.object({
  durationMs: z.number(),
  billedDurationMs: z.number(),
  memorySizeMb: z.number(),
  maxMemoryUsedMb: z.number(),
  /** Present on a cold start only. */
  initDurationMs: z.number().optional(),
});
export type InvokeReport = z.infer<typeof InvokeReport>;

export const InvokeResult = z.object({
  requestId: z.string(),
  statusCode: z.number(),
  /** `Unhandled` or a runtime error type when the handler failed. */
  functionError: z.string().optional(),
  /** The response payload (or error document) as text. */
  payload: z.string(),
  executedVersion: z.string().optional(),
  /** The invocation's log lines, START to REPORT. */
  logs: z.array(z.string()),
  report: InvokeReport.optional(),
  /** Set when the function is durable: the execution this invoke started or joined. */
  durableExecutionArn: z.string().optional(),
  /** A durable execution still running because its invocations fail and the engine retries them. */
  invocationRetry: InvocationRetry.optional(),
});
export type InvokeResult = z.infer<typeof InvokeResult>;

/** Where the local Lambda service listens, and how outside tools reach it. */
export const LambdaEndpointInfo = z.object({
  endpoint: z.string(),
  region: z.string(),
  accessKeyId: z.string(),
  secretAccessKey: z.string(),
});
export type LambdaEndpointInfo = z.infer<typeof LambdaEndpointInfo>;

export const invokeMethods = {
  'lambda.endpoint': method(NoInput, LambdaEndpointInfo),
  'invoke.run': method(
    z
      .object({
        functionName: FunctionName,
        /** JSON text; checked before anything runs so a typo never reaches the handler. */
        payload: z.string(),
        qualifier: z.string().optional(),
        /**
         * `local` (default) or an AWS target's id. On AWS the deployed function of the same name is
         * invoked, through alias `live` unless `qualifier` says otherwise (durable functions need a
         * qualified name there).
         */
        target: z.string().min(1).max(64).optional(),
      })
      .strict(),
    InvokeResult,
  ),
  'testEvents.list': method(z.object({ functionName: FunctionName }).strict(), z.array(TestEvent)),
  'testEvents.save': method(z.object({ functionName: FunctionName, event: TestEvent }).strict(), Done),
  'testEvents.delete': method(z.object({ functionName: FunctionName, name: TestEventName }).strict(), Done),
};

/** A log line written by an invocation, streamed while it runs. */
export const InvokeLog = z.object({
  functionName: z.string(),
  requestId: z.string(),
  line: z.string(),
  /** ISO time the line was written. */
  timestamp: z.string(),
});
export type InvokeLog = z.infer<typeof InvokeLog>;
