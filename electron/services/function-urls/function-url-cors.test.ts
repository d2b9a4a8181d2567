import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { StudioServices } from '../studio/studio-services.ts';
import { startTestStudio } from '../studio/test-support.ts';

let dir: string;
let hits: string;
let services: StudioServices;

/** Records each request's method in a file, so a test can tell whether the function ran at all. */
const RECORDING = `
import { appendFileSync } from 'node:fs';
export const handler = async (event) => {
  appendFileSync(process.env.HITS, event.requestContext.http.method + ' ' + event.rawPath + '\\n');
  return { statusCode: 200, headers: { 'content-type': 'application/json', 'x-request-count': '1' }, body: JSON.stringify({ method: event.requestContext.http.method }) };
};
`;

/** A handler that sets CORS headers of its own, as one written for API Gateway might. */
const OWN_HEADERS = `export const handler = async (event) => {
  if (event.rawPath === '/throw') throw new Error('boom');
  return { statusCode: 200, headers: { 'access-control-allow-origin': '*', vary: 'Accept-Encoding' }, body: 'own' };
};
`;

async function addFunction(name: string, http: object, source = RECORDING): Promise<void> {
  const folder = join(dir, 'functions', name);
  await mkdir(folder, { recursive: true });
  await writeFile(join(folder, 'index.mjs'), source);
  const config = { runtime: 'nodejs22.x', handler: 'index.handler', timeout: 10, environment: { HITS: hits }, triggers: { http: { enabled: true, ...http } } };
  await writeFile(join(folder, 'function.json'), JSON.stringify(config, null, 2));
}

const APP = 'http://localhost:3000';
const url = (path: string): string => new URL(path, services.functionUrls.origin).toString();
const ran = async (): Promise<string[]> => (await readFile(hits, 'utf8').catch(() => '')).split('\n').filter((line) => line !== '');
const corsHeaders = (response: Response): string[] => [...response.headers.keys()].filter((name) => name.startsWith('access-control-'));
const preflight = (path: string, origin: string, method: string, headers?: string): Promise<Response> =>
  fetch(url(path), {
    method: 'OPTIONS',
    headers: { Origin: origin, 'Access-Control-Request-Method': method, ...(headers === undefined ? {} : { 'Access-Control-Request-Headers': headers }) },
  });

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'studio-url-cors-'));
  hits = join(dir, 'hits.log');
  await addFunction('api', {
    cors: {
      allowOrigins: [APP, 'https://app.example.com'],
      allowMethods: ['GET', 'POST'],
      allowHeaders: ['Content-Type', 'X-Api-Key'],
      exposeHeaders: ['X-Request-Count'],
      maxAge: 600,
      allowCredentials: true,
    },
  });
  await addFunction('open', { cors: { allowOrigins: ['*'], allowMethods: ['*'], allowHeaders: ['*'] } });
  await addFunction('plain', {});
  await addFunction('own', { cors: { allowOrigins: [APP] } }, OWN_HEADERS);
  await addFunction('broken', { cors: { allowOrigins: [APP] } }, 'export const handler = async (event) => {\n');
  await addFunction('bad', { cors: { allowOrigins: ['http://localhost:3000/'], maxAge: 100_000 } });
  services = await startTestStudio(dir, { syncOnStart: false });
}, 60_000);

afterAll(async () => {
  await services?.close();
  await rm(dir, { recursive: true, force: true });
});

describe('a function URL with CORS settings', () => {
  it('answers the preflight of an allowed origin itself, with the allowed methods, headers, max age and credentials', async () => {
    const response = await preflight('/api/orders', APP, 'POST', 'content-type,x-api-key');
    expect(response.status).toBe(200);
    expect(response.headers.get('access-control-allow-origin')).toBe(APP);
    expect(response.headers.get('access-control-allow-methods')).toBe('GET, POST');
    expect(response.headers.get('access-control-allow-headers')).toBe('Content-Type, X-Api-Key');
    expect(response.headers.get('access-control-max-age')).toBe('600');
    expect(response.headers.get('access-control-allow-credentials')).toBe('true');
    expect(response.headers.get('vary')).toMatch(/origin/i);
    expect(await response.text()).toBe('');
    expect(await ran()).not.toContain('OPTIONS /orders');
  });

  it('answers a preflight from an origin it does not allow without any CORS header, and does not run the function', async () => {
    const response = await preflight('/api/orders', 'http://evil.example', 'POST');
    expect(response.status).toBe(200);
    expect(corsHeaders(response)).toEqual([]);
    expect(await ran()).not.toContain('OPTIONS /orders');
  });

  it('lists only the methods it allows, so the browser refuses another one', async () => {
    const response = await preflight('/api/orders', APP, 'DELETE');
    expect(response.headers.get('access-control-allow-methods')).toBe('GET, POST');
    expect(response.headers.get('access-control-allow-methods')).not.toMatch(/DELETE/);
  });

  it('adds the allow-origin, expose and credentials headers to the answer of an allowed origin', async () => {
    const response = await fetch(url('/api/orders'), { method: 'POST', headers: { Origin: 'https://app.example.com', 'content-type': 'application/json' }, body: '{}' });
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ method: 'POST' });
    expect(response.headers.get('access-control-allow-origin')).toBe('https://app.example.com');
    expect(response.headers.get('access-control-expose-headers')).toBe('X-Request-Count');
    expect(response.headers.get('access-control-allow-credentials')).toBe('true');
    expect(response.headers.get('access-control-max-age')).toBeNull();
    expect(response.headers.get('vary')).toMatch(/origin/i);
  });

  it('runs the function for an origin it does not allow, and adds no CORS header to the answer', async () => {
    const response = await fetch(url('/api/other'), { headers: { Origin: 'http://evil.example' } });
    expect(response.status).toBe(200);
    expect(corsHeaders(response)).toEqual([]);
    expect(await ran()).toContain('GET /other');
  });

  it('with * allows any origin, method and requested headers', async () => {
    const response = await preflight('/open/', 'http://127.0.0.1:5173', 'DELETE', 'x-anything,content-type');
    expect(response.status).toBe(200);
    expect(response.headers.get('access-control-allow-origin')).toBe('http://127.0.0.1:5173');
    expect(response.headers.get('access-control-allow-methods')).toMatch(/DELETE/);
    expect(response.headers.get('access-control-allow-headers')).toBe('x-anything,content-type');
    expect(response.headers.get('access-control-allow-credentials')).toBeNull();
    const answer = await fetch(url('/open/'), { method: 'DELETE', headers: { Origin: 'http://127.0.0.1:5173' } });
    expect(answer.headers.get('access-control-allow-origin')).toBe('http://127.0.0.1:5173');
  });

  it('treats an OPTIONS request that is not a preflight as a request for the function', async () => {
    const response = await fetch(url('/api/probe'), { method: 'OPTIONS', headers: { Origin: APP } });
    expect(await response.json()).toEqual({ method: 'OPTIONS' });
    expect(response.headers.get('access-control-allow-origin')).toBe(APP);
  });
});

describe('CORS headers on answers the function did not shape itself', () => {
  it('lays the settings over CORS headers the function set, and keeps its Vary', async () => {
    const allowed = await fetch(url('/own/'), { headers: { Origin: APP } });
    expect(await allowed.text()).toBe('own');
    expect(allowed.headers.get('access-control-allow-origin')).toBe(APP);
    expect(allowed.headers.get('vary')).toBe('Accept-Encoding, Origin');
  });

  it('adds them to a failed invocation’s 502 and to the studio’s own error answer, so the page can read why', async () => {
    const failed = await fetch(url('/own/throw'), { headers: { Origin: APP } });
    expect(failed.status).toBe(502);
    expect(failed.headers.get('access-control-allow-origin')).toBe(APP);
    const broken = await fetch(url('/broken/'), { headers: { Origin: APP } });
    expect(broken.status).toBeGreaterThanOrEqual(400);
    expect(broken.headers.get('access-control-allow-origin')).toBe(APP);
    expect(await broken.text()).toMatch(/message/);
  });
});

describe('a function URL without CORS settings', () => {
  it('sends no CORS header and hands a preflight to the function, as on AWS', async () => {
    const response = await preflight('/plain/x', APP, 'POST');
    expect(await response.json()).toEqual({ method: 'OPTIONS' });
    expect(corsHeaders(response)).toEqual([]);
    expect(await ran()).toContain('OPTIONS /x');
    const answer = await fetch(url('/plain/y'), { headers: { Origin: APP } });
    expect(corsHeaders(answer)).toEqual([]);
  });
});

describe('CORS settings that Lambda would refuse', () => {
  it('answers with what is wrong and where, and runs nothing', async () => {
    const response = await preflight('/bad/never', APP, 'GET');
    expect(response.status).toBeGreaterThanOrEqual(400);
    const text = await response.text();
    expect(text).toMatch(/triggers\.http\.cors\.allowOrigins/);
    expect(text).toMatch(/no path or trailing slash/);
    expect(text).toMatch(/maxAge/);
    expect(await ran()).not.toContain('OPTIONS /never');
  });
});
