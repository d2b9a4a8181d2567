import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startStudioServices, type StudioServices } from '../studio/studio-services.ts';

const root = join(import.meta.dirname, '..', '..', '..');
let dir: string;
let services: StudioServices;

const HANDLER = `class NotFound extends Error { name = 'NotFound'; }
export const handler = async (event) => {
  const path = event.rawPath ?? event.path;
  if (path === '/missing') throw new NotFound('no order ' + path);
  if (path === '/crash') throw new TypeError('cannot read items');
  return { items: path === '/empty' ? [] : [1, 2] };
};
`;

// The fallback stands first: the explicit match for an empty list must still win over it.
const RULES = {
  returns: [
    { body: '{"statusCode": 200, "headers": {"content-type": "text/plain"}, "body": "found " + string(result.items.size())}' },
    { when: 'result.items.size() == 0', body: '{"statusCode": 404, "body": "nothing at " + event.rawPath}' },
  ],
  catches: [{ error: 'NotFound', body: '{"statusCode": 404, "body": error.message}' }],
};

async function addFunction(name: string, config: object): Promise<void> {
  const folder = join(dir, 'functions', name);
  await mkdir(folder, { recursive: true });
  await writeFile(join(folder, 'index.mjs'), HANDLER);
  await writeFile(join(folder, 'function.json'), JSON.stringify({ runtime: 'nodejs22.x', handler: 'index.handler', timeout: 10, ...config }));
}

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'studio-url-rules-'));
  await addFunction('shop', { triggers: { http: { enabled: true, ...RULES } } });
  await addFunction('direct', { triggers: { invoke: { returns: [{ body: '{"count": result.items.size(), "asked": event.path}' }], catches: [{ error: 'NotFound', when: 'error.message.startsWith("no order")', body: '{"missing": true}' }] } } });
  await addFunction('broken', { triggers: { http: { enabled: true, returns: [{ body: 'result' }, { when: 'result.items.size() ==', body: '1' }] } } });
  services = await startStudioServices({ workspaceDir: dir, host: 'serve', version: '0.0.0', resourcesDir: join(root, 'resources'), nodeModulesDir: join(root, 'node_modules'), syncOnStart: false });
}, 60_000);

afterAll(async () => {
  await services?.close();
  await rm(dir, { recursive: true, force: true });
});

const get = (path: string) => fetch(`${services.functionUrls.origin}/shop${path}`);

describe('returns and catches on an HTTP trigger', () => {
  it('shapes a result by the matching rule, and by the fallback when none matches', async () => {
    const empty = await get('/empty');
    expect([empty.status, await empty.text()]).toEqual([404, 'nothing at /empty']);
    const found = await get('/orders');
    expect([found.status, found.headers.get('content-type'), await found.text()]).toEqual([200, 'text/plain', 'found 2']);
  }, 30_000);

  it('turns a caught error into its response, and answers 502 for an error no rule catches', async () => {
    const missing = await get('/missing');
    expect([missing.status, await missing.text()]).toEqual([404, 'no order /missing']);
    const crash = await get('/crash');
    expect([crash.status, await crash.json()]).toEqual([502, { message: 'Internal Server Error' }]);
  }, 30_000);

  it('reports a rule that does not parse with its place, and serves nothing from that function.json', async () => {
    const detail = await services.handlers['functions.get']({ name: 'broken' });
    expect(detail.config).toBeNull();
    expect(detail.configError).toMatch(/triggers\.http\.returns\.1\.when: does not parse as CEL/);
  });
});

describe('returns and catches on a direct invoke', () => {
  it('shapes the result, catches a matching error, and lets any other error fail the invocation', async () => {
    const run = (path: string) => services.handlers['invoke.run']({ functionName: 'direct', payload: JSON.stringify({ path }) });
    const ok = await run('/orders');
    expect([ok.functionError, JSON.parse(ok.payload)]).toEqual([undefined, { count: 2, asked: '/orders' }]);
    const caught = await run('/missing');
    expect([caught.functionError, JSON.parse(caught.payload)]).toEqual([undefined, { missing: true }]);
    const failed = await run('/crash');
    expect(failed.functionError).toBe('Unhandled');
    expect(JSON.parse(failed.payload)).toMatchObject({ errorType: 'TypeError', errorMessage: 'cannot read items' });
  }, 30_000);
});
