import { mkdir, mkdtemp, readFile, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FunctionConfig } from '../../../shared/workspace/function-config.ts';
import { decode, startTestService, type TestService } from './test-support.ts';
import { InvokeCommand } from '@aws-sdk/client-lambda';
import { BuildError } from '../bundle/bundle-function.ts';

let t: TestService;
let workspace: string;
beforeAll(async () => {
  t = await startTestService();
  workspace = await mkdtemp(join(tmpdir(), 'workspace-'));
});
afterAll(async () => {
  await t.close();
  await rm(workspace, { recursive: true, force: true });
});

async function writeFunction(name: string, files: Record<string, string>): Promise<string> {
  const dir = join(workspace, 'functions', name);
  await mkdir(dir, { recursive: true });
  for (const [file, text] of Object.entries(files)) {
    await mkdir(dirname(join(dir, file)), { recursive: true });
    await writeFile(join(dir, file), text);
  }
  return dir;
}

describe('workspace functions', () => {
  it('bundles a TypeScript handler to ESM with a source map, leaving the provided SDKs out', async () => {
    const dir = await writeFunction('greeter', {
      'index.ts': `import { LambdaClient, ListFunctionsCommand } from '@aws-sdk/client-lambda';
import { withDurableExecution } from '@aws/durable-execution-sdk-js';
import { shout } from './lib/shout.ts';
interface Input { name: string }
export const handler = async (event: Input) => {
  const client = new LambdaClient({});
  const listed = await client.send(new ListFunctionsCommand({}));
  return { text: shout(event.name), functions: listed.Functions?.map((f) => f.FunctionName), durableSdk: typeof withDurableExecution };
};`,
      'lib/shout.ts': `export const shout = (s: string): string => s.toUpperCase() + '!';`,
    });
    // Durable on: the sandbox gets AWS_ENDPOINT_URL_LAMBDA, so the SDK inside calls the studio itself.
    const config = FunctionConfig.parse({ runtime: 'nodejs22.x', handler: 'index.handler', durable: { enabled: true } });
    const synced = await t.service.syncWorkspaceFunction({ name: 'greeter', dir, config });
    // Each build gets a folder of its own, so a sandbox starting meanwhile keeps the previous one.
    expect(dirname(synced.codeDir)).toBe(join(workspace, '.studio', 'build', 'greeter'));
    expect((await readdir(synced.codeDir)).sort()).toEqual(['index.mjs', 'index.mjs.map']);
    const bundle = await readFile(join(synced.codeDir, 'index.mjs'), 'utf8');
    expect(bundle).toContain('from "@aws-sdk/client-lambda"');
    expect(bundle).toContain('toUpperCase');
    expect(bundle).toContain('sourceMappingURL=index.mjs.map');

    const out = await t.client.send(new InvokeCommand({ FunctionName: 'greeter', Payload: JSON.stringify({ name: 'ada' }) }));
    expect(out.FunctionError).toBeUndefined();
    expect(decode(out.Payload)).toEqual({ text: 'ADA!', functions: ['greeter'], durableSdk: 'function' });
  });

  it('picks up a changed handler on the next sync', async () => {
    const dir = await writeFunction('counter', { 'index.ts': 'export const handler = async () => 1;' });
    const config = FunctionConfig.parse({ runtime: 'nodejs22.x', handler: 'index.handler' });
    await t.service.syncWorkspaceFunction({ name: 'counter', dir, config });
    expect((await t.service.invoke({ functionName: 'counter', payload: '{}' })).payload.toString()).toBe('1');
    await writeFile(join(dir, 'index.ts'), 'export const handler = async () => 2;');
    await t.service.syncWorkspaceFunction({ name: 'counter', dir, config });
    const second = await t.service.invoke({ functionName: 'counter', payload: '{}' });
    expect(second.payload.toString()).toBe('2');
    expect(second.logs.at(-1)).toMatch(/^REPORT RequestId: /);
    t.service.removeWorkspaceFunction('counter');
    await expect(t.service.invoke({ functionName: 'counter', payload: '{}' })).rejects.toThrow(/Function not found/);
  });

  it('maps stack traces back to the TypeScript source', async () => {
    const dir = await writeFunction('mapped', { 'index.ts': 'interface A { x: number }\n\nexport const handler = async (e: A) => {\n  throw new Error("boom " + e.x);\n};\n' });
    await t.service.syncWorkspaceFunction({ name: 'mapped', dir, config: FunctionConfig.parse({ runtime: 'nodejs22.x', handler: 'index.handler' }) });
    const out = await t.service.invoke({ functionName: 'mapped', payload: '{"x":1}' });
    expect(out.errorType).toBe('Error');
    const doc = JSON.parse(out.payload.toString()) as { trace: string[] };
    expect(doc.trace[1]).toContain(`${join(dir, 'index.ts')}:4:9`);
  });

  it('explains a build error with its location', async () => {
    const dir = await writeFunction('typo', { 'index.ts': 'export const handler = async () => {\n  return (1 + ;\n};' });
    const config = FunctionConfig.parse({ runtime: 'nodejs22.x', handler: 'index.handler' });
    const error = await t.service.syncWorkspaceFunction({ name: 'typo', dir, config }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(BuildError);
    expect((error as BuildError).problems[0]).toMatchObject({ file: 'index.ts', line: 2 });
    expect((error as BuildError).message).toMatch(/did not build/);
  });

  it('runs a Python workspace function from its folder', async () => {
    const dir = await writeFunction('py-ws', { 'main.py': 'def run(event, context):\n    return {"v": event["v"] + 1}\n' });
    const config = FunctionConfig.parse({ runtime: 'python3.13', handler: 'main.run' });
    const synced = await t.service.syncWorkspaceFunction({ name: 'py-ws', dir, config });
    expect(synced.codeDir).toBe(dir);
    const out = await t.service.invoke({ functionName: 'py-ws', payload: '{"v": 1}' });
    expect(JSON.parse(out.payload.toString())).toEqual({ v: 2 });
  });
});
