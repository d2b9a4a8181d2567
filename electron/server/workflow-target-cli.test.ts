import { spawn } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { WORKFLOW_RUNNER_FUNCTION } from '../../shared/workflow/runner-event.ts';
import { type DurableHarness, startDurableHarness } from '../services/durable/test-support.ts';
import { writeAwsFiles } from '../services/targets/test-support.ts';
import { createTemplates } from '../services/templates/templates.ts';
import { createWorkflowStore } from '../services/workflows/workflow-store.ts';
import { createFunctionStore } from '../services/workspace/function-store.ts';
import { openWorkspace } from '../services/workspace/layout.ts';
import { projectPaths } from './project-paths.ts';

const cli = join(import.meta.dirname, 'cli.ts');
const ROLE = 'arn:aws:iam::000000000000:role/given';
let temp: string;
let workspace: string;
let cloud: DurableHarness;
let env: NodeJS.ProcessEnv;

/** Runs the CLI to its end; the AWS files and the targets folder are the test's own. */
function run(...args: string[]): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--disable-warning=ExperimentalWarning', cli, ...args], { env, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.once('error', reject);
    child.once('close', (code) => resolve({ code, stdout, stderr }));
  });
}

beforeAll(async () => {
  temp = await mkdtemp(join(tmpdir(), 'studio-workflow-target-cli-'));
  workspace = join(temp, 'workspace');
  cloud = await startDurableHarness();
  const layout = await openWorkspace(workspace);
  const functions = createFunctionStore({ layout, templates: createTemplates(join(projectPaths.resourcesDir, 'templates')) });
  await functions.create('price', 'workflow-block-ts');
  const at = { x: 0, y: 0 };
  await createWorkflowStore(layout).save('quote', {
    blocks: [
      { id: 'start', type: 'input', position: at, sample: { orderId: 'o-1', items: [{ sku: 'tea', quantity: 2, unitPrice: 1.5 }] } },
      { id: 'price', type: 'lambda', position: at, function: 'price' },
      { id: 'done', type: 'output', position: at },
    ],
    edges: [
      { id: 'a', source: 'start', target: 'price' },
      { id: 'b', source: 'price', target: 'done' },
    ],
  });
  const { accessKeyId, secretAccessKey } = cloud.service.credentials;
  const files = await writeAwsFiles(temp, { config: '[profile cloud]\n', credentials: `[cloud]\naws_access_key_id = ${accessKeyId}\naws_secret_access_key = ${secretAccessKey}\n` });
  env = { ...process.env, LAMBDA_STUDIO_CONFIG_DIR: join(temp, 'config'), AWS_CONFIG_FILE: files.configFile, AWS_SHARED_CREDENTIALS_FILE: files.credentialsFile };
  for (const name of ['AWS_PROFILE', 'AWS_ACCESS_KEY_ID', 'AWS_SECRET_ACCESS_KEY', 'AWS_SESSION_TOKEN', 'INIT_CWD']) delete env[name];
  expect((await run('targets', 'add', 'cloud', '--profile', 'cloud', '--region', cloud.service.region, '--endpoint', cloud.service.endpoint)).code).toBe(0);
}, 60_000);

afterAll(async () => {
  await cloud?.close();
  await rm(temp, { recursive: true, force: true });
});

describe('cli workflow deploy and run on a target', () => {
  it('refuses a run on the target before the workflow is deployed there', async () => {
    const refused = await run('workflow', 'run', 'quote', '--target', 'cloud', '--workspace', workspace);
    expect(refused.code).toBe(2);
    expect(refused.stderr).toContain('deploy the workflow "quote" there first');
    expect(refused.stdout).toBe('');
  });

  it('deploys the function and the runner, then runs there and prints the output', async () => {
    const deployed = await run('workflow', 'deploy', 'quote', '--target', 'cloud', '--role', ROLE, '--workspace', workspace);
    expect(deployed.stderr).toContain(`${WORKFLOW_RUNNER_FUNCTION} alias: done`);
    expect(deployed.code).toBe(0);
    const arn = (name: string) => `arn:aws:lambda:${cloud.service.region}:000000000000:function:${name}:live`;
    expect(deployed.stdout).toBe(`price\tversion 1\t${arn('price')}\n${WORKFLOW_RUNNER_FUNCTION}\tversion 1\t${arn(WORKFLOW_RUNNER_FUNCTION)}\n`);

    const ran = await run('workflow', 'run', 'quote', '--target', 'cloud', '--workspace', workspace);
    expect(ran.code).toBe(0);
    const [first, output] = ran.stdout.trim().split('\n');
    expect(first).toMatch(new RegExp(`:function:${WORKFLOW_RUNNER_FUNCTION}:1/durable-execution/quote-\\d{8}-\\d{6}-[0-9a-f]{4}/`));
    expect(JSON.parse(output ?? 'null')).toEqual({ orderId: 'o-1', itemCount: 2, total: 3 });
    expect((await cloud.history(first ?? '')).some((e) => e.Name === 'price')).toBe(true);
  });
});
