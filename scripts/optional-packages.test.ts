import { InvokeCommand, LambdaClient } from '@aws-sdk/client-lambda';
import { type ChildProcess, spawn } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

// A fresh install compiles nothing the process runner and the interface do not need: the
// runtime interface client (compiled from source by its install script) is no npm dependency of
// the studio, and the studio starts and runs handlers without it anywhere on the machine.
const root = join(import.meta.dirname, '..');
const cli = join(root, 'electron', 'server', 'cli.ts');
const manifest = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as Record<string, Record<string, unknown> | undefined>;

describe('the studio without aws-lambda-ric', () => {
  let temp: string;
  let child: ChildProcess | undefined;
  let client: LambdaClient;

  beforeAll(async () => {
    temp = await mkdtemp(join(tmpdir(), 'studio-no-ric-'));
    const workspace = join(temp, 'workspace');
    const fn = async (name: string, files: Record<string, string>, config: Record<string, unknown>) => {
      await mkdir(join(workspace, 'functions', name), { recursive: true });
      await writeFile(join(workspace, 'functions', name, 'function.json'), JSON.stringify({ memorySize: 128, timeout: 10, runner: 'process', ...config }));
      for (const [file, text] of Object.entries(files)) await writeFile(join(workspace, 'functions', name, file), text);
    };
    await fn('node-fn', { 'index.mjs': "import { LambdaClient } from '@aws-sdk/client-lambda';\nexport const handler = async (e) => ({ n: e.n + 1, sdk: typeof LambdaClient });\n" }, { runtime: 'nodejs22.x', handler: 'index.handler' });
    await fn('py-fn', { 'app.py': 'def handler(e, c):\n    return {"n": e["n"] * 2}\n' }, { runtime: 'python3.13', handler: 'app.handler' });
    // An empty data folder: no runtime client installed there either.
    child = spawn(process.execPath, ['--disable-warning=ExperimentalWarning', cli, 'serve', '--workspace', workspace, '--port', '0', '--lambda-port', '0', '--no-open'], {
      stdio: ['ignore', 'pipe', 'pipe'],
      env: { ...process.env, LAMBDA_STUDIO_DATA_DIR: join(temp, 'data') },
    });
    let stderr = '';
    child.stderr?.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    const line = await new Promise<string>((resolve, reject) => {
      createInterface({ input: child!.stdout! }).once('line', resolve);
      child!.once('exit', (code) => reject(new Error(`serve exited early with ${code}: ${stderr}`)));
    });
    const printed = JSON.parse(line) as Record<'lambdaEndpoint' | 'region' | 'accessKeyId' | 'secretAccessKey', string>;
    client = new LambdaClient({
      endpoint: printed.lambdaEndpoint,
      region: printed.region,
      credentials: { accessKeyId: printed.accessKeyId, secretAccessKey: printed.secretAccessKey },
      maxAttempts: 1,
    });
  });

  afterAll(async () => {
    client?.destroy();
    if (child !== undefined && child.exitCode === null) {
      const exited = new Promise((resolve) => child!.once('exit', resolve));
      child.kill('SIGTERM');
      await exited;
    }
    await rm(temp, { recursive: true, force: true });
  });

  it('is no dependency of the studio, and is not in node_modules', () => {
    for (const list of ['dependencies', 'devDependencies', 'optionalDependencies']) expect(Object.keys(manifest[list] ?? {})).not.toContain('aws-lambda-ric');
    expect(existsSync(join(root, 'node_modules', 'aws-lambda-ric'))).toBe(false);
  });

  it('starts and runs Node.js and Python handlers with the process runner', async () => {
    const call = async (name: string, payload: unknown) => {
      // Workspace functions register as the studio starts: wait until this one answers.
      await expect.poll(() => client.send(new InvokeCommand({ FunctionName: name, Payload: JSON.stringify(payload) })).then((o) => o.StatusCode, () => 0), { timeout: 15_000 }).toBe(200);
      const out = await client.send(new InvokeCommand({ FunctionName: name, Payload: JSON.stringify(payload) }));
      expect(out.FunctionError).toBeUndefined();
      return JSON.parse(new TextDecoder().decode(out.Payload)) as unknown;
    };
    expect(await call('node-fn', { n: 1 })).toEqual({ n: 2, sdk: 'function' });
    expect(await call('py-fn', { n: 21 })).toEqual({ n: 42 });
    expect(existsSync(join(temp, 'data'))).toBe(false);
  });
});
