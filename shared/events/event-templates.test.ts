import { describe, expect, it } from 'vitest';
import { TestEventName } from '../contract/invoke.ts';
import { EVENT_TEMPLATES, templateText } from './event-templates.ts';

const byId = (id: string) => {
  const found = EVENT_TEMPLATES.find((t) => t.id === id);
  if (found === undefined) throw new Error(`no template ${id}`);
  return found.event as Record<string, unknown> & { Records?: Record<string, unknown>[] };
};

describe('event templates', () => {
  it('offers each source the issue names, with ids usable as test event names', () => {
    const ids = EVENT_TEMPLATES.map((t) => t.id);
    expect(ids).toEqual(['apigateway-http-api', 'apigateway-rest-api', 'function-url', 'sqs-batch', 'sns-notification', 'eventbridge-scheduled', 'eventbridge-custom', 's3-put', 'dynamodb-stream', 'kinesis-stream']);
    for (const id of ids) expect(TestEventName.safeParse(id).success, id).toBe(true);
    expect(new Set(ids).size).toBe(ids.length);
  });

  it('round-trips each event through its JSON text', () => {
    for (const template of EVENT_TEMPLATES) expect(JSON.parse(templateText(template))).toEqual(template.event);
  });

  it('shapes the HTTP events as their payload versions say', () => {
    expect(byId('apigateway-http-api')).toMatchObject({ version: '2.0', requestContext: { http: { method: 'POST' } }, isBase64Encoded: false });
    expect(byId('apigateway-rest-api')).toMatchObject({ httpMethod: 'POST', multiValueQueryStringParameters: { expand: ['items', 'customer'] }, requestContext: { stage: 'prod' } });
    expect(byId('function-url')).toMatchObject({ version: '2.0', routeKey: '$default', requestContext: { stage: '$default', routeKey: '$default' } });
  });

  it('gives each record-based event its service name in eventSource', () => {
    const source = (id: string, field = 'eventSource') => byId(id).Records?.map((r) => r[field]);
    expect(source('sqs-batch')).toEqual(['aws:sqs', 'aws:sqs']);
    expect(source('sns-notification', 'EventSource')).toEqual(['aws:sns']);
    expect(source('s3-put')).toEqual(['aws:s3']);
    expect(source('dynamodb-stream')).toEqual(['aws:dynamodb', 'aws:dynamodb']);
    expect(source('kinesis-stream')).toEqual(['aws:kinesis']);
  });

  it('base64-encodes Kinesis data as Kinesis does', () => {
    const record = byId('kinesis-stream').Records?.[0] as { kinesis: { data: string } };
    expect(JSON.parse(Buffer.from(record.kinesis.data, 'base64').toString('utf8'))).toEqual({ orderId: '42', event: 'PLACED' });
  });

  it('marks EventBridge events with their detail-type', () => {
    expect(byId('eventbridge-scheduled')).toMatchObject({ 'detail-type': 'Scheduled Event', source: 'aws.events' });
    expect(byId('eventbridge-custom')['detail-type']).toBe('OrderPlaced');
  });
});
