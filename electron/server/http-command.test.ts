import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { createTemplates } from '../services/templates/templates.ts';
import { createFunctionStore, type FunctionStore } from '../services/workspace/function-store.ts';
import { openWorkspace } from '../services/workspace/layout.ts';
import { projectPaths } from './project-paths.ts';
import { runCli, tempWorkspace } from './test-support.ts';

const workspace = await tempWorkspace('studio-http-cli-');
let store: FunctionStore;

beforeAll(async () => {
  store = createFunctionStore({ layout: await openWorkspace(workspace), templates: createTemplates(join(projectPaths.resourcesDir, 'templates')) });
  await store.create('api', 'node-js');
  await store.writeFile('api', 'index.mjs', "export const handler = async (event) => { console.log('path', event.rawPath); if (event.rawPath === '/fail') throw new Error('nope'); return { method: event.requestContext.http.method, path: event.rawPath, q: event.queryStringParameters, body: event.body, who: event.headers['x-who'] }; };\n");
  const detail = await store.get('api');
  if (detail.config === null) throw new Error('no config');
  await store.saveConfig('api', { ...detail.config, triggers: { http: { enabled: true, invocationType: 'RequestResponse', maxWaitSeconds: 30 } } });
  await store.create('quiet', 'node-js');
});

describe('cli http', () => {
  it('sends a request to the function URL: body on stdout, status, headers and log on stderr', async () => {
    const result = await runCli(['http', 'api', '--workspace', workspace, '--path', '/orders?id=7&id=8', '--data', '{"n":1}', '-H', 'X-Who: ada']);
    expect(result.code, result.stderr).toBe(0);
    expect(JSON.parse(result.stdout)).toEqual({ method: 'POST', path: '/orders', q: { id: '7,8' }, body: '{"n":1}', who: 'ada' });
    expect(result.stderr).toMatch(/^HTTP 200 OK$/m);
    expect(result.stderr).toMatch(/^content-type: application\/json$/m);
    expect(result.stderr).toMatch(/path \/orders/);
  }, 60_000);

  it('exits 1 with the 502 of a failing function, and with 404 where the endpoint is off', async () => {
    const failed = await runCli(['http', 'api', '--workspace', workspace, '--path', 'fail']);
    expect(failed.code).toBe(1);
    expect(JSON.parse(failed.stdout)).toEqual({ message: 'Internal Server Error' });
    expect(failed.stderr).toMatch(/^HTTP 502 /m);
    const off = await runCli(['http', 'quiet', '--workspace', workspace, '-X', 'delete']);
    expect(off.code).toBe(1);
    expect(off.stderr).toMatch(/^HTTP 404 /m);
    expect(off.stdout).toMatch(/no HTTP endpoint/);
  }, 60_000);

  it('refuses a header that is not "Name: value"', async () => {
    const result = await runCli(['http', 'api', '--workspace', workspace, '-H', 'broken']);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/Name: value/);
  });
});
