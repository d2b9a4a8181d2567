import { SendDurableExecutionCallbackSuccessCommand } from '@aws-sdk/client-lambda';
import { mkdir, mkdtemp, rm, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { exportWorkflowCode } from '../../../shared/workflow/export-code.ts';
import type { WorkflowGraph } from '../../../shared/workflow/schema.ts';
import { CONTROL_FLOW_GRAPH, LAMBDA_GRAPH } from '../../../shared/workflow/test-graphs.ts';
import { FunctionConfig } from '../../../shared/workspace/function-config.ts';
import { EVERY_BLOCK_FUNCTIONS, EVERY_BLOCK_GRAPH } from './every-block-graph.ts';
import { deployBlockFunction, resultOf, startWorkflowHarness, type WorkflowHarness } from './test-support.ts';

/**
 * The exported handler must do what the runner does: for each test graph, both run on the
 * real engine with the same input and the same approvals, and give the same output through
 * the same operations.
 */
const ROOT = join(import.meta.dirname, '..', '..', '..');
let h: WorkflowHarness;
let dir: string;

beforeAll(async () => {
  h = await startWorkflowHarness();
  dir = await mkdtemp(join(tmpdir(), 'export-parity-'));
  await symlink(join(ROOT, 'node_modules'), join(dir, 'node_modules'));
  await Promise.all([
    ...Object.entries(EVERY_BLOCK_FUNCTIONS).map(([name, file]) => deployBlockFunction(h.client, name, file)),
    deployBlockFunction(h.client, 'wf-echo', 'answer.mjs'),
    deployBlockFunction(h.client, 'wf-fail', 'throw-type.mjs'),
  ]);
});

afterAll(async () => {
  await h?.close();
  await rm(dir, { recursive: true, force: true });
});

/** Registers the exported handler of `graph` as a durable function of its own. */
async function deployExported(name: string, graph: WorkflowGraph): Promise<void> {
  const source = join(dir, name);
  await rm(source, { recursive: true, force: true });
  await mkdir(source, { recursive: true });
  await writeFile(join(source, 'index.ts'), exportWorkflowCode(name, graph));
  const config = FunctionConfig.parse({ runtime: 'nodejs22.x', handler: 'index.handler', timeout: 60, memorySize: 512, durable: { enabled: true, executionTimeout: 3600 } });
  await h.service.syncWorkspaceFunction({ name, dir: source, config, buildDir: join(dir, 'build', name) });
}

/** What a run waits for, in order: a Wait to skip on the virtual clock, or an approval to answer. */
type Action = { skipWait: string } | { approve: string };

/** Drives a run through its actions to its end; returns its output and its operations by event. */
async function drive(arn: string, actions: Action[]): Promise<{ output: unknown; operations: string[] }> {
  for (const action of actions) {
    if ('skipWait' in action) {
      await h.waitForEvent(arn, 'WaitStarted', action.skipWait, 60_000);
      await h.engine.skip(arn);
    } else {
      const callback = await h.waitForEvent(arn, 'CallbackStarted', undefined, 60_000);
      await h.client.send(new SendDurableExecutionCallbackSuccessCommand({ CallbackId: callback.CallbackStartedDetails?.CallbackId, Result: Buffer.from(action.approve) }));
    }
  }
  const done = await h.finish(arn, 60_000);
  expect(done.Error).toBeUndefined();
  const operations = (await h.history(arn))
    .filter((e) => e.Name !== undefined && !(e.EventType ?? '').startsWith('Execution') && !(e.EventType ?? '').startsWith('Invocation'))
    .map((e) => `${e.EventType}:${e.Name}`)
    .sort();
  return { output: resultOf(done), operations };
}

describe('exported handler', () => {
  const cases: Array<{ name: string; graph: WorkflowGraph; input: unknown; actions: Action[] }> = [
    { name: 'control', graph: CONTROL_FLOW_GRAPH, input: { items: [1, 2, 3], total: 120 }, actions: [] },
    { name: 'calls', graph: LAMBDA_GRAPH, input: { n: 2 }, actions: [{ skipWait: 'pause' }, { approve: '"approved"' }] },
    { name: 'every', graph: EVERY_BLOCK_GRAPH, input: { count: 100 }, actions: [{ approve: JSON.stringify({ approved: true, by: 'ana' }) }, { skipWait: 'pause' }] },
  ];
  for (const c of cases) {
    it(`gives the runner's output through the same operations: ${c.name}`, async () => {
      await deployExported(`exported-${c.name}`, c.graph);
      const viaRunner = await drive(await h.run(c.graph, c.input), c.actions);
      const viaExport = await drive(await h.start(`exported-${c.name}`, c.input), c.actions);
      expect(viaExport.output).toEqual(viaRunner.output);
      expect(viaExport.operations).toEqual(viaRunner.operations);
    }, 90_000);
  }
});
