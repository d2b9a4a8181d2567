import { describe, expect, it } from 'vitest';
import { buildFunctionUrlEvent, isTextContentType, requestTime, type UrlRequest } from './url-event.ts';

const identity = { accountId: '000000000000', urlId: 'a1b2c3', domainName: '127.0.0.1:4710', traceId: 'Root=1-5e6a7b8c-0123456789abcdef01234567' };
const base: UrlRequest = {
  method: 'POST',
  rawPath: '/my/path',
  rawQueryString: 'parameter1=value1&parameter1=value2&parameter2=value',
  headers: [
    ['Content-Type', 'application/json'],
    ['User-Agent', 'agent'],
    ['Cookie', 'cookie1=a; cookie2=b'],
    ['X-Multi', 'value1'],
    ['x-multi', 'value2'],
    ['Host', '127.0.0.1:4710'],
  ],
  body: new TextEncoder().encode('{"hello":"world"}'),
  sourceIp: '127.0.0.1',
  protocol: 'HTTP/1.1',
  port: 4710,
  requestId: 'id-1',
  timeMs: Date.UTC(2020, 2, 12, 19, 3, 58, 390),
};

describe('the function URL event', () => {
  it('has the documented payload format 2.0, field by field', () => {
    const expected = {
      version: '2.0',
      routeKey: '$default',
      rawPath: '/my/path',
      rawQueryString: 'parameter1=value1&parameter1=value2&parameter2=value',
      cookies: ['cookie1=a', 'cookie2=b'],
      headers: {
        'content-type': 'application/json',
        'user-agent': 'agent',
        'x-multi': 'value1,value2',
        host: '127.0.0.1:4710',
        'x-forwarded-for': '127.0.0.1',
        'x-forwarded-proto': 'http',
        'x-forwarded-port': '4710',
        'x-amzn-trace-id': identity.traceId,
      },
      queryStringParameters: { parameter1: 'value1,value2', parameter2: 'value' },
      requestContext: {
        accountId: '000000000000',
        apiId: 'a1b2c3',
        domainName: '127.0.0.1:4710',
        domainPrefix: 'a1b2c3',
        http: { method: 'POST', path: '/my/path', protocol: 'HTTP/1.1', sourceIp: '127.0.0.1', userAgent: 'agent' },
        requestId: 'id-1',
        routeKey: '$default',
        stage: '$default',
        time: '12/Mar/2020:19:03:58 +0000',
        timeEpoch: 1584039838390,
      },
      body: '{"hello":"world"}',
      isBase64Encoded: false,
    };
    const event = buildFunctionUrlEvent(base, identity) as unknown as Record<string, unknown>;
    expect(Object.keys(event).sort()).toEqual(Object.keys(expected).sort());
    for (const [key, value] of Object.entries(expected)) expect(event[key], key).toEqual(value);
  });

  it('leaves out cookies, query parameters and body when the request has none', () => {
    const event = buildFunctionUrlEvent({ ...base, method: 'get', rawQueryString: '', headers: [['user-agent', 'curl/8']], body: new Uint8Array() }, identity);
    expect(event).not.toHaveProperty('cookies');
    expect(event).not.toHaveProperty('queryStringParameters');
    expect(event).not.toHaveProperty('body');
    expect(event.isBase64Encoded).toBe(false);
    expect(event.requestContext.http.method).toBe('GET');
    expect(event.rawQueryString).toBe('');
  });

  it('decodes query values and keeps the raw string as sent', () => {
    const event = buildFunctionUrlEvent({ ...base, rawQueryString: 'q=a%20b&tag=x&tag=y&empty=' }, identity);
    expect(event.rawQueryString).toBe('q=a%20b&tag=x&tag=y&empty=');
    expect(event.queryStringParameters).toEqual({ q: 'a b', tag: 'x,y', empty: '' });
  });

  it('base64-encodes binary bodies and says so', () => {
    const bytes = new Uint8Array([0, 255, 1, 254, 10]);
    const event = buildFunctionUrlEvent({ ...base, headers: [['content-type', 'application/octet-stream']], body: bytes }, identity);
    expect(event.isBase64Encoded).toBe(true);
    expect(Buffer.from(event.body ?? '', 'base64')).toEqual(Buffer.from(bytes));
  });

  it('treats text, JSON and XML types as text and everything else as binary, form posts included', () => {
    const text = new TextEncoder().encode('a=1');
    expect(isTextContentType('text/plain; charset=utf-8', text)).toBe(true);
    expect(isTextContentType('application/json', text)).toBe(true);
    expect(isTextContentType('application/vnd.api+json', text)).toBe(true);
    expect(isTextContentType('application/xml', text)).toBe(true);
    expect(isTextContentType('application/x-www-form-urlencoded', text)).toBe(false);
    expect(isTextContentType('image/png', text)).toBe(false);
    expect(isTextContentType(undefined, text)).toBe(true);
    expect(isTextContentType(undefined, new Uint8Array([0xff, 0xfe]))).toBe(false);
  });

  it('keeps headers the client already set for the forwarding ones', () => {
    const event = buildFunctionUrlEvent({ ...base, headers: [['X-Forwarded-For', '10.0.0.1']] }, identity);
    expect(event.headers['x-forwarded-for']).toBe('10.0.0.1');
    expect(event.requestContext.http.userAgent).toBe('');
  });

  it('writes the request time as Lambda does', () => {
    expect(requestTime(Date.UTC(2021, 8, 7, 22, 50, 22))).toBe('07/Sep/2021:22:50:22 +0000');
  });
});
