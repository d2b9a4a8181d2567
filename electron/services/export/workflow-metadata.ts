import { formatWorkflow } from '../../../shared/workflow/file-format.ts';
import type { WorkflowGraph } from '../../../shared/workflow/schema.ts';
import type { CfnValue } from './cfn.ts';
import { LIVE_ALIAS } from './sam-names.ts';

/** The template's `Metadata` key that carries the workflow. */
export const WORKFLOW_METADATA_KEY = 'LambdaStudio::Workflow';

/**
 * The graph as it runs in AWS: each Lambda block calls its function's `live` alias, so every
 * chained invoke runs on a published version (a durable function is not invoked unqualified)
 * and stays within what the runner's role may invoke.
 */
export function deployedGraph(graph: WorkflowGraph): WorkflowGraph {
  return {
    ...graph,
    blocks: graph.blocks.map((block) => (block.type === 'lambda' ? { ...block, function: `${block.function}:${LIVE_ALIAS}` } : block)),
  };
}

/**
 * The workflow for the template's metadata: its name, the runner that runs it and the graph to
 * send in the runner's event. The graph goes through the workflow file's own writer, so its
 * keys keep the file's fixed order.
 */
export function workflowMetadata(options: { workflow: string; runner: string; graph: WorkflowGraph }): Record<string, CfnValue> {
  return {
    [WORKFLOW_METADATA_KEY]: {
      Workflow: options.workflow,
      Runner: options.runner,
      Graph: JSON.parse(formatWorkflow(deployedGraph(options.graph))) as CfnValue,
    },
  };
}
