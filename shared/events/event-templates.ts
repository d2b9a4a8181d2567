/**
 * Event templates for the Invoke panel, as the Lambda console offers them: the events AWS
 * services send a function, with realistic values to edit. Each is plain JSON.
 */

/** One template: what it is called and the event it starts from. */
export interface EventTemplate {
  /** Stable id; also the name a saved copy is offered under. */
  id: string;
  label: string;
  /** The service that sends it, for grouping in the picker. */
  group: 'HTTP' | 'Messaging' | 'Events' | 'Storage' | 'Streams';
  event: unknown;
}

const ACCOUNT = '123456789012';
const REGION = 'us-east-1';

const httpApiV2 = {
  version: '2.0',
  routeKey: 'POST /orders/{id}',
  rawPath: '/orders/42',
  rawQueryString: 'expand=items&expand=customer&dryRun=false',
  cookies: ['session=6f1b2c', 'theme=dark'],
  headers: {
    accept: 'application/json',
    'content-type': 'application/json',
    'content-length': '27',
    host: 'a1b2c3d4e5.execute-api.us-east-1.amazonaws.com',
    'user-agent': 'curl/8.5.0',
    'x-amzn-trace-id': 'Root=1-65f1c2d3-1a2b3c4d5e6f7a8b9c0d1e2f',
    'x-forwarded-for': '203.0.113.10',
    'x-forwarded-port': '443',
    'x-forwarded-proto': 'https',
  },
  queryStringParameters: { expand: 'items,customer', dryRun: 'false' },
  requestContext: {
    accountId: ACCOUNT,
    apiId: 'a1b2c3d4e5',
    domainName: 'a1b2c3d4e5.execute-api.us-east-1.amazonaws.com',
    domainPrefix: 'a1b2c3d4e5',
    http: { method: 'POST', path: '/orders/42', protocol: 'HTTP/1.1', sourceIp: '203.0.113.10', userAgent: 'curl/8.5.0' },
    requestId: 'JKJaXmPLvHcESHA=',
    routeKey: 'POST /orders/{id}',
    stage: '$default',
    time: '12/Mar/2024:19:03:58 +0000',
    timeEpoch: 1710270238390,
  },
  pathParameters: { id: '42' },
  body: '{"quantity":2,"sku":"A-100"}',
  isBase64Encoded: false,
};

const restApiV1 = {
  resource: '/orders/{id}',
  path: '/orders/42',
  httpMethod: 'POST',
  headers: {
    Accept: 'application/json',
    'Content-Type': 'application/json',
    Host: 'a1b2c3d4e5.execute-api.us-east-1.amazonaws.com',
    'User-Agent': 'curl/8.5.0',
    'X-Amzn-Trace-Id': 'Root=1-65f1c2d3-1a2b3c4d5e6f7a8b9c0d1e2f',
    'X-Forwarded-For': '203.0.113.10',
    'X-Forwarded-Port': '443',
    'X-Forwarded-Proto': 'https',
  },
  multiValueHeaders: {
    Accept: ['application/json'],
    'Content-Type': ['application/json'],
    Host: ['a1b2c3d4e5.execute-api.us-east-1.amazonaws.com'],
    'User-Agent': ['curl/8.5.0'],
    'X-Amzn-Trace-Id': ['Root=1-65f1c2d3-1a2b3c4d5e6f7a8b9c0d1e2f'],
    'X-Forwarded-For': ['203.0.113.10'],
    'X-Forwarded-Port': ['443'],
    'X-Forwarded-Proto': ['https'],
  },
  queryStringParameters: { expand: 'customer', dryRun: 'false' },
  multiValueQueryStringParameters: { expand: ['items', 'customer'], dryRun: ['false'] },
  pathParameters: { id: '42' },
  stageVariables: null,
  requestContext: {
    accountId: ACCOUNT,
    apiId: 'a1b2c3d4e5',
    domainName: 'a1b2c3d4e5.execute-api.us-east-1.amazonaws.com',
    domainPrefix: 'a1b2c3d4e5',
    extendedRequestId: 'JKJaXmPLvHcESHA=',
    httpMethod: 'POST',
    identity: { sourceIp: '203.0.113.10', userAgent: 'curl/8.5.0', accountId: null, caller: null, user: null, userArn: null, cognitoIdentityId: null, cognitoIdentityPoolId: null, cognitoAuthenticationType: null, cognitoAuthenticationProvider: null },
    path: '/prod/orders/42',
    protocol: 'HTTP/1.1',
    requestId: 'c6af9ac6-7b61-11e6-9a41-93e8deadbeef',
    requestTime: '12/Mar/2024:19:03:58 +0000',
    requestTimeEpoch: 1710270238390,
    resourceId: 'abc123',
    resourcePath: '/orders/{id}',
    stage: 'prod',
  },
  body: '{"quantity":2,"sku":"A-100"}',
  isBase64Encoded: false,
};

const functionUrl = {
  version: '2.0',
  routeKey: '$default',
  rawPath: '/orders/42',
  rawQueryString: 'expand=items',
  headers: {
    'content-type': 'application/json',
    host: 'abcdefghijklmnopqrstuvwxyz012345.lambda-url.us-east-1.on.aws',
    'user-agent': 'curl/8.5.0',
    'x-amzn-tls-version': 'TLSv1.3',
    'x-amzn-trace-id': 'Root=1-65f1c2d3-1a2b3c4d5e6f7a8b9c0d1e2f',
    'x-forwarded-for': '203.0.113.10',
    'x-forwarded-port': '443',
    'x-forwarded-proto': 'https',
  },
  queryStringParameters: { expand: 'items' },
  requestContext: {
    accountId: 'anonymous',
    apiId: 'abcdefghijklmnopqrstuvwxyz012345',
    domainName: 'abcdefghijklmnopqrstuvwxyz012345.lambda-url.us-east-1.on.aws',
    domainPrefix: 'abcdefghijklmnopqrstuvwxyz012345',
    http: { method: 'POST', path: '/orders/42', protocol: 'HTTP/1.1', sourceIp: '203.0.113.10', userAgent: 'curl/8.5.0' },
    requestId: 'e1506fd5-9e7b-434f-bd42-4f8fa224b599',
    routeKey: '$default',
    stage: '$default',
    time: '12/Mar/2024:19:03:58 +0000',
    timeEpoch: 1710270238390,
  },
  body: '{"quantity":2,"sku":"A-100"}',
  isBase64Encoded: false,
};

const sqsRecord = (n: number, body: string) => ({
  messageId: `059f36b4-87a3-44ab-83d2-66197559322${n}`,
  receiptHandle: `AQEBwJnKyrHigUMZj6rYigCgxlaS3SLy0a${n}...`,
  body,
  attributes: {
    ApproximateReceiveCount: '1',
    SentTimestamp: String(1710270238000 + n),
    SenderId: 'AIDAIENQZJOLO23YVJ4VO',
    ApproximateFirstReceiveTimestamp: String(1710270238100 + n),
  },
  messageAttributes: {},
  md5OfBody: 'e4e68fb7bd0e697a0ae8f1bb342846b3',
  eventSource: 'aws:sqs',
  eventSourceARN: `arn:aws:sqs:${REGION}:${ACCOUNT}:orders-queue`,
  awsRegion: REGION,
});

const sns = {
  Records: [
    {
      EventSource: 'aws:sns',
      EventVersion: '1.0',
      EventSubscriptionArn: `arn:aws:sns:${REGION}:${ACCOUNT}:order-events:2bcfbf39-05c3-41de-beaa-fcfcc21c8f55`,
      Sns: {
        Type: 'Notification',
        MessageId: '95df01b4-ee98-5cb9-9903-4c221d41eb5e',
        TopicArn: `arn:aws:sns:${REGION}:${ACCOUNT}:order-events`,
        Subject: 'Order shipped',
        Message: '{"orderId":"42","status":"SHIPPED"}',
        Timestamp: '2024-03-12T19:03:58.390Z',
        SignatureVersion: '1',
        Signature: 'EXAMPLEpH+DcEwjAPg8O9mY8dReBSwksfg2S7WKQcikcNKWLQjwu6A4VbeS0QHVCkhRS7fUQvi2egU3N858fiTDN6bkkOxYDVrY0Ad8L10Hs3zH81mtnPk5uvvolIC1CXGu43obcgFxeL3khZl8IKvO61GWB6jI9b5+gLPoBc1Q=',
        SigningCertUrl: 'https://sns.us-east-1.amazonaws.com/SimpleNotificationService-0000000000000000000000.pem',
        UnsubscribeUrl: `https://sns.us-east-1.amazonaws.com/?Action=Unsubscribe&SubscriptionArn=arn:aws:sns:${REGION}:${ACCOUNT}:order-events:2bcfbf39-05c3-41de-beaa-fcfcc21c8f55`,
        MessageAttributes: { priority: { Type: 'String', Value: 'high' } },
      },
    },
  ],
};

const scheduled = {
  version: '0',
  id: '53dc4d37-cffa-4f76-80c9-8b7d4a4d2eaa',
  'detail-type': 'Scheduled Event',
  source: 'aws.events',
  account: ACCOUNT,
  time: '2024-03-12T19:00:00Z',
  region: REGION,
  resources: [`arn:aws:events:${REGION}:${ACCOUNT}:rule/nightly-report`],
  detail: {},
};

const custom = {
  version: '0',
  id: '6a7e8feb-b491-4cf7-a9f1-bf3703467718',
  'detail-type': 'OrderPlaced',
  source: 'com.example.orders',
  account: ACCOUNT,
  time: '2024-03-12T19:03:58Z',
  region: REGION,
  resources: [],
  detail: { orderId: '42', customerId: 'c-7', total: 59.9, currency: 'EUR' },
};

const s3Put = {
  Records: [
    {
      eventVersion: '2.1',
      eventSource: 'aws:s3',
      awsRegion: REGION,
      eventTime: '2024-03-12T19:03:58.390Z',
      eventName: 'ObjectCreated:Put',
      userIdentity: { principalId: 'AWS:AIDAINPONIXQXHT3IKHL2' },
      requestParameters: { sourceIPAddress: '203.0.113.10' },
      responseElements: { 'x-amz-request-id': 'C3D13FE58DE4C810', 'x-amz-id-2': 'FMyUVURIY8/IgAtTv8xRjskZQpcIZ9KG4V5Wp6S7S/JRWeUWerMUE5JgHvANOjpD' },
      s3: {
        s3SchemaVersion: '1.0',
        configurationId: 'on-upload',
        bucket: { name: 'example-uploads', ownerIdentity: { principalId: 'A3NL1KOZZKExample' }, arn: 'arn:aws:s3:::example-uploads' },
        object: { key: 'invoices/2024/03/invoice-42.pdf', size: 1024, eTag: '0123456789abcdef0123456789abcdef', sequencer: '0A1B2C3D4E5F678901' },
      },
    },
  ],
};

const dynamodb = {
  Records: [
    {
      eventID: 'c4ca4238a0b923820dcc509a6f75849b',
      eventName: 'INSERT',
      eventVersion: '1.1',
      eventSource: 'aws:dynamodb',
      awsRegion: REGION,
      dynamodb: {
        ApproximateCreationDateTime: 1710270238,
        Keys: { pk: { S: 'ORDER#42' } },
        NewImage: { pk: { S: 'ORDER#42' }, status: { S: 'PLACED' }, total: { N: '59.9' } },
        SequenceNumber: '111',
        SizeBytes: 52,
        StreamViewType: 'NEW_AND_OLD_IMAGES',
      },
      eventSourceARN: `arn:aws:dynamodb:${REGION}:${ACCOUNT}:table/orders/stream/2024-03-12T00:00:00.000`,
    },
    {
      eventID: 'c81e728d9d4c2f636f067f89cc14862c',
      eventName: 'MODIFY',
      eventVersion: '1.1',
      eventSource: 'aws:dynamodb',
      awsRegion: REGION,
      dynamodb: {
        ApproximateCreationDateTime: 1710270298,
        Keys: { pk: { S: 'ORDER#42' } },
        NewImage: { pk: { S: 'ORDER#42' }, status: { S: 'SHIPPED' }, total: { N: '59.9' } },
        OldImage: { pk: { S: 'ORDER#42' }, status: { S: 'PLACED' }, total: { N: '59.9' } },
        SequenceNumber: '222',
        SizeBytes: 88,
        StreamViewType: 'NEW_AND_OLD_IMAGES',
      },
      eventSourceARN: `arn:aws:dynamodb:${REGION}:${ACCOUNT}:table/orders/stream/2024-03-12T00:00:00.000`,
    },
  ],
};

/** Kinesis carries each record's data base64-encoded. */
const kinesisData = (value: object): string => {
  const text = JSON.stringify(value);
  const bytes = new TextEncoder().encode(text);
  let binary = '';
  for (const byte of bytes) binary += String.fromCharCode(byte);
  return btoa(binary);
};

const kinesis = {
  Records: [
    {
      kinesis: {
        kinesisSchemaVersion: '1.0',
        partitionKey: 'order-42',
        sequenceNumber: '49590338271490256608559692538361571095921575989136588898',
        data: kinesisData({ orderId: '42', event: 'PLACED' }),
        approximateArrivalTimestamp: 1710270238.39,
      },
      eventSource: 'aws:kinesis',
      eventVersion: '1.0',
      eventID: 'shardId-000000000006:49590338271490256608559692538361571095921575989136588898',
      eventName: 'aws:kinesis:record',
      invokeIdentityArn: `arn:aws:iam::${ACCOUNT}:role/lambda-kinesis-role`,
      awsRegion: REGION,
      eventSourceARN: `arn:aws:kinesis:${REGION}:${ACCOUNT}:stream/order-stream`,
    },
  ],
};

/** Every template, in the order the picker lists them. */
export const EVENT_TEMPLATES: readonly EventTemplate[] = [
  { id: 'apigateway-http-api', label: 'API Gateway HTTP API (payload 2.0)', group: 'HTTP', event: httpApiV2 },
  { id: 'apigateway-rest-api', label: 'API Gateway REST API (proxy, 1.0)', group: 'HTTP', event: restApiV1 },
  { id: 'function-url', label: 'Lambda function URL', group: 'HTTP', event: functionUrl },
  { id: 'sqs-batch', label: 'SQS batch (2 messages)', group: 'Messaging', event: { Records: [sqsRecord(1, '{"orderId":"41"}'), sqsRecord(2, '{"orderId":"42"}')] } },
  { id: 'sns-notification', label: 'SNS notification', group: 'Messaging', event: sns },
  { id: 'eventbridge-scheduled', label: 'EventBridge scheduled event', group: 'Events', event: scheduled },
  { id: 'eventbridge-custom', label: 'EventBridge custom event', group: 'Events', event: custom },
  { id: 's3-put', label: 'S3 object created (Put)', group: 'Storage', event: s3Put },
  { id: 'dynamodb-stream', label: 'DynamoDB stream (insert, modify)', group: 'Streams', event: dynamodb },
  { id: 'kinesis-stream', label: 'Kinesis data stream', group: 'Streams', event: kinesis },
];

/** A template's event as the editor shows it: two-space JSON. */
export function templateText(template: EventTemplate): string {
  return `${JSON.stringify(template.event, null, 2)}\n`;
}
