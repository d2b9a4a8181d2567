import { CreateFunctionCommand, GetFunctionCommand, LambdaClient } from '@aws-sdk/client-lambda';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { WORKFLOW_RUNNER_FUNCTION } from '../../../shared/workflow/runner-event.ts';
import type { WorkflowGraphInput } from '../../../shared/workflow/schema.ts';
import { attachDurableEngine } from '../durable/attach.ts';
import type { DurableEngine } from '../durable/engine.ts';
import { createLocalLambdaService, type LocalLambdaService } from '../lambda/lambda-service.ts';
import { zipOf } from '../lambda/test-support.ts';
import { createTemplates } from '../templates/templates.ts';
import { createWorkflowRunIndex } from '../workflows/run-index.ts';
import { createWorkflowStore } from '../workflows/workflow-store.ts';
import { createFunctionStore } from '../workspace/function-store.ts';
import { openWorkspace, type WorkspaceLayout } from '../workspace/layout.ts';
import { createFunctionSync, type FunctionSync } from '../local-run/function-sync.ts';
import { createDispatch, type Dispatch } from './handler-table.ts';
import { createLambdaApiClient } from '../lambda-client/lambda-api-client.ts';
import { createWorkflowRuns } from './workflow-runs.ts';
import { createWorkflowsHandlers } from './workflows-handlers.ts';
import { untilWith } from '../studio/test-support.ts';

/**
 * A stand-in for the workflow runner: a durable function that answers with what it was given,
 * so these tests see the event a run starts with, whatever the real runner does with it.
 */
const STAND_IN_RUNNER = `
import { withDurableExecution } from '@aws/durable-execution-sdk-js';
export const handler = withDurableExecution(async (event, ctx) =>
  ctx.step('echo', async () => ({ workflow: event.workflow, blocks: event.graph.blocks.map((b) => b.id), input: event.input })),
);
`;

const root = join(import.meta.dirname, '..', '..', '..');
let layout: WorkspaceLayout;
let lambda: LocalLambdaService;
let engine: DurableEngine;
let sync: FunctionSync;
let client: LambdaClient;
let call: Dispatch;
let runnerReadyCalls = 0;

/** Calls a method through the dispatch, as a transport does, and throws the wire error. */
async function api<T>(method: string, input: unknown): Promise<T> {
  const result = await call(method, input);
  if (!result.ok) throw Object.assign(new Error(result.error.message), result.error);
  return result.value as T;
}

const until = untilWith();

const at = { x: 0, y: 0 };
const greeting: WorkflowGraphInput = {
  blocks: [
    { id: 'start', type: 'input', position: at, sample: { name: 'Ada' } },
    { id: 'greet', type: 'lambda', position: at, function: 'hello' },
    { id: 'done', type: 'output', position: at },
  ],
  edges: [
    { id: 'a', source: 'start', target: 'greet' },
    { id: 'b', source: 'greet', target: 'done' },
  ],
};

beforeAll(async () => {
  layout = await openWorkspace(await mkdtemp(join(tmpdir(), 'studio-workflow-handlers-')));
  lambda = await createLocalLambdaService({ stateDir: layout.state, idleSandboxMs: 60_000 });
  engine = await attachDurableEngine(lambda, { stateDir: layout.state });
  client = new LambdaClient({ endpoint: lambda.endpoint, region: lambda.region, credentials: lambda.credentials, maxAttempts: 1 });
  const functions = createFunctionStore({ layout, templates: createTemplates(join(root, 'resources', 'templates')) });
  await functions.create('hello', 'node-js');
  sync = createFunctionSync({ functions, lambda });
  const workflows = createWorkflowStore(layout);
  const index = createWorkflowRunIndex(join(layout.state, 'workflow-runs'));
  let deployed: Promise<void> | undefined;
  const runner = {
    ready() {
      runnerReadyCalls += 1;
      deployed ??= client
        .send(
          new CreateFunctionCommand({
            FunctionName: WORKFLOW_RUNNER_FUNCTION,
            Runtime: 'nodejs22.x',
            Role: 'arn:aws:iam::000000000000:role/runner',
            Handler: 'index.handler',
            Code: { ZipFile: zipOf({ 'index.mjs': STAND_IN_RUNNER }) },
            Timeout: 30,
            DurableConfig: { ExecutionTimeout: 600, RetentionPeriodInDays: 1 },
          }),
        )
        .then(() => undefined);
      return deployed;
    },
  };
  const apiCall = createLambdaApiClient(() => ({ endpoint: lambda.endpoint, region: lambda.region, credentials: lambda.credentials }));
  const runs = createWorkflowRuns({ workflows, functions, sync, runner, call: apiCall, index });
  const handlers = createWorkflowsHandlers({ workflows, runs, index, exportCode: (name, graph) => `// ${name}: ${graph.blocks.length} blocks\n`,
    deploy: () => Promise.reject(new Error('no AWS target in this test')),
  });
  // Only this area's methods are real; the dispatch checks inputs and outputs against the contract.
  call = createDispatch(handlers as Parameters<typeof createDispatch>[0]);
}, 60_000);

afterAll(async () => {
  client.destroy();
  await sync.close();
  engine.close();
  await lambda.close();
  await rm(layout.root, { recursive: true, force: true });
});

type Started = { executionArn: string; executionName: string };
type Run = { executionArn: string; executionName: string; status: string; startedMs: number; endedMs?: number };

const runsOf = (name: string) => api<Run[]>('workflows.runs', { name });
const finished = (name: string, arn: string) =>
  until(async () => {
    const run = (await runsOf(name)).find((r) => r.executionArn === arn);
    return run !== undefined && run.status !== 'RUNNING' ? run : undefined;
  }, `${arn} to finish`);
async function resultOf(arn: string): Promise<unknown> {
  const { GetDurableExecutionCommand } = await import('@aws-sdk/client-lambda');
  const out = await client.send(new GetDurableExecutionCommand({ DurableExecutionArn: arn }));
  return JSON.parse(out.Result ?? 'null');
}

describe('workflows handlers', () => {
  it('runs a saved workflow: syncs its functions, starts the runner with the graph and input, lists the run', async () => {
    await api('workflows.save', { name: 'greeting', graph: greeting });
    const started = await api<Started>('workflows.run', { name: 'greeting' });
    expect(started.executionName).toMatch(/^greeting-\d{8}-\d{6}-[0-9a-f]{4}$/);
    expect(started.executionArn).toContain(`function:${WORKFLOW_RUNNER_FUNCTION}:`);
    expect(runnerReadyCalls).toBeGreaterThan(0);
    // The Lambda block's function was registered before the run started.
    expect((await client.send(new GetFunctionCommand({ FunctionName: 'hello' }))).Configuration?.FunctionName).toBe('hello');

    const run = await finished('greeting', started.executionArn);
    expect(run).toMatchObject({ executionName: started.executionName, status: 'SUCCEEDED' });
    expect(run.endedMs).toBeGreaterThanOrEqual(run.startedMs);
    // Without a payload the Input block's sample is the input.
    expect(await resultOf(started.executionArn)).toEqual({ workflow: 'greeting', blocks: ['start', 'greet', 'done'], input: { name: 'Ada' } });

    const given = await api<Started>('workflows.run', { name: 'greeting', payload: '{"name": "Bo"}' });
    await finished('greeting', given.executionArn);
    expect(await resultOf(given.executionArn)).toMatchObject({ input: { name: 'Bo' } });
    expect((await runsOf('greeting')).map((r) => r.executionArn)).toEqual([given.executionArn, started.executionArn]);
  });

  it('refuses a malformed payload with its line and column', async () => {
    await expect(api('workflows.run', { name: 'greeting', payload: '{\n  "name": }' })).rejects.toMatchObject({
      code: 'BAD_INPUT',
      message: 'The payload is not valid JSON at line 2, column 11: expected a value.',
    });
  });

  it('refuses a graph that cannot run, one problem per line, naming the blocks', async () => {
    const broken: WorkflowGraphInput = {
      blocks: [
        { id: 'start', type: 'input', position: at },
        { id: 'greet', type: 'lambda', position: at, function: 'nobody' },
        { id: 'stray', type: 'transform', position: at, expression: 'data' },
        { id: 'done', type: 'output', position: at },
      ],
      edges: [
        { id: 'a', source: 'start', target: 'greet' },
        { id: 'b', source: 'greet', target: 'done' },
      ],
    };
    await api('workflows.save', { name: 'broken', graph: broken });
    const error = (await api('workflows.run', { name: 'broken' }).catch((e: unknown) => e)) as { code: string; message: string; details: string };
    expect(error.code).toBe('INVALID_CONFIG');
    expect(error.message).toBe('The workflow "broken" cannot run: 2 problems');
    expect(error.details.split('\n')).toEqual([
      'Block "stray": is not connected to the Input, so it would never run',
      'Block "greet" (function): runs function "nobody", which is not in the workspace',
    ]);
    expect(await runsOf('broken')).toEqual([]);
  });

  it('refuses a workflow whose file is broken or missing', async () => {
    await writeFile(join(layout.workflows, 'garbled.workflow.json'), '{"blocks": 3}');
    await expect(api('workflows.run', { name: 'garbled' })).rejects.toMatchObject({ code: 'INVALID_CONFIG', details: expect.stringContaining('blocks:') });
    await expect(api('workflows.run', { name: 'ghost' })).rejects.toMatchObject({ code: 'NOT_FOUND' });
  });

  it('keeps runs through a rename, drops them on delete, and gives a new workflow of the old name none', async () => {
    const before = await runsOf('greeting');
    expect(before.length).toBe(2);
    await api('workflows.rename', { from: 'greeting', to: 'welcome' });
    expect(await runsOf('greeting')).toEqual([]);
    expect(await runsOf('welcome')).toEqual(before);
    expect(JSON.parse(await readFile(join(layout.state, 'workflow-runs', 'welcome.json'), 'utf8')).runs).toHaveLength(2);

    await api('workflows.duplicate', { from: 'welcome', to: 'copy' });
    expect(await runsOf('copy')).toEqual([]);
    await api('workflows.delete', { name: 'welcome' });
    expect(await runsOf('welcome')).toEqual([]);
    await api('workflows.create', { name: 'welcome' });
    expect(await runsOf('welcome')).toEqual([]);
  });

  it('exports a valid workflow as a handler file, and refuses an invalid one', async () => {
    expect(await api('workflows.export', { name: 'copy' })).toEqual({ fileName: 'copy.handler.ts', code: '// copy: 3 blocks\n' });
    await expect(api('workflows.export', { name: 'broken' })).rejects.toMatchObject({ code: 'INVALID_CONFIG', message: 'The workflow "broken" cannot be exported: 1 problem' });
  });

  it('lists, creates and reads workflows through the contract', async () => {
    const list = await api<{ name: string; blockCount: number; fileError?: string }[]>('workflows.list', {});
    expect(list.map((w) => w.name)).toEqual(['broken', 'copy', 'garbled', 'welcome']);
    expect(list.find((w) => w.name === 'garbled')?.fileError).toMatch(/blocks: /);
    await expect(api('workflows.create', { name: 'copy' })).rejects.toMatchObject({ code: 'CONFLICT' });
    await expect(api('workflows.get', { name: '../x' })).rejects.toMatchObject({ code: 'BAD_INPUT' });
  });
});
