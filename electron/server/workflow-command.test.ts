import { LambdaClient, SendDurableExecutionCallbackSuccessCommand } from '@aws-sdk/client-lambda';
import { spawn } from 'node:child_process';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { WorkflowGraphInput } from '../../shared/workflow/schema.ts';
import { createTemplates } from '../services/templates/templates.ts';
import { createWorkflowStore } from '../services/workflows/workflow-store.ts';
import { createFunctionStore } from '../services/workspace/function-store.ts';
import { openWorkspace } from '../services/workspace/layout.ts';
import { projectPaths } from './project-paths.ts';

const cli = join(import.meta.dirname, 'cli.ts');
let workspace: string;

type Outcome = { code: number | null; stdout: string; stderr: string };

function startCli(args: string[]) {
  return spawn(process.execPath, ['--disable-warning=ExperimentalWarning', cli, ...args], { stdio: ['ignore', 'pipe', 'pipe'] });
}

function runCli(args: string[]): Promise<Outcome> {
  const child = startCli(args);
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  return new Promise((resolve) => child.once('close', (code) => resolve({ code, stdout, stderr })));
}

const at = { x: 0, y: 0 };
/** Input → one more block → Output, the shape most of these tests need. */
function through(block: WorkflowGraphInput['blocks'][number], sample?: unknown): WorkflowGraphInput {
  return {
    blocks: [{ id: 'start', type: 'input', position: at, ...(sample === undefined ? {} : { sample }) }, block, { id: 'done', type: 'output', position: at }],
    edges: [
      { id: 'a', source: 'start', target: block.id },
      { id: 'b', source: block.id, target: 'done' },
    ],
  };
}

beforeAll(async () => {
  workspace = await mkdtemp(join(tmpdir(), 'studio-workflow-cli-'));
  const layout = await openWorkspace(workspace);
  const functions = createFunctionStore({ layout, templates: createTemplates(join(projectPaths.resourcesDir, 'templates')) });
  await functions.create('price', 'workflow-block-ts');
  await functions.create('broken', 'node-js');
  await functions.writeFile('broken', 'index.mjs', "export const handler = async () => { throw new TypeError('no luck'); };\n");
  const workflows = createWorkflowStore(layout);
  const order = { orderId: 'o-1', items: [{ sku: 'tea', quantity: 2, unitPrice: 1.5 }] };
  await workflows.save('price', through({ id: 'price', type: 'lambda', position: at, function: 'price' }, order));
  await workflows.save('fails', through({ id: 'call', type: 'lambda', position: at, function: 'broken' }));
  await workflows.save('approve', through({ id: 'ok', type: 'approval', position: at, instructions: 'Ship it?' }));
  await workflows.save('invalid', through({ id: 'call', type: 'lambda', position: at, function: 'nobody' }));
});

afterAll(() => rm(workspace, { recursive: true, force: true }));

describe('cli workflow run', () => {
  it('prints the execution ARN first, then the output, and exits 0', async () => {
    const sample = await runCli(['workflow', 'run', 'price', '--workspace', workspace]);
    expect(sample.code, sample.stderr).toBe(0);
    const [arn, output, ...rest] = sample.stdout.split('\n');
    expect(arn).toMatch(/^arn:aws:lambda:.*:function:studio-workflow-runner:.*\/durable-execution\/price-/);
    // Without a payload the Input block's sample goes in.
    expect(JSON.parse(output ?? '')).toEqual({ orderId: 'o-1', itemCount: 2, total: 3 });
    expect(rest).toEqual(['']);

    const payload = JSON.stringify({ orderId: 'o-2', items: [{ sku: 'jam', quantity: 3, unitPrice: 2 }] });
    const given = await runCli(['workflow', 'run', 'price', '--workspace', workspace, '--payload', payload]);
    expect(given.code, given.stderr).toBe(0);
    expect(JSON.parse(given.stdout.split('\n')[1] ?? '')).toEqual({ orderId: 'o-2', itemCount: 3, total: 6 });
  });

  it('exits 1 with the error on stderr when the run fails', async () => {
    const failed = await runCli(['workflow', 'run', 'fails', '--workspace', workspace]);
    expect(failed.code).toBe(1);
    expect(failed.stdout).toMatch(/^arn:aws:lambda:\S+\n$/);
    expect(failed.stderr).toContain('The workflow "fails" failed');
    expect(failed.stderr).toContain('no luck');
  });

  it('exits 2 when the run cannot start: no such workflow, an invalid graph, a malformed payload', async () => {
    const missing = await runCli(['workflow', 'run', 'ghost', '--workspace', workspace]);
    expect(missing).toMatchObject({ code: 2, stdout: '' });
    expect(missing.stderr).toContain('There is no workflow "ghost"');

    const invalid = await runCli(['workflow', 'run', 'invalid', '--workspace', workspace]);
    expect(invalid).toMatchObject({ code: 2, stdout: '' });
    expect(invalid.stderr).toContain('The workflow "invalid" cannot run: 1 problem');
    expect(invalid.stderr).toContain('Block "call" (function): runs function "nobody", which is not in the workspace');

    const payload = await runCli(['workflow', 'run', 'price', '--workspace', workspace, '--payload', '{"name": }']);
    expect(payload).toMatchObject({ code: 2, stdout: '' });
    expect(payload.stderr).toContain('The payload is not valid JSON at line 1, column 10');
  });

  it('says how to approve a pending approval, and finishes once it is approved', async () => {
    const child = startCli(['workflow', 'run', 'approve', '--workspace', workspace]);
    let stdout = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    const exited = new Promise<number | null>((resolve) => child.once('close', resolve));
    const line = await new Promise<string>((resolve, reject) => {
      const lines: string[] = [];
      createInterface({ input: child.stderr }).on('line', (text) => {
        lines.push(text);
        if (text.includes('callback id')) resolve(text);
      });
      void exited.then((code) => reject(new Error(`exited with ${code} before an approval: ${lines.join('\n')}`)));
    });
    expect(line).toContain('"ok" waits for approval (Ship it?)');
    const callbackId = /callback id (\S+)\./.exec(line)?.[1] ?? '';
    const endpoint = /--endpoint-url (\S+)/.exec(line)?.[1] ?? '';
    expect(line).toContain(`--callback-id ${callbackId}`);

    // Approve as the line says, with the workspace's keys.
    const keys = JSON.parse(await readFile(join(workspace, '.studio', 'lambda-credentials.json'), 'utf8')) as { accessKeyId: string; secretAccessKey: string };
    const client = new LambdaClient({ endpoint, region: 'us-east-1', credentials: keys, maxAttempts: 1 });
    await client.send(new SendDurableExecutionCallbackSuccessCommand({ CallbackId: callbackId, Result: Buffer.from('{"approved":true}') }));
    client.destroy();

    expect(await exited).toBe(0);
    const [arn, output] = stdout.split('\n');
    expect(arn).toMatch(/durable-execution\/approve-/);
    expect(JSON.parse(output ?? '')).toEqual({ approved: true });
  });
});

describe('cli workflow export', () => {
  it('prints the generated handler, and exits 2 for a workflow that is not there', async () => {
    const exported = await runCli(['workflow', 'export', 'price', '--workspace', workspace]);
    expect(exported.code, exported.stderr).toBe(0);
    expect(exported.stdout).toContain('withDurableExecution');
    expect(exported.stdout).toContain('"price"');
    const missing = await runCli(['workflow', 'export', 'ghost', '--workspace', workspace]);
    expect(missing).toMatchObject({ code: 2, stdout: '' });
    expect(missing.stderr).toContain('There is no workflow "ghost"');
  });
});
