import { chmod, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DeployProgress, MethodName, MethodOutput, ParsedInput } from '../../../shared/contract/index.ts';
import type { StudioServices } from '../studio/studio-services.ts';
import { addTemplateFunction, startTestStudio, untilWith } from '../studio/test-support.ts';
import { type DurableHarness, startDurableHarness } from '../durable/test-support.ts';
import { startFakeIam, writeAwsFiles } from './test-support.ts';

/**
 * The whole AWS path against a stand-in account: a second local Lambda service whose keys sit in
 * a temporary AWS credentials file as profile `cloud`, reached through exactly the clients an AWS
 * target uses. IAM, which that service does not serve, is a small stand-in.
 */

const WRONG_SECRET = 'wrongSecretKeyThatMustNeverBeShown0123456789';
let dir: string;
let cloud: DurableHarness;
let iam: Awaited<ReturnType<typeof startFakeIam>>;
let studio: StudioServices;
const logLines: string[] = [];
const events: { event: string; payload: unknown }[] = [];
const results: unknown[] = [];

/** Calls a handler as a transport would and keeps what it returned (or threw) for the secret scan. */
async function call<M extends MethodName>(method: M, input: ParsedInput<M>): Promise<MethodOutput<M>> {
  const handler = studio.handlers[method] as (input: ParsedInput<M>) => Promise<MethodOutput<M>>;
  try {
    const value = await handler(input);
    results.push(value);
    return value;
  } catch (error) {
    results.push(error instanceof Error ? { message: error.message, details: (error as { details?: unknown }).details } : error);
    throw error;
  }
}

const until = untilWith({ intervalMs: 50 });

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'studio-aws-target-'));
  cloud = await startDurableHarness();
  iam = await startFakeIam();
  const expiredScript = join(dir, 'expired-credentials.sh');
  await writeFile(expiredScript, `#!/bin/sh\necho '{"Version":1,"AccessKeyId":"AKIAEXPIRED0000000","SecretAccessKey":"expiredSecret","Expiration":"2001-01-01T00:00:00Z"}'\n`);
  await chmod(expiredScript, 0o755);
  const { accessKeyId, secretAccessKey } = cloud.service.credentials;
  const files = await writeAwsFiles(dir, {
    config: `[profile cloud]\nregion = ${cloud.service.region}\n[profile second]\nregion = ${cloud.service.region}\n[profile expired]\ncredential_process = ${expiredScript}\n[profile wrong]\n[profile sso]\nsso_start_url = https://example.awsapps.com/start\nsso_region = us-east-1\nsso_account_id = 111111111111\nsso_role_name = Dev\n`,
    credentials:
      `[cloud]\naws_access_key_id = ${accessKeyId}\naws_secret_access_key = ${secretAccessKey}\n` +
      `[second]\naws_access_key_id = ${accessKeyId}\naws_secret_access_key = ${secretAccessKey}\n` +
      `[wrong]\naws_access_key_id = AKIAWRONGWRONGWRONG1\naws_secret_access_key = ${WRONG_SECRET}\n`,
  });
  process.env['AWS_CONFIG_FILE'] = files.configFile;
  process.env['AWS_SHARED_CREDENTIALS_FILE'] = files.credentialsFile;
  for (const name of ['AWS_PROFILE', 'AWS_ACCESS_KEY_ID', 'AWS_SECRET_ACCESS_KEY', 'AWS_SESSION_TOKEN']) delete process.env[name];
  // The SSO provider looks for its token cache under the home folder: an empty one here.
  process.env['HOME'] = dir;

  const workspace = join(dir, 'workspace');
  await addTemplateFunction(workspace, 'durable-ts', 'orders');
  studio = await startTestStudio(workspace, {
    syncOnStart: false,
    configDir: join(dir, 'config'),
    awsClients: { serviceEndpoints: { iam: iam.url }, maxAttempts: 2 },
    awsInvokeWaitMs: 300,
    log: (message, error) => logLines.push(`${message} ${error instanceof Error ? `${error.message} ${error.stack ?? ''}` : String(error ?? '')}`),
  });
  studio.events.subscribe((event, payload) => events.push({ event, payload }));
}, 60_000);

afterAll(async () => {
  await studio?.close();
  await cloud?.close();
  await iam?.close();
  await rm(dir, { recursive: true, force: true });
});

describe('an AWS target', () => {
  it('is saved by name, listed after Local, and reachable', async () => {
    const endpoint = cloud.service.endpoint;
    await call('targets.save', { name: 'cloud', profile: 'cloud', region: cloud.service.region, endpoint });
    await call('targets.save', { name: 'second', profile: 'second', region: cloud.service.region, endpoint });
    const listed = await call('targets.list', {});
    expect(listed.map((t) => t.id)).toEqual(['local', 'cloud', 'second']);
    expect(listed[1]).toEqual({ id: 'cloud', kind: 'aws', name: 'cloud', profile: 'cloud', region: cloud.service.region, endpoint });
    const stored = await readFile(join(dir, 'config', 'targets.json'), 'utf8');
    expect(stored).not.toContain(cloud.service.credentials.accessKeyId);
    expect(await call('targets.test', { id: 'cloud' })).toMatchObject({ ok: true });
    expect(await call('targets.test', { id: 'second' })).toMatchObject({ ok: true });
  });

  it('deploys a workspace function: a role made for it, created, published, alias live', async () => {
    const result = await call('deploy.function', { name: 'orders', target: 'cloud', role: { create: true } });
    expect(result).toMatchObject({ version: '1', aliasArn: expect.stringMatching(/:function:orders:live$/), roleArn: 'arn:aws:iam::000000000000:role/lambda-studio-orders' });
    const steps = events.filter((e) => e.event === 'deploy.progress').map((e) => e.payload as DeployProgress);
    expect(steps.filter((s) => s.status === 'done').map((s) => s.step)).toEqual(['bundle', 'role', 'create', 'wait', 'publish', 'alias']);
    expect(new Set(steps.map((s) => s.deployId))).toEqual(new Set([result.deployId]));
    const role = iam.roles.get('lambda-studio-orders');
    expect(role?.policies).toEqual(['arn:aws:iam::aws:policy/service-role/AWSLambdaBasicExecutionRole']);
    expect(JSON.parse(role?.inline['durable-execution'] ?? '{}')).toMatchObject({
      Statement: [{ Action: ['lambda:CheckpointDurableExecution', 'lambda:GetDurableExecutionState'], Resource: expect.stringMatching(/:function:orders:\*$/) }],
    });
    expect((await call('iam.roles', { target: 'cloud' })).map((r) => r.name)).toEqual(['lambda-studio-orders']);
    const status = await call('deploy.status', { name: 'orders' });
    expect(status.targets.find((t) => t.target === 'cloud')).toMatchObject({ deployed: true, version: '1', liveVersion: '1', differs: false });
    expect(status.targets.find((t) => t.target === 'second')).toMatchObject({ deployed: true });
  });

  it('deploys again with a given role without calling IAM, and moves the alias', async () => {
    const before = iam.calls.length;
    await writeFile(join(studio.layout.functions, 'orders', 'function.json'), (await readFile(join(studio.layout.functions, 'orders', 'function.json'), 'utf8')).replace('"memorySize": 256', '"memorySize": 512'));
    const result = await call('deploy.function', { name: 'orders', target: 'cloud', role: { arn: 'arn:aws:iam::000000000000:role/given' } });
    expect(iam.calls.length).toBe(before);
    expect(result.version).toBe('2');
    const done = events.filter((e) => e.event === 'deploy.progress' && (e.payload as DeployProgress).deployId === result.deployId && (e.payload as DeployProgress).status === 'done');
    expect(done.map((e) => (e.payload as DeployProgress).step)).toEqual(['bundle', 'role', 'update-code', 'wait', 'update-config', 'publish', 'alias']);
    expect((await call('deploy.status', { name: 'orders' })).targets.find((t) => t.target === 'cloud')).toMatchObject({ version: '2', liveVersion: '2', differs: false });
    const source = join(studio.layout.functions, 'orders', 'index.ts');
    const original = await readFile(source, 'utf8');
    await writeFile(source, `${original}\nexport const changed = 1;\n`);
    expect((await call('deploy.status', { name: 'orders' })).targets.find((t) => t.target === 'cloud')).toMatchObject({ differs: true });
    await writeFile(source, original);
  });

  it('invokes, lists, reads history, answers a callback and stops, all on the target', async () => {
    const started = await call('invoke.run', { target: 'cloud', functionName: 'orders', payload: '{"orderId":"o-7","amount":5}' });
    const arn = started.durableExecutionArn ?? '';
    expect(arn).toMatch(/:function:orders:2\/durable-execution\//);
    expect(started.statusCode).toBe(202);

    const listed = await call('executions.list', { target: 'cloud' });
    expect(listed.items.map((e) => e.DurableExecutionArn)).toContain(arn);
    expect((await call('executions.list', {})).items).toEqual([]);

    const pending = await until(async () => (await call('callbacks.pending', { target: 'cloud' })).find((c) => c.executionArn === arn), 'the approval callback');
    await call('callbacks.heartbeat', { target: 'cloud', callbackId: pending.callbackId });
    await call('callbacks.succeed', { target: 'cloud', callbackId: pending.callbackId, result: '{"approved":true,"approver":"ada"}' });
    const done = await until(async () => {
      const got = await call('executions.get', { target: 'cloud', arn });
      return got.Status === 'SUCCEEDED' ? got : undefined;
    }, 'the execution to succeed');
    expect(JSON.parse(done.Result ?? 'null')).toMatchObject({ orderId: 'o-7', approver: 'ada' });
    expect(typeof done.StartTimestamp).toBe('number');

    const history = await call('executions.history', { target: 'cloud', arn });
    expect(history.Events.map((e) => e.EventType)).toContain('CallbackSucceeded');
    expect(typeof history.Events[0]?.EventTimestamp).toBe('number');
    const later = await call('executions.history', { target: 'cloud', arn, afterEventId: 2 });
    expect(later.Events.every((e) => (e.EventId ?? 0) > 2)).toBe(true);
    const exported = await call('executions.exportHistory', { target: 'cloud', arn });
    expect(JSON.parse(exported.text).Events).toHaveLength(history.Events.length);

    const second = (await call('invoke.run', { target: 'cloud', functionName: 'orders', payload: '{"orderId":"o-8","amount":1}' })).durableExecutionArn ?? '';
    await until(async () => (await call('callbacks.pending', { target: 'cloud' })).find((c) => c.executionArn === second), 'the second callback');
    const rejected = await until(async () => (await call('callbacks.pending', { target: 'cloud' })).find((c) => c.executionArn === second), 'the second callback');
    expect(rejected.functionName).toBe('orders');
    expect(await call('executions.stop', { target: 'cloud', arns: [second, arn] })).toMatchObject({ stopped: [second], failed: [{ arn }] });
    expect((await call('executions.get', { target: 'cloud', arn: second })).Status).toBe('STOPPED');
  });
});

describe('debug locally', () => {
  it('replays an execution recorded on the target with the local code: what completed is skipped, the callback waits locally', async () => {
    const cloudArn = (await call('invoke.run', { target: 'cloud', functionName: 'orders', payload: '{"orderId":"o-9","amount":3}' })).durableExecutionArn ?? '';
    await until(async () => (await call('callbacks.pending', { target: 'cloud' })).find((c) => c.executionArn === cloudArn), 'the cloud approval');
    const cloudBefore = await call('executions.history', { target: 'cloud', arn: cloudArn });

    const { arn } = await call('executions.debugLocally', { target: 'cloud', arn: cloudArn });
    expect(arn).not.toBe(cloudArn);
    const local = await until(async () => (await call('callbacks.pending', {})).find((c) => c.executionArn === arn), 'the local approval');
    // The steps that completed in the cloud are seeded, not run again by the local code.
    const events = (await call('executions.history', { arn })).Events;
    const ranAgain = events.filter((e) => e.EventType === 'StepStarted' && e['Seeded'] !== true);
    expect(ranAgain).toEqual([]);
    expect(events.some((e) => e['Seeded'] === true)).toBe(true);

    await call('callbacks.succeed', { callbackId: local.callbackId, result: '{"approved":true,"approver":"local"}' });
    const done = await until(async () => {
      const got = await call('executions.get', { arn });
      return got.Status === 'RUNNING' ? undefined : got;
    }, 'the local replay to end');
    expect(done.Status).toBe('SUCCEEDED');
    expect(JSON.parse(done.Result ?? 'null')).toMatchObject({ orderId: 'o-9', approver: 'local' });
    // The recorded execution is untouched.
    expect((await call('executions.history', { target: 'cloud', arn: cloudArn })).Events).toHaveLength(cloudBefore.Events.length);
    await call('executions.stop', { target: 'cloud', arns: [cloudArn] });
  });
});

describe('credential problems, in plain words', () => {
  const testOf = async (name: string, profile: string, endpoint = cloud.service.endpoint) => {
    await call('targets.save', { name, profile, region: cloud.service.region, endpoint });
    return call('targets.test', { id: name });
  };

  it('names a missing profile', async () => {
    expect(await testOf('nowhere', 'not-there')).toMatchObject({ ok: false, problem: { kind: 'profile-missing', message: expect.stringContaining('not-there'), command: 'aws configure --profile not-there' } });
  });

  it('says when a credential_process hands out expired credentials', async () => {
    expect(await testOf('stale', 'expired')).toMatchObject({ ok: false, problem: { kind: 'expired', message: expect.stringContaining('expired') } });
  });

  it('says when the keys are rejected, and calls on the target fail with those words', async () => {
    expect(await testOf('bad-keys', 'wrong')).toMatchObject({ ok: false, problem: { kind: 'invalid-credentials' } });
    await expect(call('executions.list', { target: 'bad-keys', functionName: 'orders' })).rejects.toMatchObject({ code: 'UNAUTHORIZED', message: expect.stringContaining('rejected the keys of profile wrong') });
  });

  it('says when an SSO session has ended, with the login command', async () => {
    expect(await testOf('sso-target', 'sso')).toMatchObject({ ok: false, problem: { kind: 'sso-expired', command: 'aws sso login --profile sso' } });
  });

  it('uses the new profile once a target is edited', async () => {
    expect((await testOf('flip', 'wrong')).ok).toBe(false);
    expect((await testOf('flip', 'cloud')).ok).toBe(true);
  });

  it('says when the endpoint does not answer', async () => {
    expect(await testOf('offline', 'cloud', 'http://127.0.0.1:9')).toMatchObject({ ok: false, problem: { kind: 'unreachable' } });
  });

  it('refuses an unknown target and the removal of Local', async () => {
    await expect(call('executions.list', { target: 'ghost' })).rejects.toMatchObject({ code: 'NOT_FOUND' });
    await expect(call('targets.remove', { id: 'local' })).rejects.toMatchObject({ code: 'BAD_INPUT' });
    await call('targets.remove', { id: 'offline' });
    expect((await call('targets.list', {})).map((t) => t.id)).not.toContain('offline');
  });

  it('never lets a secret key reach a log line, an event or a result', () => {
    const everything = JSON.stringify({ logLines, events, results });
    expect(results.length).toBeGreaterThan(20);
    for (const secret of [cloud.service.credentials.secretAccessKey, WRONG_SECRET, 'expiredSecret']) expect(everything).not.toContain(secret);
  });
});
