import { InvokeCommand, LambdaClient, ListFunctionsCommand } from '@aws-sdk/client-lambda';
import { connect } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type ApiServer, MAX_BODY_BYTES, startApiServer } from './http-server.ts';

const credentials = { accessKeyId: 'AKIAABCDEFGHIJKLMNOP', secretAccessKey: 'secret-secret-secret-secret-secret-00' };
let server: ApiServer;
let bodiesRead = 0;

beforeAll(async () => {
  server = await startApiServer({
    port: 0,
    region: 'us-east-1',
    credentials,
    requestTimeoutMs: 500,
    routes: () => [
      {
        operation: 'ListFunctions',
        method: 'GET',
        path: /^\/2015-03-31\/functions\/?$/,
        handle: async () => ({ status: 200, body: { Functions: [] } }),
      },
      {
        operation: 'Invoke',
        method: 'POST',
        path: /^\/2015-03-31\/functions\/(?<name>[^/]+)\/invocations$/,
        handle: async (request, params) => {
          bodiesRead++;
          // Longer than the request timeout, which covers receiving the request only.
          if (params['name'] === 'slow') await new Promise((resolve) => setTimeout(resolve, 1_500));
          return { status: 200, body: request.body };
        },
      },
    ],
    log: () => undefined,
  });
});

afterAll(() => server.close());

interface RawResponse {
  status: number;
  headers: Record<string, string>;
  body: string;
}

/** Sends `head` (and `body`, if any) on a raw socket and resolves with the first response, without sending more. */
function rawRequest(head: string, body = ''): Promise<RawResponse> {
  const { port } = new URL(server.endpoint);
  return new Promise((resolve, reject) => {
    const socket = connect(Number(port), '127.0.0.1');
    let received = Buffer.alloc(0);
    socket.on('data', (chunk: Buffer) => {
      received = Buffer.concat([received, chunk]);
      const end = received.indexOf('\r\n\r\n');
      if (end === -1) return;
      const [statusLine = '', ...lines] = received.subarray(0, end).toString('latin1').split('\r\n');
      const headers: Record<string, string> = {};
      for (const line of lines) headers[line.slice(0, line.indexOf(':')).toLowerCase()] = line.slice(line.indexOf(':') + 1).trim();
      const length = Number(headers['content-length'] ?? 0);
      if (received.length < end + 4 + length) return;
      resolve({ status: Number(statusLine.split(' ')[1]), headers, body: received.subarray(end + 4, end + 4 + length).toString() });
      socket.destroy();
    });
    socket.on('error', reject);
    socket.write(`${head}\r\n\r\n${body}`);
  });
}

const FIFTY_MB = 50 * 1024 * 1024;
const invokeHead = (headers: string[]) =>
  ['POST /2015-03-31/functions/f/invocations HTTP/1.1', 'Host: 127.0.0.1', 'Content-Type: application/json', ...headers].join('\r\n');
const scope = () => `${new Date().toISOString().slice(0, 10).replace(/-/g, '')}/us-east-1/lambda/aws4_request`;

describe('the Lambda API server before it reads a body', () => {
  it('rejects an unsigned 50 MB request at its headers, as Lambda does', async () => {
    // Only the headers are sent: the answer must come without the body.
    const response = await rawRequest(invokeHead([`Content-Length: ${FIFTY_MB}`]));
    expect(response.status).toBe(403);
    expect(response.headers['x-amzn-errortype']).toBe('MissingAuthenticationTokenException');
    expect(JSON.parse(response.body)).toEqual({ Type: 'User', message: 'Missing Authentication Token' });
    expect(bodiesRead).toBe(0);
  });

  it('rejects a malformed signature header and an unknown access key at their headers', async () => {
    const malformed = await rawRequest(invokeHead([`Content-Length: ${FIFTY_MB}`, 'Authorization: AWS4-HMAC-SHA256 nonsense']));
    expect(malformed.status).toBe(403);
    expect(malformed.headers['x-amzn-errortype']).toBe('UnrecognizedClientException');
    const signature = `Signature=${'0'.repeat(64)}`;
    const stranger = await rawRequest(
      invokeHead([`Content-Length: ${FIFTY_MB}`, `Authorization: AWS4-HMAC-SHA256 Credential=AKIAZZZZZZZZZZZZZZZZ/${scope()}, SignedHeaders=host;x-amz-date, ${signature}`]),
    );
    expect(stranger.status).toBe(403);
    expect(stranger.headers['x-amzn-errortype']).toBe('UnrecognizedClientException');
  });

  it('rejects a Content-Length over the limit at its headers, signed or not', async () => {
    const authorization = `Authorization: AWS4-HMAC-SHA256 Credential=${credentials.accessKeyId}/${scope()}, SignedHeaders=host;x-amz-date, Signature=${'0'.repeat(64)}`;
    const response = await rawRequest(invokeHead([`Content-Length: ${MAX_BODY_BYTES + 1}`, authorization]));
    expect(response.status).toBe(413);
    expect(response.headers['x-amzn-errortype']).toBe('RequestEntityTooLargeException');
    expect(bodiesRead).toBe(0);
  });

  it('gives up on a request whose body stops coming', async () => {
    const authorization = `Authorization: AWS4-HMAC-SHA256 Credential=${credentials.accessKeyId}/${scope()}, SignedHeaders=host;x-amz-date, Signature=${'0'.repeat(64)}`;
    const response = await rawRequest(invokeHead(['Content-Length: 100', authorization]), '{"half":');
    expect(response.status).toBe(408);
    expect(bodiesRead).toBe(0);
  });

  it('still serves requests signed by the official SDK, however long their answer takes', async () => {
    const client = new LambdaClient({ endpoint: server.endpoint, region: 'us-east-1', credentials, maxAttempts: 1 });
    expect((await client.send(new ListFunctionsCommand({}))).Functions).toEqual([]);
    const slow = await client.send(new InvokeCommand({ FunctionName: 'slow', Payload: '{"took":"long"}' }));
    expect(Buffer.from(slow.Payload ?? []).toString()).toBe('{"took":"long"}');
    client.destroy();
  });
});
