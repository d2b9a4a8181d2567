import {
  GetDurableExecutionCommand,
  GetDurableExecutionHistoryCommand,
  InvokeCommand,
  LambdaClient,
  ListDurableExecutionsByFunctionCommand,
  SendDurableExecutionCallbackSuccessCommand,
  StopDurableExecutionCommand,
} from '@aws-sdk/client-lambda';
import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { StudioError } from '../../../shared/contract/errors.ts';
import { verifySigV4 } from '../lambda/sigv4-verify.ts';
import { createLambdaApiClient, type LambdaCall, label } from './lambda-api-client.ts';

/**
 * The studio's raw Lambda client must put on the wire what the official SDK puts there for the
 * same operation: a server that routes on the encoded path (AWS) sees no difference.
 */
const credentials = { accessKeyId: 'AKIAABCDEFGHIJKLMNOP', secretAccessKey: 'secret-secret-secret-secret-secret-00' };
const region = 'us-east-1';

interface Captured {
  method: string;
  url: string;
  headers: IncomingHttpHeaders;
  body: Buffer;
}

let captured: Captured[] = [];
let server: Server;
let endpoint: string;
/** Requests on this path are never answered. */
const SILENT = '/2015-03-31/functions/silent/invocations';

beforeAll(async () => {
  server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      captured.push({ method: req.method ?? '', url: req.url ?? '', headers: req.headers, body: Buffer.concat(chunks) });
      if (req.url === SILENT) return;
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end('{}');
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  endpoint = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(async () => {
  sdkClient?.destroy();
  server.closeAllConnections();
  await new Promise((resolve) => server.close(resolve));
});

const call = createLambdaApiClient(() => ({ endpoint, region, credentials }));
let sdkClient: LambdaClient | undefined;
const sdk = () => (sdkClient ??= new LambdaClient({ endpoint, region, credentials, maxAttempts: 1 }));
/** The same operation through the SDK. */
type SdkCall = (client: LambdaClient) => Promise<unknown>;

/** The query's pairs in wire form (the order of parameters is the serializer's own). */
const pairs = (url: string) => (url.split('?')[1] ?? '').split('&').filter(Boolean).sort();

async function sideBySide(ours: LambdaCall, theirs: SdkCall): Promise<[Captured, Captured]> {
  captured = [];
  await call(ours);
  await theirs(sdk()).catch(() => undefined); // Only the request matters; some outputs want fields '{}' lacks.
  const [mine, official] = captured;
  if (mine === undefined || official === undefined) throw new Error('a request did not arrive');
  return [mine, official];
}

async function expectValidSignature(request: Captured): Promise<void> {
  const [rawPath = '', search = ''] = request.url.split('?');
  const headers: Record<string, string> = {};
  for (const [name, value] of Object.entries(request.headers)) if (typeof value === 'string') headers[name] = value;
  await verifySigV4({ method: request.method, rawPath, query: new URLSearchParams(search), headers, body: request.body }, credentials, region);
}

const ARN = 'arn:aws:lambda:us-east-1:000000000000:function:orders:$LATEST/durable-execution/run (1)/7f3c*e!';

describe('the raw Lambda client beside the SDK', () => {
  it('encodes a durable execution ARN as one path label, %2F and all', async () => {
    const [mine, official] = await sideBySide({ method: 'GET', path: `/2025-12-01/durable-executions/${label(ARN)}` }, (c) => c.send(new GetDurableExecutionCommand({ DurableExecutionArn: ARN })));
    expect(official.url).toContain('%2Fdurable-execution%2F');
    expect(mine.url).toBe(official.url);
    await expectValidSignature(mine);
  });

  it('encodes query values as the SDK does', async () => {
    const marker = 'a+b/c== d*';
    const [mine, official] = await sideBySide(
      { method: 'GET', path: `/2025-12-01/durable-executions/${label(ARN)}/history`, query: { Marker: marker, MaxItems: '1000', IncludeExecutionData: 'true' } },
      (c) => c.send(new GetDurableExecutionHistoryCommand({ DurableExecutionArn: ARN, Marker: marker, MaxItems: 1000, IncludeExecutionData: true })),
    );
    expect(mine.url.split('?')[0]).toBe(official.url.split('?')[0]);
    expect(pairs(mine.url)).toEqual(pairs(official.url));
    await expectValidSignature(mine);
  });

  it('sends the same path for callbacks, stops, listings and invokes', async () => {
    const callbackId = 'eyJhIjoiYi9jK2Q9In0=/x';
    const cases: Array<[LambdaCall, SdkCall]> = [
      [{ method: 'POST', path: `/2025-12-01/durable-execution-callbacks/${label(callbackId)}/succeed`, body: 'ok' }, (c) => c.send(new SendDurableExecutionCallbackSuccessCommand({ CallbackId: callbackId, Result: Buffer.from('ok') }))],
      [{ method: 'POST', path: `/2025-12-01/durable-executions/${label(ARN)}/stop`, body: '{}' }, (c) => c.send(new StopDurableExecutionCommand({ DurableExecutionArn: ARN }))],
      [{ method: 'GET', path: `/2025-12-01/functions/${label('orders')}/durable-executions`, query: { Qualifier: '$LATEST' } }, (c) => c.send(new ListDurableExecutionsByFunctionCommand({ FunctionName: 'orders', Qualifier: '$LATEST' }))],
      [{ method: 'POST', path: `/2015-03-31/functions/${label('orders')}/invocations`, query: { Qualifier: '$LATEST' }, body: '{}' }, (c) => c.send(new InvokeCommand({ FunctionName: 'orders', Qualifier: '$LATEST', Payload: '{}' }))],
    ];
    for (const [ours, theirs] of cases) {
      const [mine, official] = await sideBySide(ours, theirs);
      expect(mine.url.split('?')[0], official.url).toBe(official.url.split('?')[0]);
      expect(pairs(mine.url)).toEqual(pairs(official.url));
      await expectValidSignature(mine);
    }
  });

  it('gives up on an API that does not answer, with a clear error', async () => {
    const quick = createLambdaApiClient(() => ({ endpoint, region, credentials }), { timeoutMs: 200 });
    const error = await quick({ method: 'POST', path: SILENT, body: '{}' }).then(() => undefined, (e: unknown) => e);
    expect(error).toBeInstanceOf(StudioError);
    expect(error).toMatchObject({ code: 'UNAVAILABLE' });
    expect((error as StudioError).message).toMatch(/did not answer within 0\.2 s/);
  });
});
