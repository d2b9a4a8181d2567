import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DeployProgress, MethodName, MethodOutput, ParsedInput } from '../../../shared/contract/index.ts';
import { WORKFLOW_RUNNER_FUNCTION } from '../../../shared/workflow/runner-event.ts';
import type { WorkflowGraphInput } from '../../../shared/workflow/schema.ts';
import type { StudioServices } from '../studio/studio-services.ts';
import { startTestStudio, untilWith } from '../studio/test-support.ts';
import { type DurableHarness, startDurableHarness } from '../durable/test-support.ts';
import { invokePolicyName } from './deploy-workflow.ts';
import { startFakeIam, writeAwsFiles } from './test-support.ts';

/**
 * A workflow deployed to and run on a stand-in AWS account: a second local Lambda service reached
 * through a profile, IAM a small stand-in, as in `aws-target.test.ts`.
 */

let dir: string;
let cloud: DurableHarness;
let iam: Awaited<ReturnType<typeof startFakeIam>>;
let studio: StudioServices;
const events: { event: string; payload: unknown }[] = [];

function call<M extends MethodName>(method: M, input: ParsedInput<M>): Promise<MethodOutput<M>> {
  return (studio.handlers[method] as (input: ParsedInput<M>) => Promise<MethodOutput<M>>)(input);
}

const until = untilWith({ timeoutMs: 15_000, intervalMs: 50 });

const at = { x: 0, y: 0 };
/** Input → price (Lambda) → approve (Approval) → label (Lambda) → Output. */
const graph: WorkflowGraphInput = {
  blocks: [
    { id: 'start', type: 'input', position: at, sample: { orderId: 'o-1', items: [{ sku: 'tea', quantity: 2, unitPrice: 1.5 }] } },
    { id: 'price', type: 'lambda', position: at, function: 'price' },
    { id: 'approve', type: 'approval', position: at, instructions: 'Ship it?' },
    { id: 'label', type: 'lambda', position: at, function: 'label', input: '{"order": blocks.price, "approver": data.approver}' },
    { id: 'done', type: 'output', position: at },
  ],
  edges: [
    { id: 'a', source: 'start', target: 'price' },
    { id: 'b', source: 'price', target: 'approve' },
    { id: 'c', source: 'approve', target: 'label' },
    { id: 'd', source: 'label', target: 'done' },
  ],
};

const LABEL = `export const handler = async (event: { data: { order: { orderId: string; total: number }; approver: string } }) => ({
  label: \`\${event.data.order.orderId} (\${event.data.order.total}) approved by \${event.data.approver}\`,
});
`;

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'studio-aws-workflow-'));
  cloud = await startDurableHarness();
  iam = await startFakeIam();
  const { accessKeyId, secretAccessKey } = cloud.service.credentials;
  const files = await writeAwsFiles(dir, {
    config: `[profile cloud]\nregion = ${cloud.service.region}\n`,
    credentials: `[cloud]\naws_access_key_id = ${accessKeyId}\naws_secret_access_key = ${secretAccessKey}\n`,
  });
  process.env['AWS_CONFIG_FILE'] = files.configFile;
  process.env['AWS_SHARED_CREDENTIALS_FILE'] = files.credentialsFile;
  for (const name of ['AWS_PROFILE', 'AWS_ACCESS_KEY_ID', 'AWS_SECRET_ACCESS_KEY', 'AWS_SESSION_TOKEN']) delete process.env[name];
  process.env['HOME'] = dir;

  studio = await startTestStudio(join(dir, 'workspace'), {
    syncOnStart: false,
    configDir: join(dir, 'config'),
    awsClients: { serviceEndpoints: { iam: iam.url }, maxAttempts: 2 },
    log: () => {},
  });
  studio.events.subscribe((event, payload) => events.push({ event, payload }));
  await call('functions.create', { name: 'price', template: 'workflow-block-ts' });
  await call('functions.create', { name: 'label', template: 'workflow-block-ts' });
  await call('functions.writeFile', { name: 'label', path: 'index.ts', content: LABEL });
  await call('workflows.save', { name: 'ship', graph: graph as ParsedInput<'workflows.save'>['graph'] });
  await call('targets.save', { name: 'cloud', profile: 'cloud', region: cloud.service.region, endpoint: cloud.service.endpoint });
}, 60_000);

afterAll(async () => {
  await studio?.close();
  await cloud?.close();
  await iam?.close();
  await rm(dir, { recursive: true, force: true });
});

describe('a workflow on an AWS target', () => {
  it('refuses to run before it is deployed, saying to deploy it first', async () => {
    await expect(call('workflows.run', { name: 'ship', target: 'cloud' })).rejects.toMatchObject({
      code: 'NOT_FOUND',
      message: expect.stringContaining('deploy the workflow "ship" there first'),
    });
  });

  it('deploys its functions and the runner, the runner allowed to invoke them', async () => {
    const result = await call('workflows.deploy', { name: 'ship', target: 'cloud', role: { create: true } });
    expect(result.functions).toEqual([
      { name: 'label', version: '1', aliasArn: expect.stringMatching(/:function:label:live$/) },
      { name: 'price', version: '1', aliasArn: expect.stringMatching(/:function:price:live$/) },
    ]);
    expect(result.runner).toMatchObject({ version: '1', aliasArn: expect.stringMatching(new RegExp(`:function:${WORKFLOW_RUNNER_FUNCTION}:live$`)) });
    const deployed = events.filter((e) => e.event === 'deploy.progress' && (e.payload as DeployProgress).step === 'alias' && (e.payload as DeployProgress).status === 'done');
    expect(deployed.map((e) => (e.payload as DeployProgress).functionName)).toEqual(['label', 'price', WORKFLOW_RUNNER_FUNCTION]);
    const role = iam.roles.get(`lambda-studio-${WORKFLOW_RUNNER_FUNCTION}`);
    expect(JSON.parse(role?.inline['durable-execution'] ?? '{}')).toMatchObject({ Statement: [{ Action: ['lambda:CheckpointDurableExecution', 'lambda:GetDurableExecutionState'] }] });
    const invoke = JSON.parse(role?.inline[invokePolicyName('ship')] ?? '{}') as { Statement: { Action: string[]; Resource: string[] }[] };
    expect(invoke.Statement[0]?.Action).toEqual(['lambda:InvokeFunction']);
    expect(invoke.Statement[0]?.Resource).toEqual(expect.arrayContaining([expect.stringMatching(/:function:price$/), expect.stringMatching(/:function:label:\*$/)]));
  });

  it('runs there: the approval answered on the target, the output back, operations named after the blocks', async () => {
    const { executionArn, executionName } = await call('workflows.run', { name: 'ship', target: 'cloud' });
    expect(executionName).toMatch(/^ship-\d{8}-\d{6}-[0-9a-f]{4}$/);
    expect(executionArn).toContain(`:function:${WORKFLOW_RUNNER_FUNCTION}:1/durable-execution/`);
    expect((await call('executions.list', {})).items).toEqual([]);

    const pending = await until(async () => (await call('callbacks.pending', { target: 'cloud' })).find((c) => c.executionArn === executionArn), 'the approval');
    expect(pending.operationName).toBe('approve');
    await call('callbacks.succeed', { target: 'cloud', callbackId: pending.callbackId, result: '{"approved":true,"approver":"ada"}' });
    const done = await until(async () => {
      const got = await call('executions.get', { target: 'cloud', arn: executionArn });
      return got.Status === 'RUNNING' ? undefined : got;
    }, 'the run to end');
    expect(done.Status).toBe('SUCCEEDED');
    expect(JSON.parse(done.Result ?? 'null')).toEqual({ label: 'o-1 (3) approved by ada' });

    const history = await call('executions.history', { target: 'cloud', arn: executionArn });
    // Every operation is named after its block; the execution's own events carry the run's name.
    const names = new Set(history.Events.filter((e) => e.Name !== undefined && !e.EventType.startsWith('Execution')).map((e) => e.Name));
    expect(names).toEqual(new Set(['price', 'approve', 'label', 'done']));

    const runs = await call('workflows.runs', { name: 'ship', target: 'cloud' });
    expect(runs).toEqual([expect.objectContaining({ executionArn, executionName, status: 'SUCCEEDED' })]);
    expect(await call('workflows.runs', { name: 'ship' })).toEqual([]);
  });

  it('deploys again in place: a changed function gets a new version and live moves to it', async () => {
    await call('functions.writeFile', { name: 'label', path: 'index.ts', content: `${LABEL}export const changed = 1;\n` });
    const again = await call('workflows.deploy', { name: 'ship', target: 'cloud' });
    expect(again.runner.version).toBe('1');
    expect(again.functions.map((f) => [f.name, f.version])).toEqual([['label', '2'], ['price', '1']]);
    expect((await call('deploy.status', { name: 'label' })).targets.find((t) => t.target === 'cloud')).toMatchObject({ version: '2', liveVersion: '2' });
  });
});
