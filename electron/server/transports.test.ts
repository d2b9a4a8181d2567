import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ApiError, createApi, type Api, type Transport } from '../../shared/contract/client.ts';
import type { WorkspaceChanged } from '../../shared/contract/events.ts';
import { createHttpTransport, type HttpTransport } from '../../shared/transport/http-transport.ts';
import { createIpcInvokeHandler, EVENT_CHANNEL, forwardEvents } from '../main/ipc-handler.ts';
import { startStudioServices, type StudioServices } from '../services/studio/studio-services.ts';
import { projectPaths } from './project-paths.ts';
import { startStudioServer, type StudioServer } from './serve.ts';

/** The IPC transport as the preload builds it, minus Electron: the same handler, called directly. */
function ipcTransport(services: StudioServices): Transport {
  const invoke = createIpcInvokeHandler(services.dispatch);
  return {
    invoke: (method, input) => invoke(method, input),
    subscribe: (event, listener) =>
      forwardEvents(services.events, (channel, name, payload) => {
        if (channel === EVENT_CHANNEL && name === event) listener(payload);
      }),
  };
}

let temp: string;
let server: StudioServer;
let services: StudioServices;
const apis: Record<string, Api> = {};
let httpTransport: HttpTransport;

/** Resolves once events subscribed so far can arrive: the HTTP event socket is open (IPC needs nothing). */
const listening = (name: string) => (name === 'http' ? httpTransport.connected() : Promise.resolve());

beforeAll(async () => {
  temp = await mkdtemp(join(tmpdir(), 'studio-transports-'));
  server = await startStudioServer({ workspaceDir: join(temp, 'http'), port: 0 });
  services = await startStudioServices({
    workspaceDir: join(temp, 'ipc'),
    host: 'electron',
    version: '0.0.0-test',
    resourcesDir: projectPaths.resourcesDir,
    nodeModulesDir: projectPaths.nodeModulesDir,
  });
  httpTransport = createHttpTransport({ baseUrl: server.origin, token: server.token });
  apis.http = createApi(httpTransport);
  apis.ipc = createApi(ipcTransport(services));
});

afterAll(async () => {
  await Promise.all([server.close(), services.close()]);
  await rm(temp, { recursive: true, force: true });
});

async function errorOf(promise: Promise<unknown>): Promise<ApiError> {
  const error: unknown = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  if (!(error instanceof ApiError)) throw new Error(`expected an ApiError, got ${String(error)}`);
  return error;
}

describe.each(['http', 'ipc'])('the contract over %s', (name) => {
  const api = () => apis[name]!;

  it('says which host answers', async () => {
    const info = await api().call('app.info', {});
    expect(info.host).toBe(name === 'http' ? 'serve' : 'electron');
    expect(info.workspace).toBe(join(temp, name));
  });

  it('creates, edits, configures, renames and deletes a function', async () => {
    const created = await api().call('functions.create', { name: 'orders', template: 'node-ts' });
    expect(created.files).toEqual(['function.json', 'index.ts']);
    await api().call('functions.writeFile', { name: 'orders', path: 'src/util.ts', content: 'export const n = 1;\n' });
    expect(await api().call('functions.readFile', { name: 'orders', path: 'src/util.ts' })).toEqual({ content: 'export const n = 1;\n' });
    const saved = await api().call('functions.saveConfig', { name: 'orders', config: { ...created.config!, timeout: 60 } });
    expect(saved.config?.timeout).toBe(60);
    const renamed = await api().call('functions.rename', { from: 'orders', to: 'orders-v2' });
    expect(renamed.files).toContain('src/util.ts');
    expect((await api().call('functions.list', {})).map((f) => f.name)).toEqual(['orders-v2']);
    expect(await api().call('functions.delete', { name: 'orders-v2' })).toEqual({ ok: true });
    expect(await api().call('functions.list', {})).toEqual([]);
  });

  it('serves the editor type libraries', async () => {
    const libraries = await api().call('editor.typeLibraries', {});
    expect(libraries.some((lib) => lib.path === 'file:///node_modules/@aws/durable-execution-sdk-js/dist-types/index.d.ts')).toBe(true);
  });

  it('rejects the same bad input the same way', async () => {
    const error = await errorOf(api().call('functions.readFile', { name: 'x', path: '../../etc/passwd' }));
    expect(error.code).toBe('BAD_INPUT');
    expect(error.details).toMatch(/^path: must be a relative path inside the function$/);
    const unknown = await errorOf(api().call('functions.nope' as 'functions.list', {}));
    expect(unknown.code).toBe('UNKNOWN_METHOD');
    expect((await errorOf(api().call('functions.get', { name: 'ghost' }))).code).toBe('NOT_FOUND');
    await api().call('functions.create', { name: 'twice', template: 'python' });
    expect((await errorOf(api().call('functions.create', { name: 'twice', template: 'python' }))).code).toBe('CONFLICT');
  });

  it('reports a broken function.json and keeps its bytes', async () => {
    await api().call('functions.create', { name: 'broken', template: 'node-js' });
    const file = join(temp, name, 'functions', 'broken', 'function.json');
    const text = '{ "runtime": "nodejs22.x", "handler": "index.handler", "timeout": "soon" }';
    await writeFile(file, text);
    const detail = await api().call('functions.get', { name: 'broken' });
    expect(detail).toMatchObject({ config: null, configText: text });
    expect(detail.configError).toMatch(/timeout/);
    expect(await readFile(file, 'utf8')).toBe(text);
  });

  it('runs a function in the local Lambda service, streaming its log lines', async () => {
    await api().call('functions.create', { name: 'greeter', template: 'node-ts' });
    await api().call('testEvents.save', { functionName: 'greeter', event: { name: 'ada', payload: '{ "name": "Ada" }' } });
    const [saved] = await api().call('testEvents.list', { functionName: 'greeter' });
    const lines: string[] = [];
    const stop = api().on('invoke.log', (log) => {
      if (log.functionName === 'greeter') lines.push(log.line);
    });
    await listening(name);
    const result = await api().call('invoke.run', { functionName: 'greeter', payload: saved!.payload });
    expect(result.functionError).toBeUndefined();
    expect(JSON.parse(result.payload)).toEqual({ message: 'Hello, Ada!', requestId: result.requestId });
    expect(result.logs.join('\n')).toContain('Greeting Ada');
    expect(result.report?.memorySizeMb).toBe(128);
    await expect.poll(() => lines.join('\n')).toContain('Greeting Ada');
    stop();
    // An edit saved just before the next invoke is what runs; an untouched function stays warm.
    await api().call('functions.writeFile', { name: 'greeter', path: 'index.ts', content: 'export const handler = async () => "v2";\n' });
    expect((await api().call('invoke.run', { functionName: 'greeter', payload: '{}' })).payload).toBe('"v2"');
    const warm = await api().call('invoke.run', { functionName: 'greeter', payload: '{}' });
    expect(warm.payload).toBe('"v2"');
    expect(warm.report?.initDurationMs).toBeUndefined();
    const endpoint = await api().call('lambda.endpoint', {});
    expect(endpoint.endpoint).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
  });

  it('runs a durable function: a quick one answers its result, a waiting one its execution ARN', async () => {
    await api().call('functions.create', { name: 'quick', template: 'durable-ts' });
    await api().call('functions.writeFile', {
      name: 'quick',
      path: 'index.ts',
      content: [
        "import { withDurableExecution } from '@aws/durable-execution-sdk-js';",
        'export const handler = withDurableExecution(async (event: { n: number }, context) => {',
        "  const doubled = await context.step('double', async () => event.n * 2);",
        '  return { doubled };',
        '});',
        '',
      ].join('\n'),
    });
    const statuses: string[] = [];
    const stop = api().on('executions.changed', (change) => {
      if (change.functionArn.endsWith(':function:quick')) statuses.push(change.status);
    });
    await listening(name);
    const quick = await api().call('invoke.run', { functionName: 'quick', payload: '{"n": 21}' });
    expect(quick.durableExecutionArn).toMatch(/^arn:aws:lambda:.*:function:quick/);
    expect(JSON.parse(quick.payload)).toEqual({ doubled: 42 });
    await expect.poll(() => statuses).toContain('SUCCEEDED');
    expect(statuses[0]).toBe('RUNNING');
    stop();

    await api().call('functions.create', { name: 'approval', template: 'durable-ts' });
    const started = Date.now();
    const waiting = await api().call('invoke.run', { functionName: 'approval', payload: '{"orderId": "o-1", "amount": 5}' });
    expect(Date.now() - started).toBeLessThan(15_000);
    expect(waiting.statusCode).toBe(202);
    expect(JSON.parse(waiting.payload)).toEqual({ DurableExecutionArn: waiting.durableExecutionArn, Status: 'RUNNING' });
    expect(waiting.logs.join('\n')).toContain('Approval requested');
  });

  it('checks the event and the source before running anything', async () => {
    await api().call('functions.create', { name: 'typo', template: 'node-ts' });
    expect((await errorOf(api().call('invoke.run', { functionName: 'typo', payload: '{ name: Ada }' }))).code).toBe('BAD_INPUT');
    await api().call('functions.writeFile', { name: 'typo', path: 'index.ts', content: 'export const handler = async () => {\n  return (;\n};\n' });
    const build = await errorOf(api().call('invoke.run', { functionName: 'typo', payload: '{}' }));
    expect(build.code).toBe('BAD_INPUT');
    expect(build.message).toMatch(/did not build/);
    expect(build.details).toMatch(/index\.ts:2/);
  });

  it('pushes workspace.changed after a file is written outside the studio', async () => {
    await api().call('functions.create', { name: 'watched', template: 'node-ts' });
    const seen: WorkspaceChanged[] = [];
    const arrived = new Promise<WorkspaceChanged>((resolve) => {
      const stop = api().on('workspace.changed', (change) => {
        seen.push(change);
        if (change.path === 'functions/watched/notes.md') {
          stop();
          resolve(change);
        }
      });
    });
    await listening(name);
    await writeFile(join(temp, name, 'functions', 'watched', 'notes.md'), 'hello\n');
    expect(await arrived).toEqual({ kind: 'add', path: 'functions/watched/notes.md', functionName: 'watched' });
  });
});
