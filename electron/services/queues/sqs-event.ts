import type { MessageAttributes } from '../../../shared/contract/queues.ts';
import type { ReceivedMessage } from './queue-store.ts';

/** A message attribute as a Lambda SQS record carries it. */
export interface SqsRecordAttribute {
  stringValue?: string;
  binaryValue?: string;
  stringListValues: string[];
  binaryListValues: string[];
  dataType: string;
}

/** One record of the SQS event, as an SQS event source mapping sends it. */
export interface SqsRecord {
  messageId: string;
  receiptHandle: string;
  body: string;
  attributes: {
    ApproximateReceiveCount: string;
    SentTimestamp: string;
    SenderId: string;
    ApproximateFirstReceiveTimestamp: string;
  };
  messageAttributes: Record<string, SqsRecordAttribute>;
  md5OfBody: string;
  eventSource: 'aws:sqs';
  eventSourceARN: string;
  awsRegion: string;
}

export interface SqsEvent {
  Records: SqsRecord[];
}

/** The queue a function's trigger stands for, named as the studio would deploy it. */
export function queueArn(functionName: string, region: string, account: string): string {
  return `arn:aws:sqs:${region}:${account}:${functionName}-queue`;
}

/** Who sent the studio's messages: the local account's root, as SQS writes a sender. */
const SENDER_ID = 'AIDASTUDIOLOCALSENDER';

function recordAttributes(attributes: MessageAttributes): Record<string, SqsRecordAttribute> {
  return Object.fromEntries(
    Object.entries(attributes).map(([name, a]) => [
      name,
      {
        ...(a.stringValue === undefined ? {} : { stringValue: a.stringValue }),
        ...(a.binaryValue === undefined ? {} : { binaryValue: a.binaryValue }),
        stringListValues: [],
        binaryListValues: [],
        dataType: a.dataType,
      },
    ]),
  );
}

/** The SQS event for a batch of received messages. */
export function sqsEvent(messages: ReceivedMessage[], where: { arn: string; region: string }): SqsEvent {
  return {
    Records: messages.map((m) => ({
      messageId: m.messageId,
      receiptHandle: m.receiptHandle,
      body: m.body,
      attributes: {
        ApproximateReceiveCount: String(m.receiveCount),
        SentTimestamp: String(m.sentMs),
        SenderId: SENDER_ID,
        ApproximateFirstReceiveTimestamp: String(m.firstReceiveMs),
      },
      messageAttributes: recordAttributes(m.messageAttributes),
      md5OfBody: m.md5OfBody,
      eventSource: 'aws:sqs',
      eventSourceARN: where.arn,
      awsRegion: where.region,
    })),
  };
}
