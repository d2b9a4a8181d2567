import { describe, expect, it } from 'vitest';
import { EVENT_TEMPLATES } from '../../../shared/events/event-templates.ts';
import { queueArn, sqsEvent } from './sqs-event.ts';

describe('the SQS event of a batch', () => {
  const [record] = sqsEvent(
    [{ messageId: 'm-1', receiptHandle: 'r-1', body: '{"a":1}', messageAttributes: { kind: { dataType: 'String', stringValue: 'order' } }, md5OfBody: 'abc', sentMs: 1_000, firstReceiveMs: 2_000, receiveCount: 3 }],
    { arn: queueArn('orders', 'us-east-1', '000000000000'), region: 'us-east-1' },
  ).Records;

  it('has every field of the records Lambda sends, as the console template has them', () => {
    const template = EVENT_TEMPLATES.find((t) => t.id === 'sqs-batch')?.event as { Records: Record<string, unknown>[] } | undefined;
    const sample = template?.Records[0] ?? {};
    expect(Object.keys(record ?? {}).sort()).toEqual(Object.keys(sample).sort());
    expect(Object.keys(record?.attributes ?? {}).sort()).toEqual(Object.keys(sample['attributes'] as object).sort());
  });

  it('carries the delivery figures as strings and the attributes in the record shape', () => {
    expect(record).toMatchObject({
      messageId: 'm-1',
      receiptHandle: 'r-1',
      body: '{"a":1}',
      attributes: { ApproximateReceiveCount: '3', SentTimestamp: '1000', ApproximateFirstReceiveTimestamp: '2000' },
      messageAttributes: { kind: { stringValue: 'order', stringListValues: [], binaryListValues: [], dataType: 'String' } },
      md5OfBody: 'abc',
      eventSource: 'aws:sqs',
      eventSourceARN: 'arn:aws:sqs:us-east-1:000000000000:orders-queue',
      awsRegion: 'us-east-1',
    });
  });
});
