import { InvokeCommand } from '@aws-sdk/client-lambda';
import { spawnSync } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { StudioError } from '../../../shared/contract/errors.ts';
import { deploy, invoke, startTestService, type TestService } from '../lambda/test-support.ts';
import { LABELS } from './docker-container.ts';
import { connectDockerEngine } from './docker-engine.ts';
import { chooseImage, LOCAL_NODE_IMAGE } from './docker-images.ts';

const engine = connectDockerEngine();
const engineUp = (await engine.status()).state === 'running';
const haveImage = engineUp && (await engine.docker.getImage(LOCAL_NODE_IMAGE).inspect().then(() => true, () => false));

describe('docker runner without an engine', () => {
  let t: TestService;
  let dir: string;
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'no-engine-'));
    t = await startTestService({ runner: 'docker', docker: { socketPath: join(dir, 'docker.sock') } });
    await deploy(t, 'boxed', { 'index.mjs': 'export const handler = async () => ({ ok: true });' });
  });
  afterAll(async () => {
    await t.close();
    await rm(dir, { recursive: true, force: true });
  });

  it('says the engine is missing and how to fix it, through the Lambda API and the studio', async () => {
    const status = await t.service.docker.engine.status();
    expect(status.state).not.toBe('running');
    expect(status.socket).toBe(join(dir, 'docker.sock'));
    expect(status.fix).toMatch(/docker/i);

    const failure = await t.client.send(new InvokeCommand({ FunctionName: 'boxed', Payload: '{}' })).then(() => undefined, (error: unknown) => error as Error);
    expect(failure?.name).toBe('ResourceNotReadyException');
    expect(failure?.message).toContain(join(dir, 'docker.sock'));
    expect(failure?.message).toMatch(/Docker (engine is not running|is not installed)/);

    const direct = await t.service.invoke({ functionName: 'boxed', payload: '{}' }).then(() => undefined, (error: unknown) => error);
    expect(direct).toBeInstanceOf(StudioError);
    expect((direct as StudioError).code).toBe('UNAVAILABLE');
    expect((direct as StudioError).details).toMatch(/start|install/i);
  });

  it('leaves nothing behind: no sandbox, no container', async () => {
    await t.service.invoke({ functionName: 'boxed', payload: '{}' }).catch(() => undefined);
    expect(t.service.sandboxStats()).toEqual({});
    if (engineUp) {
      const ours = await engine.docker.listContainers({ all: true, filters: { label: [`${LABELS.instance}=${t.service.docker.instanceId}`] } });
      expect(ours).toEqual([]);
    }
  });
});

describe.skipIf(!haveImage)('docker runner containers', () => {
  let t: TestService;
  beforeAll(async () => {
    t = await startTestService({ runner: 'docker' });
  });
  afterAll(async () => {
    await t?.close();
  });

  const mine = () => engine.docker.listContainers({ all: true, filters: { label: [`${LABELS.instance}=${t.service.docker.instanceId}`] } });

  it('labels its containers, limits memory and CPU, mounts the code read-only, and removes them at close', async () => {
    await deploy(t, 'inspect', { 'index.mjs': `import { writeFileSync } from 'node:fs';
      export const handler = async () => {
        let writable = true;
        try { writeFileSync('/var/task/x', '1'); } catch { writable = false; }
        writeFileSync('/tmp/scratch', 'ok');
        return { root: process.env.LAMBDA_TASK_ROOT, cwd: process.cwd(), writable };
      };` }, { memorySize: 256 });
    const out = await invoke(t, 'inspect');
    expect(out.body).toEqual({ root: '/var/task', cwd: '/var/task', writable: false });
    const containers = await mine();
    expect(containers).toHaveLength(1);
    const info = await engine.docker.getContainer(containers[0]?.Id ?? '').inspect();
    expect(info.Config.Labels).toMatchObject({ [LABELS.managed]: 'true', [LABELS.functionName]: 'inspect', [LABELS.ownerPid]: String(process.pid) });
    expect(info.HostConfig.Memory).toBe(256 * 1024 * 1024);
    expect(info.HostConfig.NanoCpus).toBe(1e9);
    expect(info.HostConfig.CpuShares).toBe(Math.round((1024 * 256) / 1769));
    expect(info.Config.Image).toBe(LOCAL_NODE_IMAGE);

    const second = await startTestService({ runner: 'docker' });
    await deploy(second, 'other', { 'index.mjs': 'export const handler = async () => 1;' });
    await invoke(second, 'other');
    const instance = second.service.docker.instanceId;
    await second.close();
    expect(await engine.docker.listContainers({ all: true, filters: { label: [`${LABELS.instance}=${instance}`] } })).toEqual([]);
    expect(await mine()).toHaveLength(1);
  });

  it('removes containers a crashed studio left behind, and only those', async () => {
    const dead = spawnSync(process.execPath, ['-e', '0']).pid ?? 0;
    const leftover = await engine.docker.createContainer({
      Image: LOCAL_NODE_IMAGE,
      Labels: { [LABELS.managed]: 'true', [LABELS.instance]: 'crashed', [LABELS.ownerPid]: String(dead) },
    });
    const removed = await t.service.docker.cleanupLeftovers();
    expect(removed).toBeGreaterThanOrEqual(1);
    await expect(leftover.inspect()).rejects.toThrow();
    expect(await mine()).toHaveLength(1);
  });

  it('says which image to pull or build for a runtime with neither on the engine', async () => {
    const missing = `lambda-studio/python:missing-${process.pid}`;
    const failure = await chooseImage(engine, 'python3.13', undefined, { nodejs: LOCAL_NODE_IMAGE, python: missing }).then(() => undefined, (error: unknown) => error as Error);
    // The runner's own error; the Lambda API answers it as ResourceNotReadyException (the first test).
    expect(failure?.name).toBe('SandboxNotReadyError');
    expect(failure?.message).toContain('public.ecr.aws/lambda/python:3.13');
    expect(failure?.message).toContain(`build the local base image ${missing}`);
  });
});
