import { z } from 'zod';
import { WorkflowGraph, WorkflowName } from './schema.ts';

/** The built-in durable function that runs every workflow; registered with the local Lambda service. */
export const WORKFLOW_RUNNER_FUNCTION = 'studio-workflow-runner';

/**
 * The runner's event: the graph travels with the run, so a replay uses the graph that started
 * it even when the file has been edited since.
 */
export const RunnerEvent = z.object({
  workflow: WorkflowName,
  graph: WorkflowGraph,
  input: z.unknown(),
});
export type RunnerEvent = z.infer<typeof RunnerEvent>;
