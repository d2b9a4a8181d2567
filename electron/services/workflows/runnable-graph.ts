import { StudioError } from '../../../shared/contract/errors.ts';
import type { WorkflowGraph } from '../../../shared/workflow/schema.ts';
import { describeProblem, validateWorkflow } from '../../../shared/workflow/validate.ts';
import type { FunctionStore } from '../workspace/function-store.ts';
import type { WorkflowStore } from './workflow-store.ts';

/**
 * The saved graph, if it can run; otherwise every reason why not, one per line. Runs and deploys
 * check the same way, so a graph that deploys also runs.
 */
export async function runnableGraph(
  stores: { workflows: WorkflowStore; functions: FunctionStore },
  name: string,
  verb: 'run' | 'be deployed' = 'run',
): Promise<WorkflowGraph> {
  const detail = await stores.workflows.get(name);
  if (detail.graph === null) {
    throw new StudioError('INVALID_CONFIG', `The workflow "${name}" cannot ${verb}: its file is broken.`, detail.fileError);
  }
  const names = (await stores.functions.list()).map((f) => f.name);
  const problems = validateWorkflow(detail.graph, { functions: names });
  if (problems.length > 0) {
    throw new StudioError(
      'INVALID_CONFIG',
      `The workflow "${name}" cannot ${verb}: ${problems.length} ${problems.length === 1 ? 'problem' : 'problems'}`,
      problems.map(describeProblem).join('\n'),
    );
  }
  return detail.graph;
}

/** The workspace functions the graph's Lambda blocks call, each once, sorted. */
export function functionsOf(graph: WorkflowGraph): string[] {
  return [...new Set(graph.blocks.flatMap((block) => (block.type === 'lambda' ? [block.function] : [])))].sort();
}
