import { z } from 'zod';
import { WorkflowGraph, WorkflowName } from '../workflow/schema.ts';
import { Done, method, NoInput } from './define.ts';
import { ExecutionStatus } from './executions.ts';
import { DeployRole, TargetId } from './targets.ts';

/** A workflow as the list shows it; a broken file is reported, never hidden. */
export const WorkflowSummary = z.object({
  name: z.string(),
  description: z.string().optional(),
  blockCount: z.number(),
  fileError: z.string().optional(),
});
export type WorkflowSummary = z.infer<typeof WorkflowSummary>;

/** Everything the canvas needs to open a workflow. */
export const WorkflowDetail = z.object({
  name: z.string(),
  /** The parsed graph, or null when the file does not parse or fit the schema. */
  graph: WorkflowGraph.nullable(),
  /** The file's text as it is on disk, so a broken one can be shown. */
  text: z.string(),
  /** What is wrong with the file, naming the field at fault. */
  fileError: z.string().optional(),
});
export type WorkflowDetail = z.infer<typeof WorkflowDetail>;

/** One run of a workflow: a durable execution of the workflow runner. */
export const WorkflowRun = z.object({
  executionArn: z.string(),
  executionName: z.string(),
  status: ExecutionStatus,
  /** Epoch milliseconds. */
  startedMs: z.number(),
  endedMs: z.number().optional(),
});
export type WorkflowRun = z.infer<typeof WorkflowRun>;

const ByName = z.object({ name: WorkflowName }).strict();

/** What `workflows.deploy` put on the target: the runner and each function the Lambda blocks call. */
export const WorkflowDeployResult = z.object({
  runner: z.object({ functionArn: z.string(), version: z.string(), aliasArn: z.string() }),
  functions: z.array(z.object({ name: z.string(), version: z.string(), aliasArn: z.string() })),
});
export type WorkflowDeployResult = z.infer<typeof WorkflowDeployResult>;

export const workflowsMethods = {
  'workflows.list': method(NoInput, z.array(WorkflowSummary)),
  'workflows.get': method(ByName, WorkflowDetail),
  /** A new workflow with an Input and an Output block, connected. */
  'workflows.create': method(ByName, WorkflowDetail),
  /** Writes the graph (checked against the schema first) with stable key order. */
  'workflows.save': method(z.object({ name: WorkflowName, graph: WorkflowGraph }).strict(), WorkflowDetail),
  'workflows.rename': method(z.object({ from: WorkflowName, to: WorkflowName }).strict(), WorkflowDetail),
  'workflows.duplicate': method(z.object({ from: WorkflowName, to: WorkflowName }).strict(), WorkflowDetail),
  /** Moves the file to the workspace's trash. */
  'workflows.delete': method(ByName, Done),
  /**
   * Starts a run of the saved workflow: `payload` is JSON text (the Input block's sample when
   * absent). An invalid graph is refused with its problems, each naming its block. With an AWS
   * `target`, the runner deployed there by `workflows.deploy` runs it (local by default).
   */
  'workflows.run': method(
    z.object({ name: WorkflowName, payload: z.string().optional(), target: TargetId.optional() }).strict(),
    z.object({ executionArn: z.string(), executionName: z.string() }),
  ),
  /** The workflow's runs, newest first; with an AWS `target`, the runs of the runner deployed there. */
  'workflows.runs': method(z.object({ name: WorkflowName, target: TargetId.optional() }).strict(), z.array(WorkflowRun)),
  /**
   * Deploys the workflow to an AWS target: each function its Lambda blocks call, then the workflow
   * runner (a durable function allowed to invoke them), each published with alias `live` moved to
   * the new version. Every step is a `deploy.progress` event, as for `deploy.function`.
   */
  'workflows.deploy': method(z.object({ name: WorkflowName, target: TargetId, role: DeployRole.optional() }).strict(), WorkflowDeployResult),
  /** A TypeScript durable handler that does what the graph does. */
  'workflows.export': method(ByName, z.object({ fileName: z.string(), code: z.string() })),
};
