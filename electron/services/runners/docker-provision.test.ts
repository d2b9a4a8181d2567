import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DockerProgress } from '../../../shared/contract/docker.ts';
import { deploy, invoke, startTestService, type TestService } from '../lambda/test-support.ts';
import { connectDockerEngine } from './docker-engine.ts';
import { LOCAL_BASE_RECIPE_LABEL, localBaseRecipeHash } from './base-image-recipe.ts';
import { LOCAL_NODE_IMAGE, localImageOutdated, officialImage } from './docker-images.ts';
import { defaultLauncherPaths } from './launchers.ts';
import { registryUnreachable } from './docker-provision.ts';

const engine = connectDockerEngine();
const engineUp = (await engine.status()).state === 'running';
const present = (name: string) => engine.docker.getImage(name).inspect().then(() => true, () => false);
// With the official image on the engine the runner would use it and build nothing.
const noOfficial = engineUp && !(await present(officialImage('nodejs22.x')));
const noOfficialPython = engineUp && !(await present(officialImage('python3.12')));
// Tags of their own, so the suites that use the real local base images are left alone.
const FRESH = `lambda-studio/nodejs:provision-test-${process.pid}`;
const FRESH_PYTHON = `lambda-studio/python:provision-test-${process.pid}`;
const STALE = `lambda-studio/nodejs:stale-test-${process.pid}`;
const hasLocalNode = engineUp && (await present(LOCAL_NODE_IMAGE));

/** Tags `tag` as a copy of the shared local Node.js image whose recipe label says another bootstrap built it. */
async function buildStaleCopy(tag: string): Promise<void> {
  const context = await mkdtemp(join(tmpdir(), 'stale-image-'));
  try {
    await writeFile(join(context, 'Dockerfile'), `FROM ${LOCAL_NODE_IMAGE}\nLABEL ${LOCAL_BASE_RECIPE_LABEL}=built-from-an-older-bootstrap\n`);
    const stream = await engine.docker.buildImage({ context, src: ['Dockerfile'] }, { t: tag, rm: true });
    await new Promise<void>((resolve, reject) => engine.docker.modem.followProgress(stream, (error: Error | null) => (error === null ? resolve() : reject(error))));
  } finally {
    await rm(context, { recursive: true, force: true });
  }
}

describe('registryUnreachable', () => {
  it('tells a registry nobody can reach from one that answered with an error', () => {
    expect(registryUnreachable(new Error('Get "https://public.ecr.aws/v2/": dial tcp: lookup public.ecr.aws on 10.0.0.53:53: no such host'))).toBe(true);
    expect(registryUnreachable(new Error('connect: network is unreachable'))).toBe(true);
    expect(registryUnreachable(new Error('manifest for public.ecr.aws/lambda/nodejs:99 not found: manifest unknown'))).toBe(false);
    expect(registryUnreachable(new Error('pull access denied, repository does not exist or may require authorization'))).toBe(false);
  });
});

describe.skipIf(!noOfficial)('docker runner on first use, with no image on the engine', () => {
  let t: TestService;
  const progress: DockerProgress[] = [];
  beforeAll(async () => {
    await engine.docker.getImage(FRESH).remove({ force: true }).catch(() => undefined);
    t = await startTestService({ runner: 'docker', docker: { localImage: FRESH } });
    t.service.docker.onProgress((p) => progress.push(p));
    await deploy(t, 'first', { 'index.mjs': 'export const handler = async (e) => ({ got: e.n });' });
    await deploy(t, 'second', { 'index.mjs': 'export const handler = async () => 2;' });
  });
  afterAll(async () => {
    await t?.close();
    await engine.docker.getImage(FRESH).remove({ force: true }).catch(() => undefined);
  });

  it('builds the local base image once for two invokes at once, with progress, and both succeed', async () => {
    const [a, b] = await Promise.all([invoke(t, 'first', { n: 1 }), invoke(t, 'second')]);
    expect(a.body).toEqual({ got: 1 });
    expect(b.body).toBe(2);
    expect(await present(FRESH)).toBe(true);
    const builds = progress.filter((p) => p.operation === 'build' && p.image === FRESH);
    expect(builds.length).toBeGreaterThan(0);
    expect(builds.every((p) => p.forInvoke === true)).toBe(true);
    // One build: its first step appears once however many invokes waited for it.
    expect(builds.filter((p) => p.line.startsWith('Gathering')).length).toBe(1);
  }, 40_000);
});

describe.skipIf(!noOfficialPython)('docker runner on first use of a Python function, with no image on the engine', () => {
  let t: TestService;
  const progress: DockerProgress[] = [];
  beforeAll(async () => {
    await engine.docker.getImage(FRESH_PYTHON).remove({ force: true }).catch(() => undefined);
    t = await startTestService({ runner: 'docker', docker: { localPythonImage: FRESH_PYTHON } });
    t.service.docker.onProgress((p) => progress.push(p));
    const py = { runtime: 'python3.12', handler: 'app.handler' };
    await deploy(t, 'py-first', { 'app.py': 'import sys\ndef handler(e, c):\n    return {"got": e["n"], "python": sys.version_info[0]}\n' }, py);
    await deploy(t, 'py-second', { 'app.py': 'def handler(e, c):\n    raise KeyError("missing")\n' }, py);
  });
  afterAll(async () => {
    await t?.close();
    await engine.docker.getImage(FRESH_PYTHON).remove({ force: true }).catch(() => undefined);
  });

  it('builds the local Python base image once for two invokes at once, with progress, and runs both', async () => {
    const [a, b] = await Promise.all([invoke(t, 'py-first', { n: 1 }), invoke(t, 'py-second')]);
    expect(a.body).toEqual({ got: 1, python: 3 });
    expect(b.functionError).toBe('Unhandled');
    expect(b.body).toMatchObject({ errorType: 'KeyError' });
    const labels = (await engine.docker.getImage(FRESH_PYTHON).inspect()).Config.Labels ?? {};
    expect(labels['lambda-studio.base']).toBe('python');
    const builds = progress.filter((p) => p.operation === 'build' && p.image === FRESH_PYTHON);
    expect(builds.every((p) => p.forInvoke === true)).toBe(true);
    expect(builds.filter((p) => p.line.startsWith('Gathering')).length).toBe(1);
    expect(builds.some((p) => p.line.includes('Python interpreter'))).toBe(true);
  }, 60_000);
});

describe.skipIf(!noOfficial || !hasLocalNode)('docker runner with a local base image built from another bootstrap', () => {
  let t: TestService;
  const progress: DockerProgress[] = [];
  const { bootstrapDir } = defaultLauncherPaths();
  beforeAll(async () => {
    await buildStaleCopy(STALE);
    t = await startTestService({ runner: 'docker', docker: { localImage: STALE } });
    t.service.docker.onProgress((p) => progress.push(p));
    await deploy(t, 'stale-first', { 'index.mjs': 'export const handler = async (e) => ({ got: e.n });' });
    await deploy(t, 'stale-second', { 'index.mjs': 'export const handler = async () => 2;' });
  });
  afterAll(async () => {
    await t?.close();
    await engine.docker.getImage(STALE).remove({ force: true }).catch(() => undefined);
  });

  it('counts it out of date, rebuilds it once on the next invokes with progress, and runs them in the new image', async () => {
    expect(await localImageOutdated(engine, STALE, 'nodejs', bootstrapDir)).toBe(true);
    const [a, b] = await Promise.all([invoke(t, 'stale-first', { n: 1 }), invoke(t, 'stale-second')]);
    expect(a.body).toEqual({ got: 1 });
    expect(b.body).toBe(2);
    const labels = (await engine.docker.getImage(STALE).inspect()).Config.Labels ?? {};
    expect(labels[LOCAL_BASE_RECIPE_LABEL]).toBe(localBaseRecipeHash(bootstrapDir, 'nodejs'));
    expect(await localImageOutdated(engine, STALE, 'nodejs', bootstrapDir)).toBe(false);
    const builds = progress.filter((p) => p.operation === 'build' && p.image === STALE);
    expect(builds.every((p) => p.forInvoke === true)).toBe(true);
    expect(builds.filter((p) => p.line.startsWith('Gathering')).length).toBe(1);
    // No pull was tried first: an out-of-date local image is the studio's to rebuild.
    expect(progress.some((p) => p.operation === 'pull')).toBe(false);
  }, 60_000);
});
