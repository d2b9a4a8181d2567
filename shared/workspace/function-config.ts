import { z } from 'zod';
import { CatchRule, ReturnRule } from '../rules/response-rules.ts';
import { parseSchedule } from '../schedules/schedule-expression.ts';
import { celSyntaxError } from '../workflow/cel.ts';
import { UrlCors } from './url-cors.ts';

/** Runtimes a function can name; the identifiers are Lambda's own. */
export const Runtime = z.enum(['nodejs22.x', 'nodejs24.x', 'nodejs20.x', 'python3.13', 'python3.12']);
export type Runtime = z.infer<typeof Runtime>;

/** Where a function's sandboxes run locally. */
export const Runner = z.enum(['process', 'docker']);
export type Runner = z.infer<typeof Runner>;

/** Lambda's environment variable key rule: a letter, then letters, digits and underscores. */
const EnvKey = z
  .string()
  .regex(/^[A-Za-z][A-Za-z0-9_]*$/, 'must start with a letter and hold only letters, digits and _');

/** Durable execution settings, mirroring Lambda's `DurableConfig`. */
export const DurableSettings = z
  .object({
    enabled: z.boolean(),
    /** Seconds an execution may run in all, across every invocation (Lambda: 1 s to 1 year). */
    executionTimeout: z.number().int().min(1).max(31_622_400).default(86_400),
    /** Days a finished execution's history is kept (Lambda: 1 to 90). */
    retentionPeriodInDays: z.number().int().min(1).max(90).default(14),
  })
  .strict();
export type DurableSettings = z.infer<typeof DurableSettings>;

/** A CEL expression of a trigger's rule, checked when function.json is read (a rule that does not parse is reported at its place). */
const RuleCel = z
  .string()
  .max(10_000)
  .superRefine((source, ctx) => {
    const error = celSyntaxError(source);
    if (error !== undefined) ctx.addIssue({ code: 'custom', message: `does not parse as CEL: ${error}` });
  });

/**
 * Response shaping, as the canvas's Lambda block has it: `returns` rules over `{event, context,
 * result}` reshape the function's result; `catches` rules over `{event, context, error}` turn an
 * error of their type into a result; an error no rule catches stays a failed invocation.
 */
const ResponseRules = {
  returns: z.array(ReturnRule.extend({ when: RuleCel.optional(), body: RuleCel })).optional(),
  catches: z.array(CatchRule.extend({ when: RuleCel.optional(), body: RuleCel })).optional(),
};

/**
 * The function's local HTTP endpoint, like a Lambda function URL with auth type NONE: the studio
 * serves it on loopback at `/<function>/…` while `enabled` is true.
 */
export const HttpTrigger = z
  .object({
    enabled: z.boolean(),
    /**
     * For a durable function: `RequestResponse` waits for the execution's result (up to
     * `maxWaitSeconds`, then answers 202 with its ARN), `Event` answers 202 with the ARN at once.
     */
    invocationType: z.enum(['RequestResponse', 'Event']).default('RequestResponse'),
    /** Seconds a `RequestResponse` request waits for a durable execution to end (1 to 900, as a function URL's own limit). */
    maxWaitSeconds: z.number().int().min(1).max(900).default(30),
    /** Cross-origin settings, as a function URL's `Cors`; without them the URL sends no CORS headers and a preflight reaches the function. */
    cors: UrlCors.optional(),
    ...ResponseRules,
  })
  .strict();
export type HttpTrigger = z.infer<typeof HttpTrigger>;

/** An EventBridge-style schedule: the function runs with the scheduled event while the studio runs. */
export const ScheduleTrigger = z
  .object({
    enabled: z.boolean(),
    /** `rate(5 minutes)` or `cron(0 12 * * ? *)`, in UTC, as EventBridge takes them. */
    expression: z.string().superRefine((text, ctx) => {
      const parsed = parseSchedule(text);
      if (!parsed.ok) ctx.addIssue({ code: 'custom', message: parsed.error });
    }),
  })
  .strict();
export type ScheduleTrigger = z.infer<typeof ScheduleTrigger>;

/**
 * A local SQS-style queue feeding the function, as an SQS event source mapping does: the studio
 * polls it, invokes the function with batches of messages (the SQS event), deletes what succeeded,
 * and lets what failed come back after the visibility timeout.
 */
export const QueueTrigger = z
  .object({
    /** Off keeps the queue and its messages, and stops delivering them (as a disabled mapping). */
    enabled: z.boolean(),
    /** Messages per invocation at most (Lambda: 1 to 10,000; above 10 it needs a batching window on AWS). */
    batchSize: z.number().int().min(1).max(10_000).default(10),
    /** Seconds to gather a fuller batch before invoking with what there is (Lambda: 0 to 300). */
    batchWindowSeconds: z.number().int().min(0).max(300).default(0),
    /** Seconds a received message stays hidden before it can be received again (SQS: 0 to 12 hours). */
    visibilityTimeoutSeconds: z.number().int().min(0).max(43_200).default(30),
    /** Receives after which a message that still failed goes to the dead-letter list (SQS's redrive policy: 1 to 1,000). */
    maxReceiveCount: z.number().int().min(1).max(1_000).default(3),
    /** A dead-letter list; without one, a failing message comes back after every visibility timeout until deleted. */
    deadLetter: z.boolean().default(true),
    /**
     * Honour a `batchItemFailures` answer (ReportBatchItemFailures on the mapping): only the items
     * it names come back. Off, any answer counts as success for the whole batch, as on AWS.
     */
    reportBatchItemFailures: z.boolean().default(true),
  })
  .strict();
export type QueueTrigger = z.infer<typeof QueueTrigger>;

/** Direct invokes from the studio (the Invoke panel, `cli invoke`); the Lambda API's Invoke stays as on AWS. */
export const InvokeTrigger = z.object(ResponseRules).strict();
export type InvokeTrigger = z.infer<typeof InvokeTrigger>;

/** What, besides a direct invoke, runs the function. */
export const Triggers = z
  .object({
    http: HttpTrigger.optional(),
    schedule: ScheduleTrigger.optional(),
    queue: QueueTrigger.optional(),
    invoke: InvokeTrigger.optional(),
  })
  .strict();
export type Triggers = z.infer<typeof Triggers>;

/**
 * `functions/<name>/function.json`: what Lambda needs to run the function, in the
 * workspace's own readable shape.
 */
export const FunctionConfig = z
  .object({
    description: z.string().max(256).optional(),
    runtime: Runtime,
    /** `file.export`, as in Lambda: `index.handler` runs the `handler` export of `index.ts|js|mjs|py`. */
    handler: z.string().regex(/^[A-Za-z0-9_./-]+\.[A-Za-z_$][A-Za-z0-9_$]*$/, 'must look like file.export, e.g. index.handler'),
    /** MB, as Lambda allows. */
    memorySize: z.number().int().min(128).max(10_240).default(128),
    /** Seconds per invocation, as Lambda allows. */
    timeout: z.number().int().min(1).max(900).default(3),
    environment: z.record(EnvKey, z.string()).default({}),
    durable: DurableSettings.optional(),
    runner: Runner.default('process'),
    /** A container image to run instead of the runtime's default (docker runner only). */
    image: z.string().min(1).optional(),
    triggers: Triggers.optional(),
  })
  .strict();
export type FunctionConfig = z.infer<typeof FunctionConfig>;

/** Function names follow Lambda's rule, which also keeps them safe as folder names. */
export const FunctionName = z
  .string()
  .min(1, 'a name is required')
  .max(64, 'at most 64 characters')
  .regex(/^[A-Za-z0-9_-]+$/, 'letters, digits, - and _ only');
