import { CreateFunctionCommand, type Event as HistoryEvent, type LambdaClient } from '@aws-sdk/client-lambda';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { WORKFLOW_RUNNER_FUNCTION } from '../../../shared/workflow/runner-event.ts';
import { type Block, type Edge, WorkflowGraph, type WorkflowGraphInput } from '../../../shared/workflow/schema.ts';
import { startDurableHarness, type DurableHarness } from '../durable/test-support.ts';
import { zipOf } from '../lambda/test-support.ts';
import { createWorkflowRunner } from './workflow-runner.ts';

/** The repository's `resources/`, where the runner's source lives. */
export const RESOURCES_DIR = join(import.meta.dirname, '..', '..', '..', 'resources');
/** Lambda-block targets of the workflow suites. */
export const BLOCK_HANDLERS_DIR = join(import.meta.dirname, 'test-handlers');

/** Deploys `test-handlers/<file>` as a plain (not durable) function, through the Lambda API. */
export async function deployBlockFunction(client: LambdaClient, name: string, file: string, environment: Record<string, string> = {}): Promise<void> {
  const source = await readFile(join(BLOCK_HANDLERS_DIR, file), 'utf8');
  await client.send(
    new CreateFunctionCommand({
      FunctionName: name,
      Runtime: 'nodejs22.x',
      Role: 'arn:aws:iam::000000000000:role/x',
      Handler: 'index.handler',
      Code: { ZipFile: zipOf({ 'index.mjs': source }) },
      Timeout: 30,
      Environment: { Variables: { BLOCK_NAME: name, ...environment } },
    }),
  );
}

export interface WorkflowHarness extends DurableHarness {
  /** Starts a run of `graph` and returns the execution's ARN. */
  run(graph: WorkflowGraph, input: unknown, name?: string): Promise<string>;
}

/** The durable harness (real service, engine and sandboxes) with the workflow runner registered. */
export async function startWorkflowHarness(): Promise<WorkflowHarness> {
  const harness = await startDurableHarness();
  const runner = createWorkflowRunner({ lambda: harness.service, resourcesDir: RESOURCES_DIR, buildDir: join(harness.stateDir, 'build', WORKFLOW_RUNNER_FUNCTION) });
  await runner.ready();
  return {
    ...harness,
    run: (graph, input, name) => harness.start(WORKFLOW_RUNNER_FUNCTION, { workflow: 'test', graph, input }, name),
  };
}

type BlockFields<T extends Block['type']> = Omit<Extract<WorkflowGraphInput['blocks'][number], { type: T }>, 'id' | 'type' | 'position'>;

/** A block at the origin: tests do not care where blocks sit. */
export function block<T extends Block['type']>(id: string, type: T, fields?: BlockFields<T>): WorkflowGraphInput['blocks'][number] {
  return { id, type, position: { x: 0, y: 0 }, ...fields } as WorkflowGraphInput['blocks'][number];
}

/** Edges along a chain of block ids. */
export function chain(...ids: string[]): Edge[] {
  return ids.slice(1).map((target, i) => edge(ids[i] ?? '', target));
}

export function edge(source: string, target: string, sourceHandle?: string): Edge {
  return { id: `${source}->${target}${sourceHandle === undefined ? '' : `:${sourceHandle}`}`, source, target, ...(sourceHandle === undefined ? {} : { sourceHandle }) };
}

/** A graph with its defaults filled in, as the runner receives it. */
export function graphOf(blocks: WorkflowGraphInput['blocks'], edges: Edge[]): WorkflowGraph {
  return WorkflowGraph.parse({ blocks, edges });
}

/** The result of a finished run, parsed. */
export function resultOf(out: { Result?: string | undefined }): unknown {
  return JSON.parse(out.Result ?? 'null');
}

/** Names of the operations in a history, counted. */
export function namesIn(events: HistoryEvent[], eventType: string): Map<string, number> {
  const counts = new Map<string, number>();
  for (const e of events) if (e.EventType === eventType && e.Name !== undefined) counts.set(e.Name, (counts.get(e.Name) ?? 0) + 1);
  return counts;
}
