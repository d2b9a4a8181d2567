import { spawn } from 'node:child_process';
import { cp, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type DurableHarness, startDurableHarness } from '../services/durable/test-support.ts';
import { writeAwsFiles } from '../services/targets/test-support.ts';

const cli = join(import.meta.dirname, 'cli.ts');
const root = join(import.meta.dirname, '..', '..');
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
    child.once('exit', (code) => resolve({ code, stdout, stderr }));
  });
}

async function addFunction(name: string, template: string): Promise<void> {
  await cp(join(root, 'resources', 'templates', template), join(workspace, 'functions', name), { recursive: true });
  const config = join(workspace, 'functions', name, 'function.json');
  await writeFile(config, (await readFile(config, 'utf8')).replace('__FUNCTION_NAME__', name));
}

beforeAll(async () => {
  temp = await mkdtemp(join(tmpdir(), 'studio-targets-cli-'));
  workspace = join(temp, 'workspace');
  cloud = await startDurableHarness();
  await addFunction('greet', 'node-ts');
  await addFunction('orders', 'durable-ts');
  const { accessKeyId, secretAccessKey } = cloud.service.credentials;
  const files = await writeAwsFiles(temp, { config: '[profile cloud]\n', credentials: `[cloud]\naws_access_key_id = ${accessKeyId}\naws_secret_access_key = ${secretAccessKey}\n` });
  env = { ...process.env, LAMBDA_STUDIO_CONFIG_DIR: join(temp, 'config'), AWS_CONFIG_FILE: files.configFile, AWS_SHARED_CREDENTIALS_FILE: files.credentialsFile };
  for (const name of ['AWS_PROFILE', 'AWS_ACCESS_KEY_ID', 'AWS_SECRET_ACCESS_KEY', 'AWS_SESSION_TOKEN', 'INIT_CWD']) delete env[name];
}, 60_000);

afterAll(async () => {
  await cloud?.close();
  await rm(temp, { recursive: true, force: true });
});

describe('cli targets, deploy, invoke and executions on a target', () => {
  it('adds and lists targets, refusing a bad region', async () => {
    const added = await run('targets', 'add', 'cloud', '--profile', 'cloud', '--region', cloud.service.region, '--endpoint', cloud.service.endpoint);
    expect(added.code).toBe(0);
    const bad = await run('targets', 'add', 'x', '--profile', 'cloud', '--region', 'Mars');
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('region');
    const listed = await run('targets', 'list');
    expect(listed.stdout.split('\n').map((l) => l.split('\t')[0])).toEqual(['local', 'cloud', '']);
    expect(listed.stdout).toContain(cloud.service.endpoint);
  });

  it('deploys with a given role and prints the version and the alias ARN', async () => {
    const deployed = await run('deploy', 'greet', '--target', 'cloud', '--role', ROLE, '--workspace', workspace);
    expect(deployed.stderr).toContain('alias: done');
    expect(deployed.code).toBe(0);
    expect(deployed.stdout).toBe(`version 1\narn:aws:lambda:${cloud.service.region}:000000000000:function:greet:live\n`);
    const missing = await run('deploy', 'greet', '--target', 'nowhere', '--workspace', workspace);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain('There is no target named "nowhere"');
  });

  it('invokes the deployed function through alias live', async () => {
    const invoked = await run('invoke', 'greet', '--target', 'cloud', '--payload', '{"name":"Ada"}', '--workspace', workspace);
    expect(invoked.code).toBe(0);
    expect(JSON.parse(invoked.stdout)).toMatchObject({ message: 'Hello, Ada!' });
    expect(invoked.stderr).toContain('Greeting Ada');
  });

  it('lists the executions of a function on the target', async () => {
    expect((await run('deploy', 'orders', '--target', 'cloud', '--role', ROLE, '--workspace', workspace)).code).toBe(0);
    const arn = await cloud.start('orders', { orderId: 'o-1', amount: 1 }, 'from-cli-test');
    const listed = await run('executions', 'list', '--target', 'cloud', '--function', 'orders', '--workspace', workspace);
    expect(listed.code).toBe(0);
    expect(listed.stdout).toMatch(new RegExp(`^RUNNING\\t\\S+\\tfrom-cli-test\\t${arn.replace(/[$]/g, '\\$')}\\n$`));
  });
});
