import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { type AddressInfo, connect, createServer, type Server } from 'node:net';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { FunctionVersion } from '../lambda/function-registry.ts';
import { defaultLauncherPaths, sandboxCommand } from './launchers.ts';
import { spawnChild, startProcessSandbox, startSandbox } from './process-sandbox.ts';
import type { Sandbox } from './sandbox-types.ts';

function version(): FunctionVersion {
  const codeDir = mkdtempSync(join(tmpdir(), 'sandbox-code-'));
  writeFileSync(join(codeDir, 'index.mjs'), "export const handler = async (e) => { console.log('hello', e.n); return { n: e.n }; };");
  return {
    functionName: 'early', version: '$LATEST', runtime: 'nodejs22.x', handler: 'index.handler', memorySize: 128, timeout: 10,
    environment: {}, description: '', role: 'arn:aws:iam::000000000000:role/x', codeDir, codeSha256: '', codeSize: 0,
    lastModified: new Date().toISOString(), revisionId: 'r1', origin: 'api',
  };
}

let sandbox: Sandbox | undefined;
afterEach(() => sandbox?.kill());

const host = { region: 'us-east-1', functionArn: 'arn:aws:lambda:us-east-1:000000000000:function:early', credentials: { accessKeyId: 'a', secretAccessKey: 's' }, lambdaEndpoint: 'http://127.0.0.1:9' };
const invocation = (n: number) => ({ requestId: `req-${n}`, payload: Buffer.from(JSON.stringify({ n })), invokedFunctionArn: host.functionArn, traceId: 'Root=1-0-0' });

describe('a process sandbox', () => {
  it('hands over the runtime\'s answer before it logs END and REPORT, and the result still has them', async () => {
    const v = version();
    const order: string[] = [];
    sandbox = await startProcessSandbox({
      version: v,
      onLog: ({ line }) => order.push(line.split(/\s/)[0] ?? ''),
      command: (runtimeApi) => sandboxCommand(v, { ...host, runtimeApi }, defaultLauncherPaths(), 'studio'),
    });
    for (const n of [1, 2]) {
      order.length = 0;
      let answered: string | undefined;
      const result = await sandbox.invoke(invocation(n), (answer) => {
        answered = answer.payload.toString();
        order.push('answer');
      });
      expect(answered).toBe(`{"n":${n}}`);
      expect(order.indexOf('answer')).toBeGreaterThan(-1);
      expect(order.indexOf('answer')).toBeLessThan(order.indexOf('END'));
      expect(order.indexOf('END')).toBeLessThan(order.indexOf('REPORT'));
      expect(result.logs.at(-1)).toMatch(/^REPORT RequestId: req-\d/);
      expect(result.maxMemoryUsedMb).toBeGreaterThan(1);
    }
  });

  it('reports its first invocation as the cold one even when the runtime was ready before it came', async () => {
    const v = version();
    const paths = defaultLauncherPaths();
    // The runtime reaches its Runtime API through a relay that tells when it first asks for work.
    let proxy: Server | undefined;
    let relayTarget = '';
    const asked = new Promise<void>((resolveAsked) => {
      proxy = createServer((runtime) => {
        const [apiHost = '', apiPort = ''] = relayTarget.split(':');
        const api = connect(Number(apiPort), apiHost);
        runtime.on('data', (chunk: Buffer) => {
          api.write(chunk);
          if (chunk.includes('GET /2018-06-01/runtime/invocation/next')) setImmediate(resolveAsked);
        });
        api.pipe(runtime);
        // Either side going away (the sandbox is killed at the end) ends the other.
        runtime.on('close', () => api.destroy()).on('error', () => api.destroy());
        api.on('close', () => runtime.destroy()).on('error', () => runtime.destroy());
      });
    });
    await new Promise<void>((resolve) => proxy?.listen(0, '127.0.0.1', resolve));
    const relay = `127.0.0.1:${(proxy?.address() as AddressInfo).port}`;
    sandbox = await startSandbox({
      version: v,
      onLog: () => undefined,
      launch: async (runtimeApi) => {
        relayTarget = runtimeApi;
        return spawnChild(sandboxCommand(v, { ...host, runtimeApi: relay }, paths, 'studio'));
      },
    });
    await asked;
    const first = await sandbox.invoke(invocation(1));
    expect(first.payload.toString()).toBe('{"n":1}');
    expect(first.initDurationMs).toBeGreaterThan(0);
    expect(first.logs.some((line) => line.includes('hello 1'))).toBe(true);
    expect(first.logs.at(-1)).toMatch(/Init Duration: [\d.]+ ms/);
    const second = await sandbox.invoke(invocation(2));
    expect(second.initDurationMs).toBeUndefined();
    expect(second.logs.at(-1)).not.toMatch(/Init Duration/);
    proxy?.close();
  });
});

/** The state letter /proc gives a process (T: stopped). */
const processState = (pid: number | undefined) => /\) (\w)/.exec(readFileSync(`/proc/${pid ?? 0}/stat`, 'utf8'))?.[1];

describe('a frozen process sandbox', () => {
  it('is stopped between invocations and runs again for the next one', async () => {
    const v = version();
    let pid: number | undefined;
    sandbox = await startSandbox({
      version: v,
      onLog: () => undefined,
      launch: async (runtimeApi) => {
        const child = spawnChild(sandboxCommand(v, { ...host, runtimeApi }, defaultLauncherPaths(), 'studio'));
        pid = child.memoryPid();
        return child;
      },
    });
    const state = () => processState(pid);
    expect((await sandbox.invoke(invocation(1))).payload.toString()).toBe('{"n":1}');
    await expect.poll(state).toBe('T');
    expect((await sandbox.invoke(invocation(2))).payload.toString()).toBe('{"n":2}');
    await expect.poll(state).toBe('T');
  });

  it('that cannot be resumed fails its invocation with the reason in its log, and is not reused', async () => {
    const v = version();
    let pid: number | undefined;
    sandbox = await startSandbox({
      version: v,
      onLog: () => undefined,
      launch: async (runtimeApi) => {
        const child = spawnChild(sandboxCommand(v, { ...host, runtimeApi }, defaultLauncherPaths(), 'studio'));
        pid = child.memoryPid();
        return { ...child, thaw: () => Promise.reject(new Error('the engine refused')) };
      },
    });
    expect((await sandbox.invoke(invocation(1))).payload.toString()).toBe('{"n":1}');
    await expect.poll(() => processState(pid)).toBe('T');
    const failed = await sandbox.invoke(invocation(2));
    expect(failed.errorType).toBe('Runtime.ExitError');
    expect(failed.logs.join('\n')).toContain('The sandbox could not be resumed: the engine refused');
    expect(sandbox.alive).toBe(false);
  });
});
