import { describe, expect, it } from 'vitest';
import { mapFunctionAnswer } from './url-response.ts';

const text = (body: Buffer) => body.toString('utf8');

describe('mapping a handler answer to the HTTP response', () => {
  it('makes a plain object a JSON 200 with the answer as body', () => {
    const r = mapFunctionAnswer('{"message":"Hello, world!"}', false);
    expect(r.statusCode).toBe(200);
    expect(r.headers).toEqual({ 'content-type': 'application/json' });
    expect(text(r.body)).toBe('{"message":"Hello, world!"}');
    expect(r.cookies).toEqual([]);
  });

  it('makes a string a JSON 200 whose body is the quoted string, as the docs show', () => {
    const r = mapFunctionAnswer('"Hello, world!"', false);
    expect(r.statusCode).toBe(200);
    expect(r.headers['content-type']).toBe('application/json');
    expect(text(r.body)).toBe('"Hello, world!"');
  });

  it('answers null, numbers and arrays the same way', () => {
    expect(text(mapFunctionAnswer('null', false).body)).toBe('null');
    expect(text(mapFunctionAnswer('42', false).body)).toBe('42');
    expect(text(mapFunctionAnswer('[1,2]', false).body)).toBe('[1,2]');
  });

  it('treats an object without statusCode as data even when it has a body', () => {
    const r = mapFunctionAnswer('{"body":"x","headers":{"a":"b"}}', false);
    expect(r.statusCode).toBe(200);
    expect(text(r.body)).toBe('{"body":"x","headers":{"a":"b"}}');
    expect(r.headers).toEqual({ 'content-type': 'application/json' });
  });

  it('honours statusCode, headers (lower-cased), cookies and body', () => {
    const r = mapFunctionAnswer(
      JSON.stringify({ statusCode: 201, headers: { 'Content-Type': 'text/plain', 'My-Custom-Header': 'Custom Value', 'X-Count': 3 }, cookies: ['a=1; Max-Age=60', 'b=2'], body: 'created' }),
      false,
    );
    expect(r.statusCode).toBe(201);
    expect(r.headers).toEqual({ 'content-type': 'text/plain', 'my-custom-header': 'Custom Value', 'x-count': '3' });
    expect(r.cookies).toEqual(['a=1; Max-Age=60', 'b=2']);
    expect(text(r.body)).toBe('created');
  });

  it('decodes a base64 body when isBase64Encoded is true', () => {
    const bytes = Buffer.from([137, 80, 78, 71, 0, 255]);
    const r = mapFunctionAnswer(JSON.stringify({ statusCode: 200, headers: { 'content-type': 'image/png' }, body: bytes.toString('base64'), isBase64Encoded: true }), false);
    expect(r.body).toEqual(bytes);
  });

  it('answers an empty body when a structured answer has none', () => {
    const r = mapFunctionAnswer('{"statusCode":204}', false);
    expect(r.statusCode).toBe(204);
    expect(r.body.length).toBe(0);
    expect(r.headers).toEqual({});
  });

  it('makes a failed invocation a 502 with Lambda body', () => {
    const r = mapFunctionAnswer('{"errorType":"Error","errorMessage":"boom"}', true);
    expect(r.statusCode).toBe(502);
    expect(JSON.parse(text(r.body))).toEqual({ message: 'Internal Server Error' });
    expect(r.headers['content-type']).toBe('application/json');
  });

  it('makes a statusCode that is no HTTP status, or an answer that is not JSON, a 502', () => {
    expect(mapFunctionAnswer('{"statusCode":"ok"}', false).statusCode).toBe(502);
    expect(mapFunctionAnswer('{"statusCode":99}', false).statusCode).toBe(502);
    expect(mapFunctionAnswer('{"statusCode":200.5}', false).statusCode).toBe(502);
    expect(mapFunctionAnswer('not json', false).statusCode).toBe(502);
  });
});
