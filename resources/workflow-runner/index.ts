import { type DurableContext, DurableExecutionApiClient, type DurableLambdaHandler, withDurableExecution } from '@aws/durable-execution-sdk-js';
import { z } from 'zod';
import { runWorkflow } from '../../shared/workflow/interpret.ts';
import { RunnerEvent } from '../../shared/workflow/runner-event.ts';
import { describeProblem, validateWorkflow } from '../../shared/workflow/validate.ts';
import { observingClient, OperationLog } from './operation-log.ts';
import { sdkFlowContext } from './sdk-flow-context.ts';

/**
 * The built-in workflow runner: a durable function that runs the graph it is handed, one
 * operation per block. The same bundle runs in the studio's sandboxes and on AWS Lambda.
 */

/** A run that cannot start: its event is not a workflow run, or its graph cannot run. */
class WorkflowStartError extends Error {
  constructor(type: string, message: string) {
    super(message);
    this.name = type;
  }
}

const log = new OperationLog();

const durable = withDurableExecution(
  async (event: unknown, ctx: DurableContext): Promise<unknown> => {
    const parsed = RunnerEvent.safeParse(event);
    if (!parsed.success) throw new WorkflowStartError('WorkflowEventError', `The event is not a workflow run: ${z.prettifyError(parsed.error)}`);
    const { workflow, graph, input } = parsed.data;
    // Checked here too, as the event may come from outside the studio; the checks read nothing but the graph.
    const problems = validateWorkflow(graph);
    if (problems.length > 0) throw new WorkflowStartError('WorkflowGraphError', `Workflow "${workflow}" cannot run: ${problems.map(describeProblem).join('; ')}`);
    return runWorkflow(sdkFlowContext(ctx, log), graph, input, workflow);
  },
  { durableExecutionClient: observingClient(new DurableExecutionApiClient(), log) },
);

/** The Lambda handler (`index.handler`). */
export const handler: DurableLambdaHandler = async (event, context) => {
  log.reset();
  log.observe(event.InitialExecutionState?.Operations);
  return durable(event, context);
};
