import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { WebSocket } from 'ws';
import { startStudioServer, type StudioServer } from './serve.ts';
import { CONTENT_SECURITY_POLICY } from './web-content.ts';

let temp: string;
let server: StudioServer;

beforeAll(async () => {
  temp = await mkdtemp(join(tmpdir(), 'studio-http-'));
  const rendererDir = join(temp, 'dist');
  await mkdir(join(rendererDir, 'assets'), { recursive: true });
  await writeFile(join(rendererDir, 'index.html'), '<!doctype html><title>Lambda Studio</title>');
  await writeFile(join(rendererDir, 'assets', 'main-abc123.js'), 'console.log(1);');
  await writeFile(join(rendererDir, 'assets', 'style-abc123.css'), 'body{}');
  await writeFile(join(rendererDir, 'assets', 'codicon-abc123.ttf'), 'font');
  await writeFile(join(rendererDir, 'assets', 'module-abc123.wasm'), 'wasm');
  await writeFile(join(temp, 'secret.txt'), 'not for the web');
  server = await startStudioServer({ workspaceDir: join(temp, 'workspace'), port: 0, rendererDir });
});

afterAll(async () => {
  await server.close();
  await rm(temp, { recursive: true, force: true });
});

const post = (path: string, body: string, headers: Record<string, string> = {}) =>
  fetch(`${server.origin}${path}`, { method: 'POST', body, headers: { 'content-type': 'application/json', ...headers } });
const auth = () => ({ authorization: `Bearer ${server.token}` });

function openSocket(query: string): Promise<{ opened: boolean; status?: number; socket?: WebSocket }> {
  return new Promise((resolve) => {
    const socket = new WebSocket(`ws://127.0.0.1:${server.port}/api/events${query}`);
    socket.once('open', () => resolve({ opened: true, socket }));
    socket.once('unexpected-response', (_request, response) => {
      resolve({ opened: false, status: response.statusCode ?? 0 });
      socket.terminate();
    });
    socket.once('error', () => resolve({ opened: false }));
  });
}

describe('authentication', () => {
  it('listens on loopback and prints the token only in the URL hash', () => {
    // The socket's own address: a server bound to every interface must fail here.
    expect(server.address).toEqual({ address: '127.0.0.1', family: 'IPv4', port: server.port });
    expect(server.origin).toBe(`http://127.0.0.1:${server.port}`);
    expect(server.url).toBe(`${server.origin}/#token=${server.token}`);
    expect(server.token.length).toBeGreaterThanOrEqual(32);
  });

  it.each(['/api/functions.list', '/api/app.info', '/api/no.such.method', '/api/', '/api', '/api/events', '/api/../api/app.info'])(
    'answers 401 on %s without the token or with a wrong one',
    async (path) => {
      const attempts: Record<string, string>[] = [{}, { authorization: 'Bearer wrong' }, { authorization: `Basic ${server.token}` }];
      for (const headers of attempts) {
        const response = await post(path, '{}', headers);
        expect(response.status).toBe(401);
        expect(await response.json()).toMatchObject({ ok: false, error: { code: 'UNAUTHORIZED' } });
      }
    },
  );

  it('refuses the event socket without the token or with a wrong one', async () => {
    expect(await openSocket('')).toMatchObject({ opened: false, status: 401 });
    expect(await openSocket('?token=wrong')).toMatchObject({ opened: false, status: 401 });
    const good = await openSocket(`?token=${encodeURIComponent(server.token)}`);
    expect(good.opened).toBe(true);
    good.socket?.close();
  });
});

describe('calls', () => {
  it('maps error codes to HTTP statuses, with the WireResult as the body', async () => {
    expect((await post('/api/app.info', '{}', auth())).status).toBe(200);
    expect((await post('/api/functions.get', '{"name":"ghost"}', auth())).status).toBe(404);
    expect((await post('/api/functions.get', '{"name":"bad/name"}', auth())).status).toBe(400);
    expect((await post('/api/what.ever', '{}', auth())).status).toBe(400);
    await post('/api/functions.create', '{"name":"dup","template":"node-ts"}', auth());
    const conflict = await post('/api/functions.create', '{"name":"dup","template":"node-ts"}', auth());
    expect(conflict.status).toBe(409);
    expect(await conflict.json()).toMatchObject({ ok: false, error: { code: 'CONFLICT' } });
  });

  it('answers malformed JSON with a clear BAD_INPUT', async () => {
    const response = await post('/api/functions.list', '{"oops":', auth());
    expect(response.status).toBe(400);
    const body = (await response.json()) as { error: { code: string; message: string } };
    expect(body.error).toMatchObject({ code: 'BAD_INPUT', message: 'The body of the request to functions.list is not valid JSON.' });
  });

  it('refuses a body over the size limit', async () => {
    const big = JSON.stringify({ name: 'dup', path: 'big.txt', content: 'x'.repeat(11 * 1024 * 1024) });
    const response = await post('/api/functions.writeFile', big, auth());
    expect(response.status).toBe(400);
    expect(await response.json()).toMatchObject({ error: { code: 'BAD_INPUT', message: expect.stringMatching(/larger than 10 MB/) } });
  });

  it('answers a garbled method name with BAD_INPUT, not a failure', async () => {
    const response = await post('/api/functions.%E0%A4%A', '{}', auth());
    expect(response.status).toBe(400);
    expect(await response.json()).toMatchObject({ error: { code: 'BAD_INPUT' } });
  });

  it('wants POST for calls', async () => {
    const response = await fetch(`${server.origin}/api/app.info`, { headers: auth() });
    expect(response.status).toBe(400);
  });
});

describe('static files', () => {
  it('serves the app with a strict CSP and falls back to index.html for routes', async () => {
    for (const path of ['/', '/functions/orders', '/index.html']) {
      const response = await fetch(`${server.origin}${path}`);
      expect(response.status).toBe(200);
      expect(response.headers.get('content-type')).toBe('text/html; charset=utf-8');
      expect(response.headers.get('content-security-policy')).toBe(CONTENT_SECURITY_POLICY);
      expect(await response.text()).toContain('Lambda Studio');
    }
    expect(CONTENT_SECURITY_POLICY).toContain("script-src 'self';");
    expect(CONTENT_SECURITY_POLICY).toContain('connect-src \'self\' ws://127.0.0.1:*');
    for (const directive of ["frame-ancestors 'none'", "base-uri 'self'", "form-action 'none'"]) expect(CONTENT_SECURITY_POLICY.split('; ')).toContain(directive);
  });

  it.each([
    ['/assets/main-abc123.js', 'text/javascript; charset=utf-8'],
    ['/assets/style-abc123.css', 'text/css; charset=utf-8'],
    ['/assets/codicon-abc123.ttf', 'font/ttf'],
    ['/assets/module-abc123.wasm', 'application/wasm'],
  ])('serves %s as %s without a token', async (path, type) => {
    const response = await fetch(`${server.origin}${path}`);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe(type);
    expect(response.headers.get('cache-control')).toContain('immutable');
  });

  it('404s a missing asset and never serves files outside the build', async () => {
    expect((await fetch(`${server.origin}/assets/missing.js`)).status).toBe(404);
    for (const path of ['/../secret.txt', '/%2e%2e/secret.txt', '/assets/..%2f..%2fsecret.txt']) {
      const response = await fetch(`${server.origin}${path}`);
      expect(await response.text()).not.toContain('not for the web');
    }
  });
});

describe('events', () => {
  it('pushes workspace.changed to the socket when a file changes outside the studio', async () => {
    const { socket } = await openSocket(`?token=${encodeURIComponent(server.token)}`);
    if (socket === undefined) throw new Error('socket did not open');
    const events: { event: string; payload: { kind?: string; path?: string } }[] = [];
    socket.on('message', (data: Buffer) => events.push(JSON.parse(data.toString()) as (typeof events)[number]));
    const reported = (kind: string) => events.find((e) => e.payload.path === 'functions/live/index.mjs' && e.payload.kind === kind);
    await post('/api/functions.create', '{"name":"live","template":"node-js"}', auth());
    // The creation itself is reported as an addition first; an edit before that would merge into it.
    await expect.poll(() => reported('add'), { timeout: 10_000 }).toBeDefined();
    await writeFile(join(server.workspace, 'functions', 'live', 'index.mjs'), 'export const handler = async () => 2;\n');
    await expect.poll(() => reported('change'), { timeout: 10_000 }).toEqual({
      event: 'workspace.changed',
      payload: { kind: 'change', path: 'functions/live/index.mjs', functionName: 'live' },
    });
    socket.close();
  });
});
