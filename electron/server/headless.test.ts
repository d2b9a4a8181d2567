import { CreateFunctionCommand, InvokeCommand, LambdaClient, ListFunctionsCommand } from '@aws-sdk/client-lambda';
import { CloudDurableTestRunner, WaitingOperationStatus } from '@aws/durable-execution-sdk-js-testing';
import { type ChildProcess, spawn } from 'node:child_process';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { zipOf } from '../services/lambda/test-support.ts';
import { freePort } from './test-support.ts';

const cli = join(import.meta.dirname, 'cli.ts');
const credentials = { accessKeyId: 'AKIACITESTKEY0001', secretAccessKey: 'ci/secret+key' };

/** A durable handler with a step, a wait and a callback, as a project under test would hold it. */
const FLOW = `import { withDurableExecution } from '@aws/durable-execution-sdk-js';
export const handler = withDurableExecution(async (event, context) => {
  const order = await context.step('validate', async () => 'order-' + event.id);
  await context.wait('cool-off', { seconds: 1 });
  const decision = await context.waitForCallback('approval', async () => {}, { timeout: { seconds: 60 } });
  return { order, decision };
});
`;

interface Ready {
  workspace: string;
  lambdaEndpoint: string;
  region: string;
  accessKeyId: string;
  secretAccessKey: string;
  functions: string[];
}

let temp: string;
let child: ChildProcess;
let ready: Ready;
let port: number;
let client: LambdaClient;

beforeAll(async () => {
  temp = await mkdtemp(join(tmpdir(), 'studio-headless-'));
  const folder = join(temp, 'functions', 'flow');
  await mkdir(folder, { recursive: true });
  await writeFile(join(folder, 'index.mjs'), FLOW);
  await writeFile(
    join(folder, 'function.json'),
    JSON.stringify({ runtime: 'nodejs22.x', handler: 'index.handler', timeout: 30, durable: { enabled: true, executionTimeout: 300, retentionPeriodInDays: 1 } }),
  );
  port = await freePort();
  child = spawn(process.execPath, [cli, 'serve', '--no-ui', '--workspace', temp, '--lambda-port', String(port), '--credentials', `${credentials.accessKeyId}:${credentials.secretAccessKey}`], {
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stderr = '';
  child.stderr?.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  const first = await new Promise<string>((resolve, reject) => {
    createInterface({ input: child.stdout! }).once('line', resolve);
    child.once('exit', (code) => reject(new Error(`exited early with ${code}: ${stderr}`)));
  });
  ready = JSON.parse(first) as Ready;
  client = new LambdaClient({ endpoint: ready.lambdaEndpoint, region: ready.region, credentials });
}, 60_000);

afterAll(async () => {
  client?.destroy();
  if (child?.exitCode === null) {
    child.kill('SIGKILL');
    await new Promise((resolve) => child.once('exit', resolve));
  }
  await rm(temp, { recursive: true, force: true });
});

describe('serve --no-ui', () => {
  it('prints where the Lambda API is, on the port and with the credentials asked for, and the functions it deployed', () => {
    expect(ready).toEqual({ workspace: temp, lambdaEndpoint: `http://127.0.0.1:${port}`, region: 'us-east-1', ...credentials, functions: ['flow'] });
  });

  it('serves no web interface', async () => {
    const listed = await client.send(new ListFunctionsCommand({}));
    expect(listed.Functions?.map((f) => f.FunctionName)).toEqual(['flow']);
    // Only the Lambda API listens: its root is no page.
    const root = await fetch(ready.lambdaEndpoint);
    expect(root.headers.get('content-type') ?? '').not.toContain('text/html');
  });

  it("runs the workspace's durable function under the official testing SDK's cloud runner, callback included", async () => {
    const runner = new CloudDurableTestRunner<{ order: string; decision: string }>({ functionName: 'flow:$LATEST', client, config: { invocationType: 'Event' } });
    const approval = runner.getOperation('approval');
    const run = runner.run({ payload: { id: 7 } });
    await approval.waitForData(WaitingOperationStatus.STARTED);
    const callback = approval.getChildOperations()?.find((op) => op.isCallback());
    expect(callback).toBeDefined();
    await callback?.sendCallbackSuccess('approved');
    const result = await run;
    expect(result.getStatus()).toBe('SUCCEEDED');
    expect(result.getResult()).toEqual({ order: 'order-7', decision: 'approved' });
    expect(runner.getOperation('cool-off').getWaitDetails()?.waitSeconds).toBe(1);
  }, 60_000);

  it('takes CreateFunction calls, and refuses requests signed with other credentials', async () => {
    await client.send(
      new CreateFunctionCommand({
        FunctionName: 'echo',
        Runtime: 'nodejs22.x',
        Role: 'arn:aws:iam::000000000000:role/x',
        Handler: 'index.handler',
        Code: { ZipFile: zipOf({ 'index.mjs': 'export const handler = async (event) => ({ echoed: event });' }) },
      }),
    );
    const out = await client.send(new InvokeCommand({ FunctionName: 'echo', Payload: JSON.stringify({ a: 1 }) }));
    expect(JSON.parse(Buffer.from(out.Payload ?? new Uint8Array()).toString())).toEqual({ echoed: { a: 1 } });

    const stranger = new LambdaClient({ endpoint: ready.lambdaEndpoint, region: ready.region, credentials: { accessKeyId: 'AKIAOTHERKEY00001', secretAccessKey: 'other' } });
    await expect(stranger.send(new ListFunctionsCommand({}))).rejects.toMatchObject({ name: 'UnrecognizedClientException' });
    stranger.destroy();
  }, 30_000);

  it('exits 0 on SIGTERM', async () => {
    const exited = new Promise<number | null>((resolve) => child.once('exit', resolve));
    child.kill('SIGTERM');
    expect(await exited).toBe(0);
  }, 15_000);
});

describe('serve --credentials', () => {
  it('refuses credentials without a secret, before starting anything', async () => {
    const bad = spawn(process.execPath, [cli, 'serve', '--no-ui', '--workspace', join(temp, 'unused'), '--credentials', 'AKIAONLYKEY'], { stdio: ['ignore', 'pipe', 'pipe'] });
    let stderr = '';
    bad.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    const code = await new Promise<number | null>((resolve) => bad.once('exit', resolve));
    expect(code).not.toBe(0);
    expect(stderr).toContain('ACCESS_KEY_ID:SECRET_ACCESS_KEY');
  }, 15_000);
});
