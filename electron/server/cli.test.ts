import { LambdaClient, ListFunctionsCommand } from '@aws-sdk/client-lambda';
import { spawn } from 'node:child_process';
import { mkdtemp, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTemplates } from '../services/templates/templates.ts';
import { createFunctionStore } from '../services/workspace/function-store.ts';
import { openWorkspace } from '../services/workspace/layout.ts';
import { projectPaths } from './project-paths.ts';
import { freePort, runCli } from './test-support.ts';

const cli = join(import.meta.dirname, 'cli.ts');
let temp: string;

beforeAll(async () => {
  temp = await mkdtemp(join(tmpdir(), 'studio-cli-'));
});

afterAll(() => rm(temp, { recursive: true, force: true }));

describe('cli serve', () => {
  it('prints one JSON line, serves the API with the token, and exits 0 on SIGTERM', async () => {
    const workspace = join(temp, 'new', 'workspace');
    const lambdaPort = await freePort();
    const urlPort = await freePort();
    const child = spawn(process.execPath, [cli, 'serve', '--workspace', workspace, '--port', '0', '--lambda-port', String(lambdaPort), '--url-port', String(urlPort), '--no-open'], {
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stderr = '';
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    const lines: string[] = [];
    const reader = createInterface({ input: child.stdout });
    const first = await new Promise<string>((resolve, reject) => {
      reader.on('line', (line) => {
        lines.push(line);
        if (lines.length === 1) resolve(line);
      });
      child.once('exit', (code) => reject(new Error(`exited early with ${code}: ${stderr}`)));
    });

    const printed = JSON.parse(first) as Record<'ui' | 'workspace' | 'lambda' | 'lambdaEndpoint' | 'region' | 'accessKeyId' | 'secretAccessKey' | 'functionUrls', string>;
    expect(Object.keys(printed).sort()).toEqual(['accessKeyId', 'functionUrls', 'lambda', 'lambdaEndpoint', 'region', 'secretAccessKey', 'ui', 'workspace']);
    expect(printed.lambdaEndpoint).toBe(`http://127.0.0.1:${lambdaPort}`);
    expect(printed.lambda).toBe(printed.lambdaEndpoint);
    expect(printed.functionUrls).toBe(`http://127.0.0.1:${urlPort}`);
    // No function has its endpoint on in a new workspace: the port answers, and says where URLs live.
    const nothing = await fetch(`${printed.functionUrls}/`);
    expect(nothing.status).toBe(404);

    // The printed credentials are the ones the service checks signatures against.
    const signed = new LambdaClient({
      endpoint: printed.lambdaEndpoint,
      region: printed.region,
      credentials: { accessKeyId: printed.accessKeyId, secretAccessKey: printed.secretAccessKey },
      maxAttempts: 1,
    });
    expect((await signed.send(new ListFunctionsCommand({}))).Functions).toEqual([]);
    const forged = new LambdaClient({
      endpoint: printed.lambdaEndpoint,
      region: printed.region,
      credentials: { accessKeyId: printed.accessKeyId, secretAccessKey: `${printed.secretAccessKey}x` },
      maxAttempts: 1,
    });
    await expect(forged.send(new ListFunctionsCommand({}))).rejects.toMatchObject({ name: 'InvalidSignatureException' });
    expect(printed.workspace).toBe(workspace);
    expect((await stat(join(workspace, 'functions'))).isDirectory()).toBe(true);
    const match = /^(http:\/\/127\.0\.0\.1:\d+)\/#token=(.+)$/.exec(printed.ui);
    expect(match).not.toBeNull();
    const [, origin, token] = match as RegExpExecArray;

    const info = await fetch(`${origin}/api/app.info`, {
      method: 'POST',
      headers: { authorization: `Bearer ${decodeURIComponent(token ?? '')}`, 'content-type': 'application/json' },
      body: '{}',
    });
    expect(info.status).toBe(200);
    expect(await info.json()).toMatchObject({ ok: true, value: { host: 'serve', workspace } });
    expect((await fetch(`${origin}/api/app.info`, { method: 'POST', body: '{}' })).status).toBe(401);

    const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
    child.kill('SIGTERM');
    expect(await exited).toBe(0);
    expect(lines).toHaveLength(1);
    expect(stderr).toContain('Lambda Studio is running at');
  });

  it('refuses a port that is not a number, saying why', async () => {
    const child = spawn(process.execPath, [cli, 'serve', '--workspace', temp, '--port', 'eighty', '--no-open'], { stdio: ['ignore', 'pipe', 'pipe'] });
    let stderr = '';
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    const code = await new Promise<number | null>((resolve) => child.once('exit', resolve));
    expect(code).not.toBe(0);
    expect(stderr).toMatch(/port is a whole number/);
  });
});

describe('cli invoke', () => {
  it('runs a function with a saved event or a payload, response on stdout, log on stderr', async () => {
    const workspace = join(temp, 'invoke');
    const store = createFunctionStore({ layout: await openWorkspace(workspace), templates: createTemplates(join(projectPaths.resourcesDir, 'templates')) });
    await store.create('hello', 'node-js');
    await store.create('broken', 'node-js');
    await store.writeFile('broken', 'index.mjs', "export const handler = async () => { throw new TypeError('no luck'); };\n");

    const started = Date.now();
    const saved = await runCli(['invoke', 'hello', '--workspace', workspace, '--event', 'example']);
    expect(saved.code).toBe(0);
    expect(JSON.parse(saved.stdout)).toMatchObject({ message: 'Hello, Ada!' });
    expect(saved.stderr).toContain('Greeting Ada');
    expect(Date.now() - started).toBeLessThan(8_000);

    const given = await runCli(['invoke', 'hello', '--workspace', workspace, '--payload', '{"name":"Bo"}', '--json']);
    expect(given.code).toBe(0);
    const result = JSON.parse(given.stdout) as { payload: string; report: { memorySizeMb: number } };
    expect(JSON.parse(result.payload)).toMatchObject({ message: 'Hello, Bo!' });
    expect(result.report.memorySizeMb).toBe(128);

    const failed = await runCli(['invoke', 'broken', '--workspace', workspace]);
    expect(failed.code).toBe(1);
    expect(JSON.parse(failed.stdout)).toMatchObject({ errorType: 'TypeError', errorMessage: 'no luck' });

    const missing = await runCli(['invoke', 'ghost', '--workspace', workspace]);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain('There is no function "ghost"');
  });
});
