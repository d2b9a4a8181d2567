import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { StudioError } from '../../../shared/contract/errors.ts';
import type { WorkflowGraphInput } from '../../../shared/workflow/schema.ts';
import { createTemplates } from '../templates/templates.ts';
import { createWorkflowStore } from '../workflows/workflow-store.ts';
import { createFunctionStore } from '../workspace/function-store.ts';
import { openWorkspace, type WorkspaceLayout } from '../workspace/layout.ts';
import { createSamExporter, type SamExporter } from './sam-exporter.ts';
import { DurableConfigSchema, ExportedTemplate, lintTemplate } from './test-support.ts';

const templatesDir = join(import.meta.dirname, '..', '..', '..', 'resources', 'templates');
const at = { x: 0, y: 0 };

let layout: WorkspaceLayout;
let exporter: SamExporter;

async function addFunction(name: string, config: object, files: Record<string, string>): Promise<void> {
  const dir = join(layout.functions, name);
  await mkdir(dir, { recursive: true });
  await writeFile(join(dir, 'function.json'), JSON.stringify(config, null, 2));
  for (const [file, content] of Object.entries(files)) await writeFile(join(dir, file), content);
}

async function addWorkflow(name: string, graph: WorkflowGraphInput): Promise<void> {
  await createWorkflowStore(layout).save(name, graph);
}

/** Parses, lints and schema-checks an exported template; every test goes through this. */
async function checked(text: string): Promise<ExportedTemplate> {
  // Read as YAML 1.1, as SAM CLI reads it: a date or boolean where a string belongs fails the schema.
  const template = ExportedTemplate.parse(parse(text, { version: '1.1' }));
  const lint = await lintTemplate(text);
  expect(lint.crit).toEqual([]);
  expect(lint.warn).toEqual([]);
  return template;
}

function propertiesOf(template: ExportedTemplate, id: string): Record<string, unknown> {
  const resource = template.Resources[id];
  if (resource === undefined) throw new Error(`no resource ${id}`);
  return resource.Properties;
}

async function codeOf(promise: Promise<unknown>): Promise<string> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof StudioError) return `${error.code}: ${error.message}${error.details === undefined ? '' : ` | ${error.details}`}`;
    throw error;
  }
  throw new Error('expected the export to fail');
}

beforeEach(async () => {
  layout = await openWorkspace(await mkdtemp(join(tmpdir(), 'studio-export-')));
  const functions = createFunctionStore({ layout, templates: createTemplates(templatesDir) });
  exporter = createSamExporter({ functions, workflows: createWorkflowStore(layout) });
  await addFunction(
    'orders-intake',
    {
      description: 'Takes orders in',
      runtime: 'nodejs22.x',
      handler: 'index.handler',
      memorySize: 256,
      timeout: 30,
      environment: { TABLE: 'orders', API_URL: 'https://example.com', DRY_RUN: 'no' },
      durable: { enabled: true, executionTimeout: 3600, retentionPeriodInDays: 7 },
      runner: 'docker',
    },
    { 'index.ts': 'export const handler = async () => ({});\n' },
  );
  await addFunction('charge_card', { runtime: 'nodejs22.x', handler: 'index.handler' }, { 'index.mjs': 'export const handler = async () => ({});\n' });
  await addFunction('report', { runtime: 'python3.13', handler: 'lambda_function.lambda_handler' }, { 'lambda_function.py': 'def lambda_handler(e, c):\n  return e\n' });
});

afterEach(() => rm(layout.root, { recursive: true, force: true }));

describe('the template check', () => {
  it('is not a no-op: cfn-lint reports a reference to a resource the template lacks', async () => {
    const { text } = await exporter.exportFunction('report');
    const lint = await lintTemplate(text.replace("- ReportFunctionRole\n", "- NoSuchRole\n"));
    expect(lint.crit).toEqual(['Resources > ReportFunction > Properties > Role: No resource with logical name of NoSuchRole!']);
  });
});

describe('functions.exportSam', () => {
  it('exports a durable TypeScript function: esbuild build, durable role, alias and outputs', async () => {
    const { fileName, text } = await exporter.exportFunction('orders-intake');
    expect(fileName).toBe('template.yaml');
    const template = await checked(text);
    expect(Object.keys(template.Resources)).toEqual(['OrdersIntakeFunctionRole', 'OrdersIntakeFunction']);
    const fn = template.Resources['OrdersIntakeFunction'];
    expect(fn?.Type === 'AWS::Serverless::Function' ? fn.Metadata?.BuildProperties.EntryPoints : undefined).toEqual(['index.ts']);
    expect(propertiesOf(template, 'OrdersIntakeFunction')).toEqual({
      FunctionName: 'orders-intake',
      Description: 'Takes orders in',
      CodeUri: 'functions/orders-intake/',
      Handler: 'index.handler',
      Runtime: 'nodejs22.x',
      MemorySize: 256,
      Timeout: 30,
      Role: { 'Fn::GetAtt': ['OrdersIntakeFunctionRole', 'Arn'] },
      AutoPublishAlias: 'live',
      Environment: { Variables: { API_URL: 'https://example.com', DRY_RUN: 'no', TABLE: 'orders' } },
      DurableConfig: { ExecutionTimeout: 3600, RetentionPeriodInDays: 7 },
    });
    DurableConfigSchema.parse(propertiesOf(template, 'OrdersIntakeFunction')['DurableConfig']);
    const statements = JSON.stringify(propertiesOf(template, 'OrdersIntakeFunctionRole'));
    expect(statements).toContain('lambda:CheckpointDurableExecution');
    expect(statements).toContain('lambda:GetDurableExecutionState');
    expect(statements).toContain('function:orders-intake:*');
    expect(statements).toContain('log-group:/aws/lambda/orders-intake:*');
    expect(template.Outputs).toEqual({
      OrdersIntakeFunctionArn: { Description: expect.any(String) as string, Value: { 'Fn::GetAtt': ['OrdersIntakeFunction', 'Arn'] } },
      OrdersIntakeFunctionAliasArn: { Description: expect.any(String) as string, Value: { Ref: 'OrdersIntakeFunction.Alias' } },
    });
  });

  it('exports a function without durable config: no DurableConfig, no durable actions, no build step', async () => {
    for (const name of ['charge_card', 'report']) {
      const template = await checked((await exporter.exportFunction(name)).text);
      const [roleId, fnId] = Object.keys(template.Resources);
      const fn = template.Resources[fnId ?? ''];
      expect(fn?.Type === 'AWS::Serverless::Function' && fn.Metadata === undefined).toBe(true);
      const properties = propertiesOf(template, fnId ?? '');
      expect(properties['DurableConfig']).toBeUndefined();
      expect(properties['Environment']).toBeUndefined();
      expect(properties['AutoPublishAlias']).toBe('live');
      expect(JSON.stringify(propertiesOf(template, roleId ?? ''))).not.toContain('Durable');
    }
  });

  it('gives the same text for the same function, and says which function is missing or broken', async () => {
    expect((await exporter.exportFunction('orders-intake')).text).toBe((await exporter.exportFunction('orders-intake')).text);
    expect(await codeOf(exporter.exportFunction('nope'))).toMatch(/^NOT_FOUND/);
    await writeFile(join(layout.functions, 'report', 'function.json'), '{"runtime": "cobol"}');
    expect(await codeOf(exporter.exportFunction('report'))).toMatch(/^INVALID_CONFIG: functions\/report\/function.json is not valid/);
  });
});

const ORDER_FLOW: WorkflowGraphInput = {
  blocks: [
    { id: 'order', type: 'input', position: at, sample: { items: [1, 2] } },
    { id: 'intake', type: 'lambda', position: at, function: 'orders-intake' },
    { id: 'each', type: 'map', position: at, items: 'data.items' },
    { id: 'charge', type: 'lambda', parent: 'each', position: at, function: 'charge_card' },
    { id: 'summary', type: 'lambda', position: at, function: 'report' },
    { id: 'again', type: 'lambda', position: at, function: 'orders-intake' },
    { id: 'done', type: 'output', position: at },
  ],
  edges: [
    { id: 'e1', source: 'order', target: 'intake' },
    { id: 'e2', source: 'intake', target: 'each' },
    { id: 'e3', source: 'each', target: 'summary' },
    { id: 'e4', source: 'summary', target: 'again' },
    { id: 'e5', source: 'again', target: 'done' },
  ],
};

describe('workflows.exportSam', () => {
  it('exports the runner and each function its Lambda blocks call, the runner allowed to invoke just those', async () => {
    await addWorkflow('orders', ORDER_FLOW);
    const { text } = await exporter.exportWorkflow('orders');
    const template = await checked(text);
    expect(Object.keys(template.Resources)).toEqual([
      'OrdersRunnerFunctionRole',
      'OrdersRunnerFunction',
      'ChargeCardFunctionRole',
      'ChargeCardFunction',
      'OrdersIntakeFunctionRole',
      'OrdersIntakeFunction',
      'ReportFunctionRole',
      'ReportFunction',
    ]);
    const runner = propertiesOf(template, 'OrdersRunnerFunction');
    expect(runner).toMatchObject({ FunctionName: 'orders-runner', CodeUri: 'workflow-runner/', Handler: 'index.handler', Timeout: 900, AutoPublishAlias: 'live' });
    expect(DurableConfigSchema.parse(runner['DurableConfig'])).toEqual({ ExecutionTimeout: 31_622_400, RetentionPeriodInDays: 14 });
    const role = RoleOf(template, 'OrdersRunnerFunctionRole');
    const invoke = role.find((statement) => statement.Sid === 'InvokeWorkflowFunctions');
    expect(invoke).toEqual({
      Sid: 'InvokeWorkflowFunctions',
      Effect: 'Allow',
      Action: ['lambda:InvokeFunction'],
      Resource: [{ Ref: 'ChargeCardFunction.Alias' }, { Ref: 'OrdersIntakeFunction.Alias' }, { Ref: 'ReportFunction.Alias' }],
    });
    expect(role.map((statement) => statement.Sid)).toEqual(['WriteLogs', 'DurableExecution', 'InvokeWorkflowFunctions']);
    // Called functions may invoke nothing.
    expect(RoleOf(template, 'ReportFunctionRole').map((statement) => statement.Sid)).toEqual(['WriteLogs']);
  });

  it('carries the graph in the metadata, each Lambda block calling its function\'s live alias', async () => {
    await addWorkflow('orders', ORDER_FLOW);
    const template = await checked((await exporter.exportWorkflow('orders')).text);
    const workflow = template.Metadata?.['LambdaStudio::Workflow'] as { Workflow: string; Runner: string; Graph: { blocks: { id: string; function?: string }[] } };
    expect(workflow.Workflow).toBe('orders');
    expect(workflow.Runner).toBe('orders-runner');
    expect(workflow.Graph.blocks.flatMap((block) => (block.function === undefined ? [] : [`${block.id}=${block.function}`]))).toEqual([
      'intake=orders-intake:live',
      'charge=charge_card:live',
      'summary=report:live',
      'again=orders-intake:live',
    ]);
  });

  it('refuses a workflow that cannot run, or that calls a function the workspace lacks', async () => {
    await addWorkflow('broken', { blocks: [{ id: 'call', type: 'lambda', position: at, function: '' }], edges: [] });
    expect(await codeOf(exporter.exportWorkflow('broken'))).toMatch(/^BAD_INPUT: The workflow "broken" cannot run/);
    await addWorkflow('ghost', {
      blocks: [
        { id: 'in', type: 'input', position: at },
        { id: 'call', type: 'lambda', position: at, function: 'ghost-fn' },
        { id: 'out', type: 'output', position: at },
      ],
      edges: [
        { id: 'a', source: 'in', target: 'call' },
        { id: 'b', source: 'call', target: 'out' },
      ],
    });
    expect(await codeOf(exporter.exportWorkflow('ghost'))).toBe('NOT_FOUND: The workflow "ghost" calls the function "ghost-fn", which is not in this workspace.');
  });
});

interface StatementShape {
  Sid?: string;
  Effect: string;
  Action: string | string[];
  Resource?: unknown;
}

/** The statements of a role's one inline policy. */
function RoleOf(template: ExportedTemplate, id: string): StatementShape[] {
  const resource = template.Resources[id];
  if (resource?.Type !== 'AWS::IAM::Role') throw new Error(`${id} is not a role`);
  return resource.Properties.Policies[0]?.PolicyDocument.Statement ?? [];
}
