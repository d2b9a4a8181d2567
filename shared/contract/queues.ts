import { z } from 'zod';
import { FunctionName } from '../workspace/function-config.ts';
import { method } from './define.ts';

/** An SQS message attribute as it is sent (`String`, `Number` or `Binary`, optionally with a `.custom` suffix). */
export const MessageAttribute = z
  .object({
    dataType: z.string().regex(/^(String|Number|Binary)(\.[A-Za-z0-9_.-]+)?$/, 'is String, Number or Binary, optionally with a .custom suffix'),
    stringValue: z.string().optional(),
    /** Base64. */
    binaryValue: z.string().optional(),
  })
  .strict()
  .refine((a) => (a.stringValue === undefined) !== (a.binaryValue === undefined), 'needs a stringValue or a binaryValue, not both');
export type MessageAttribute = z.infer<typeof MessageAttribute>;

export const MessageAttributes = z.record(z.string().regex(/^[A-Za-z0-9_.-]{1,256}$/, 'letters, digits, _ - and . only'), MessageAttribute);
export type MessageAttributes = z.infer<typeof MessageAttributes>;

/** SQS's limit on one message's body. */
export const MAX_MESSAGE_BYTES = 262_144;

export const OutgoingMessage = z
  .object({
    body: z.string().min(1, 'is empty (SQS takes no empty message)').refine((body) => new TextEncoder().encode(body).length <= MAX_MESSAGE_BYTES, 'is over 256 KiB, the limit of SQS'),
    messageAttributes: MessageAttributes.optional(),
  })
  .strict();

export const QueueCounts = z.object({
  /** Waiting to be received. */
  visible: z.number(),
  /** Received and neither deleted nor back yet (their visibility timeout runs). */
  inFlight: z.number(),
  deadLetter: z.number(),
});
export type QueueCounts = z.infer<typeof QueueCounts>;

export const QueueMessage = z.object({
  messageId: z.string(),
  body: z.string(),
  sentMs: z.number(),
  receiveCount: z.number(),
  state: z.enum(['visible', 'inFlight', 'deadLetter']),
  /** For a message in flight: when it comes back unless its batch succeeds. */
  visibleAtMs: z.number().optional(),
  /** Why its last delivery failed: the function's error, or its batch item failure. */
  lastError: z.string().optional(),
});
export type QueueMessage = z.infer<typeof QueueMessage>;

export const QueueStatus = z.object({
  /** The queue's ARN as records name it (`eventSourceARN`). */
  arn: z.string(),
  /** False when the function has no queue, or it is off (messages wait). */
  delivering: z.boolean(),
  /** Why a queue that is on delivers nothing for now: the function cannot be read or built (its messages wait, unreceived). */
  blocked: z.string().optional(),
  counts: QueueCounts,
  /** Oldest first; at most the first 500. */
  messages: z.array(QueueMessage),
});
export type QueueStatus = z.infer<typeof QueueStatus>;

const ByFunction = z.object({ functionName: FunctionName }).strict();

export const queuesMethods = {
  'queues.status': method(ByFunction, QueueStatus),
  'queues.send': method(
    z.object({ functionName: FunctionName, messages: z.array(OutgoingMessage).min(1, 'send at least one message').max(1_000, 'at most 1,000 messages at once') }).strict(),
    z.object({ messageIds: z.array(z.string()) }),
  ),
  /** Moves dead letters (all, or those named) back onto the queue as new messages. */
  'queues.redrive': method(z.object({ functionName: FunctionName, messageIds: z.array(z.string()).optional() }).strict(), z.object({ moved: z.number() })),
  /** Deletes the queue's waiting and in-flight messages, or its dead letters. */
  'queues.purge': method(z.object({ functionName: FunctionName, which: z.enum(['queue', 'deadLetter']) }).strict(), z.object({ deleted: z.number() })),
};

/** A queue's messages or counts changed (a send, a batch, a redrive; or another process's send). */
export const QueueChanged = z.object({ functionName: z.string() });
export type QueueChanged = z.infer<typeof QueueChanged>;
