import { mkdir, mkdtemp, readdir, rm, utimes, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { WORKFLOW_RUNNER_FUNCTION } from '../../../shared/workflow/runner-event.ts';
import { type DurableHarness, startDurableHarness } from '../durable/test-support.ts';
import type { LocalLambdaService } from '../lambda/lambda-service.ts';
import { createWorkflowRunner } from './workflow-runner.ts';

/**
 * Registration of the runner: built once, shared by callers at the same time, built again
 * only when a file the bundle was made from changes. A stand-in runner keeps it quick.
 */
let h: DurableHarness;
let resourcesDir: string;
let syncs = 0;
let lambda: LocalLambdaService;

/** Writes a source file with a modification time in the past, clear of any build's start. */
async function source(name: string, text: string, ageSeconds: number): Promise<void> {
  const path = join(resourcesDir, 'workflow-runner', name);
  await writeFile(path, text);
  const when = new Date(Date.now() - ageSeconds * 1000);
  await utimes(path, when, when);
}

const value = (text: string) => `export const VALUE = ${JSON.stringify(text)};\n`;

beforeAll(async () => {
  h = await startDurableHarness();
  resourcesDir = await mkdtemp(join(tmpdir(), 'runner-resources-'));
  await mkdir(join(resourcesDir, 'workflow-runner'));
  await source('index.ts', "import { withDurableExecution } from '@aws/durable-execution-sdk-js';\nimport { VALUE } from './value.ts';\nexport const handler = withDurableExecution(async () => VALUE);\n", 60);
  await source('value.ts', value('one'), 60);
  lambda = Object.create(h.service) as LocalLambdaService;
  lambda.syncWorkspaceFunction = (input) => {
    syncs++;
    return h.service.syncWorkspaceFunction(input);
  };
});

afterAll(async () => {
  await h?.close();
  await rm(resourcesDir, { recursive: true, force: true });
});

async function runOnce(): Promise<unknown> {
  const done = await h.finish(await h.start(WORKFLOW_RUNNER_FUNCTION, {}));
  return JSON.parse(done.Result ?? 'null');
}

describe('workflow runner registration', () => {
  it('builds once, then again only after its source changes', async () => {
    const buildDir = join(h.stateDir, 'runner-build');
    const runner = createWorkflowRunner({ lambda, resourcesDir, buildDir });
    await Promise.all([runner.ready(), runner.ready()]);
    await runner.ready();
    expect(syncs).toBe(1);
    expect(await runOnce()).toBe('one');

    await source('value.ts', value('two'), 30);
    await runner.ready();
    expect(syncs).toBe(2);
    expect(await runOnce()).toBe('two');

    await source('value.ts', value('three'), 20);
    await runner.ready();
    await runner.ready();
    expect(syncs).toBe(3);
    expect(await runOnce()).toBe('three');
    // The build before the last stays for sandboxes still starting from it; older ones go.
    expect((await readdir(buildDir)).length).toBe(2);
  }, 30_000);

  it('reports a runner that does not build, and builds once it is fixed', async () => {
    const runner = createWorkflowRunner({ lambda, resourcesDir, buildDir: join(h.stateDir, 'runner-build-2'), log: () => {} });
    await source('value.ts', 'export const VALUE = ;\n', 10);
    await expect(runner.ready()).rejects.toThrow(/did not build/);
    await source('value.ts', value('fixed'), 5);
    await runner.ready();
    expect(await runOnce()).toBe('fixed');
  }, 30_000);
});
