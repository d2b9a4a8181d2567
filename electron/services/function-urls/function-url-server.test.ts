import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { request as httpRequest } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startStudioServices, type StudioServices } from '../studio/studio-services.ts';

const root = join(import.meta.dirname, '..', '..', '..');
let dir: string;
let services: StudioServices;

interface Reply {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: Buffer;
}

/** A real HTTP client, so repeated headers and raw bytes go over the wire as a browser or curl sends them. */
function send(path: string, options: { method?: string; headers?: Record<string, string | string[]>; body?: Buffer | string } = {}): Promise<Reply> {
  const url = new URL(path, services.functionUrls.origin);
  return new Promise((resolve, reject) => {
    const req = httpRequest(url, { method: options.method ?? 'GET', headers: options.headers ?? {} }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (chunk: Buffer) => chunks.push(chunk));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks) }));
    });
    req.on('error', reject);
    req.end(options.body);
  });
}
const json = (reply: Reply): unknown => JSON.parse(reply.body.toString('utf8'));

async function addFunction(name: string, source: string, config: object): Promise<void> {
  const folder = join(dir, 'functions', name);
  await mkdir(folder, { recursive: true });
  await writeFile(join(folder, 'index.mjs'), source);
  await writeFile(join(folder, 'function.json'), JSON.stringify({ runtime: 'nodejs22.x', handler: 'index.handler', timeout: 10, ...config }, null, 2));
}

const ECHO = `export const handler = async (event) => event;\n`;
const SHAPED = `
export const handler = async (event) => {
  switch (event.rawPath) {
    case '/string': return 'Hello, world!';
    case '/created': return { statusCode: 201, headers: { 'Content-Type': 'text/plain', 'X-Custom': 'yes' }, cookies: ['session=abc; Max-Age=60', 'theme=dark'], body: 'made it' };
    case '/png': return { statusCode: 200, headers: { 'content-type': 'image/png' }, body: Buffer.from([137, 80, 78, 71, 0, 255]).toString('base64'), isBase64Encoded: true };
    case '/throw': throw new Error('boom');
    default: return { path: event.rawPath, version: 1 };
  }
};
`;
const DURABLE = `
import { withDurableExecution } from '@aws/durable-execution-sdk-js';
export const handler = withDurableExecution(async (event, context) => {
  const path = await context.step('read', async () => event.rawPath);
  if (event.queryStringParameters?.wait) await context.wait('pause', { seconds: Number(event.queryStringParameters.wait) });
  return { statusCode: 201, headers: { 'content-type': 'text/plain' }, body: 'durable ' + path };
});
`;

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'studio-urls-'));
  await addFunction('echo', ECHO, { triggers: { http: { enabled: true } } });
  await addFunction('shaped', SHAPED, { triggers: { http: { enabled: true } } });
  await addFunction('hidden', ECHO, {});
  await addFunction('switched-off', ECHO, { triggers: { http: { enabled: false } } });
  const durable = { durable: { enabled: true } };
  await addFunction('flow-wait', DURABLE, { ...durable, triggers: { http: { enabled: true, invocationType: 'RequestResponse', maxWaitSeconds: 2 } } });
  await addFunction('flow-async', DURABLE, { ...durable, triggers: { http: { enabled: true, invocationType: 'Event' } } });
  services = await startStudioServices({
    workspaceDir: dir,
    host: 'serve',
    version: '0.0.0',
    resourcesDir: join(root, 'resources'),
    nodeModulesDir: join(root, 'node_modules'),
    syncOnStart: false,
  });
}, 60_000);

afterAll(async () => {
  await services?.close();
  await rm(dir, { recursive: true, force: true });
});

describe('function URLs over HTTP', () => {
  it('hands the handler the v2 event of a GET with repeated query keys, headers and cookies', async () => {
    const reply = await send('/echo/items/42?tag=a&tag=b&q=hello%20world', {
      headers: { 'User-Agent': 'studio-test/1', 'X-Trace': ['one', 'two'], Cookie: 'session=abc; theme=dark' },
    });
    expect(reply.status).toBe(200);
    expect(reply.headers['content-type']).toBe('application/json');
    const event = json(reply) as Record<string, unknown> & { requestContext: Record<string, unknown>; headers: Record<string, string> };
    expect(event).toMatchObject({
      version: '2.0',
      routeKey: '$default',
      rawPath: '/items/42',
      rawQueryString: 'tag=a&tag=b&q=hello%20world',
      cookies: ['session=abc', 'theme=dark'],
      queryStringParameters: { tag: 'a,b', q: 'hello world' },
      isBase64Encoded: false,
    });
    expect(event).not.toHaveProperty('body');
    expect(event.headers['user-agent']).toBe('studio-test/1');
    expect(event.headers['x-trace']).toBe('one,two');
    expect(event.headers).not.toHaveProperty('cookie');
    expect(event.requestContext).toMatchObject({
      http: { method: 'GET', path: '/items/42', protocol: 'HTTP/1.1', sourceIp: '127.0.0.1', userAgent: 'studio-test/1' },
      routeKey: '$default',
      stage: '$default',
      accountId: services.lambda.accountId,
    });
    expect(typeof event.requestContext.timeEpoch).toBe('number');
  });

  it('passes a JSON body as text and a binary body as base64', async () => {
    const posted = json(await send('/echo', { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"name":"Ada"}' })) as Record<string, unknown>;
    expect(posted).toMatchObject({ rawPath: '/', body: '{"name":"Ada"}', isBase64Encoded: false });
    const bytes = Buffer.from([0, 1, 2, 253, 254, 255]);
    const binary = json(await send('/echo/upload', { method: 'PUT', headers: { 'content-type': 'application/octet-stream' }, body: bytes })) as { body: string; isBase64Encoded: boolean };
    expect(binary.isBase64Encoded).toBe(true);
    expect(Buffer.from(binary.body, 'base64')).toEqual(bytes);
  });

  it('maps every kind of answer back as Lambda does', async () => {
    const plain = await send('/shaped/anything');
    expect(plain.status).toBe(200);
    expect(json(plain)).toEqual({ path: '/anything', version: 1 });

    const text = await send('/shaped/string');
    expect(text.status).toBe(200);
    expect(text.headers['content-type']).toBe('application/json');
    expect(text.body.toString()).toBe('"Hello, world!"');

    const created = await send('/shaped/created', { method: 'POST' });
    expect(created.status).toBe(201);
    expect(created.headers['content-type']).toBe('text/plain');
    expect(created.headers['x-custom']).toBe('yes');
    expect(created.headers['set-cookie']).toEqual(['session=abc; Max-Age=60', 'theme=dark']);
    expect(created.body.toString()).toBe('made it');

    const png = await send('/shaped/png');
    expect(png.headers['content-type']).toBe('image/png');
    expect(png.body).toEqual(Buffer.from([137, 80, 78, 71, 0, 255]));

    const thrown = await send('/shaped/throw');
    expect(thrown.status).toBe(502);
    expect(json(thrown)).toEqual({ message: 'Internal Server Error' });
  });

  it('answers 404 for a function without an endpoint, one switched off, and one that does not exist', async () => {
    for (const path of ['/hidden/', '/switched-off/x', '/nobody/', '/']) {
      const reply = await send(path);
      expect(reply.status, path).toBe(404);
      expect((json(reply) as { message: string }).message, path).toMatch(/HTTP endpoint|no function|No function/i);
    }
  });

  it('runs the saved code on the next request', async () => {
    expect(json(await send('/echo/v'))).toMatchObject({ rawPath: '/v' });
    await writeFile(join(dir, 'functions', 'echo', 'index.mjs'), `export const handler = async (event) => ({ changed: event.rawPath });\n`);
    expect(json(await send('/echo/v'))).toEqual({ changed: '/v' });
    await writeFile(join(dir, 'functions', 'echo', 'index.mjs'), ECHO);
  });
});

describe('a durable function behind a URL', () => {
  it('waits for the result in RequestResponse mode and maps it', async () => {
    const reply = await send('/flow-wait/orders');
    expect(reply.status).toBe(201);
    expect(reply.body.toString()).toBe('durable /orders');
  });

  it('answers 202 with the execution ARN once the wait limit passes, and the execution goes on', async () => {
    const reply = await send('/flow-wait/slow?wait=4');
    expect(reply.status).toBe(202);
    const body = json(reply) as { DurableExecutionArn: string; Status: string };
    expect(body.Status).toBe('RUNNING');
    expect(reply.headers['x-amz-durable-execution-arn']).toBe(body.DurableExecutionArn);
    await expect.poll(async () => (await services.handlers['executions.get']({ arn: body.DurableExecutionArn })).Status, { timeout: 20_000 }).toBe('SUCCEEDED');
  }, 30_000);

  it('answers 202 with the execution ARN at once in Event mode', async () => {
    const started = performance.now();
    const reply = await send('/flow-async/later');
    expect(reply.status).toBe(202);
    expect(performance.now() - started).toBeLessThan(5_000);
    const { DurableExecutionArn: arn } = json(reply) as { DurableExecutionArn: string };
    expect(arn).toMatch(/^arn:aws:lambda:.*flow-async/);
    await expect.poll(async () => (await services.handlers['executions.get']({ arn })).Status, { timeout: 20_000 }).toBe('SUCCEEDED');
  }, 30_000);
});
