import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DockerOverview } from '../../../shared/contract/docker.ts';
import { StudioError } from '../../../shared/contract/errors.ts';
import { connectDockerEngine } from '../runners/docker-engine.ts';
import { LOCAL_NODE_IMAGE, LOCAL_PYTHON_IMAGE } from '../runners/docker-images.ts';
import { createDockerRunner } from '../runners/docker-runner.ts';
import { defaultLauncherPaths } from '../runners/launchers.ts';
import { createDockerHandlers } from './docker-handlers.ts';

const engineUp = (await connectDockerEngine().status()).state === 'running';
const paths = defaultLauncherPaths();

describe('docker handlers without an engine', () => {
  let dir: string;
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'docker-handlers-'));
  });
  afterAll(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it('report the engine as not running, with the fix, and refuse to build', async () => {
    const runner = createDockerRunner({ ...paths, socketPath: join(dir, 'none.sock') });
    const handlers = createDockerHandlers(runner);
    const overview = DockerOverview.parse(await handlers['docker.status']({}));
    expect(overview.engine.state).not.toBe('running');
    expect(overview.engine.fix).toBeTruthy();
    expect(overview.images).toEqual([]);
    const failure = await handlers['docker.buildBaseImage']({}).then(() => undefined, (error: unknown) => error);
    expect(failure).toBeInstanceOf(StudioError);
    expect((failure as StudioError).code).toBe('UNAVAILABLE');
    await runner.close();
  });
});

describe.skipIf(!engineUp)('docker handlers with an engine', () => {
  it('report the version, socket and the images the runner would use', async () => {
    const runner = createDockerRunner(paths);
    const overview = DockerOverview.parse(await createDockerHandlers(runner)['docker.status']({}));
    expect(overview.engine.state).toBe('running');
    expect(overview.engine.version).toMatch(/^\d+\.\d+/);
    expect(overview.images.map((i) => `${i.kind} ${i.runtime} ${i.name}`)).toEqual([
      'official nodejs public.ecr.aws/lambda/nodejs:22',
      'official python public.ecr.aws/lambda/python:3.13',
      `local-base nodejs ${LOCAL_NODE_IMAGE}`,
      `local-base python ${LOCAL_PYTHON_IMAGE}`,
    ]);
    await runner.close();
  });

  it('say why a pull failed and what to do offline, with the engine\'s lines as progress', async () => {
    const runner = createDockerRunner(paths);
    const lines: string[] = [];
    runner.onProgress((p) => lines.push(p.line));
    // A registry on loopback that is not there: refused at once, nothing leaves the machine.
    const failure = await createDockerHandlers(runner)['docker.pullImage']({ image: '127.0.0.1:9/lambda/nodejs:22' }).then(() => undefined, (error: unknown) => error);
    expect(failure).toBeInstanceOf(StudioError);
    expect((failure as StudioError).message).toMatch(/^127\.0\.0\.1:9\/lambda\/nodejs:22 could not be pulled: /);
    expect((failure as StudioError).details).toMatch(/local base image/);
    await runner.close();
  });
});
