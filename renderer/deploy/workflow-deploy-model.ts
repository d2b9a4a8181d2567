import type { DeployProgress } from '../../shared/contract/targets.ts';
import type { WorkflowDeployResult } from '../../shared/contract/workflows.ts';
import { WORKFLOW_RUNNER_FUNCTION } from '../../shared/workflow/runner-event.ts';
import type { WorkflowGraph } from '../../shared/workflow/schema.ts';
import { applyProgress, type StepRow } from './deploy-model.ts';

/** The steps of one function of a workflow deploy (a function a Lambda block calls, or the runner). */
export interface FunctionSteps {
  fn: string;
  rows: StepRow[];
}

/** What a workflow deploy puts on the target, in the order it does: each function its Lambda blocks call, then the runner. */
export function workflowDeployFunctions(graph: Pick<WorkflowGraph, 'blocks'>): string[] {
  const called = graph.blocks.flatMap((b) => (b.type === 'lambda' && b.function !== '' ? [b.function] : []));
  return [...new Set(called), WORKFLOW_RUNNER_FUNCTION];
}

/** Folds a `deploy.progress` event into the per-function groups: a function shows once, in the order it started. */
export function applyWorkflowProgress(groups: readonly FunctionSteps[], event: DeployProgress): FunctionSteps[] {
  const index = groups.findIndex((g) => g.fn === event.functionName);
  if (index === -1) return [...groups, { fn: event.functionName, rows: applyProgress([], event) }];
  return groups.map((g, i) => (i === index ? { fn: g.fn, rows: applyProgress(g.rows, event) } : g));
}

/** How a function of the deploy is named to the person. */
export function functionLabel(fn: string): string {
  return fn === WORKFLOW_RUNNER_FUNCTION ? 'Workflow runner' : fn;
}

export interface DeployedLine {
  fn: string;
  label: string;
  version: string;
  aliasArn: string;
}

/** The result as lines: the runner first (it is what a run starts), then each function. */
export function deployedLines(result: WorkflowDeployResult): DeployedLine[] {
  return [
    { fn: WORKFLOW_RUNNER_FUNCTION, label: functionLabel(WORKFLOW_RUNNER_FUNCTION), version: result.runner.version, aliasArn: result.runner.aliasArn },
    ...result.functions.map((f) => ({ fn: f.name, label: f.name, version: f.version, aliasArn: f.aliasArn })),
  ];
}
