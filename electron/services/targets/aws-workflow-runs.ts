import { InvokeCommand } from '@aws-sdk/client-lambda';
import { StudioError } from '../../../shared/contract/errors.ts';
import type { WorkflowRun } from '../../../shared/contract/workflows.ts';
import { type RunnerEvent, WORKFLOW_RUNNER_FUNCTION } from '../../../shared/workflow/runner-event.ts';
import type { RemoteWorkflowRuns } from '../handlers/workflow-runs.ts';
import { deployedGraph } from '../export/workflow-metadata.ts';
import type { AwsExecutions } from './aws-executions.ts';
import { LIVE_ALIAS } from './deploy-steps.ts';
import type { TargetService } from './target-service.ts';

const escape = (text: string): string => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/**
 * Runs' names are `<workflow>-<yyyymmdd>-<hhmmss>-<random>`, so a workflow's runs are told from
 * another's by the whole pattern, not the prefix alone (`orders-` would also match `orders-eu`'s).
 */
export function runNamePattern(workflow: string): RegExp {
  const stamp = '-\\d{8}-\\d{6}-[0-9a-f]{4}$';
  const room = 64 - '-yyyymmdd-hhmmss-rrrr'.length;
  return new RegExp(`^${escape(workflow.slice(0, room))}${stamp}`);
}

/**
 * Workflow runs on AWS targets: an Event invoke of the runner's `live` alias, whose executions are
 * the runs. Nothing is indexed locally: the target's own list is the truth, and one target may be
 * shared by several laptops.
 */
export function createAwsWorkflowRuns(deps: { targets: TargetService; executions: AwsExecutions }): RemoteWorkflowRuns {
  return {
    async start(target, event, executionName) {
      const { lambda, target: resolved } = await deps.targets.awsClients(target);
      // On AWS a Lambda block calls its function's `live` alias: what the deploy published and the runner may invoke.
      const sent: RunnerEvent = { ...event, graph: deployedGraph(event.graph) };
      let reply;
      try {
        reply = await deps.targets.attempt(resolved, 'lambda:InvokeFunction', () =>
          lambda.send(
            new InvokeCommand({
              FunctionName: WORKFLOW_RUNNER_FUNCTION,
              Qualifier: LIVE_ALIAS,
              InvocationType: 'Event',
              DurableExecutionName: executionName,
              Payload: new TextEncoder().encode(JSON.stringify(sent)),
            }),
          ),
        );
      } catch (error) {
        if (error instanceof StudioError && error.code === 'NOT_FOUND') {
          throw new StudioError(
            'NOT_FOUND',
            `The workflow runner is not deployed to ${resolved.name}: deploy the workflow "${event.workflow}" there first.`,
            `npm run cli -- workflow deploy ${event.workflow} --target ${resolved.name} --create-role`,
          );
        }
        throw error;
      }
      if (reply.DurableExecutionArn === undefined) {
        throw new StudioError('INTERNAL', `Starting the workflow "${event.workflow}" on ${resolved.name} started no durable execution of the runner.`);
      }
      return { executionArn: reply.DurableExecutionArn };
    },

    async list(target, workflow) {
      const pattern = runNamePattern(workflow);
      const { items } = await deps.executions.list(target, { functionName: WORKFLOW_RUNNER_FUNCTION });
      return items
        .filter((e) => pattern.test(e.DurableExecutionName))
        .map(
          (e): WorkflowRun => ({
            executionArn: e.DurableExecutionArn,
            executionName: e.DurableExecutionName,
            status: e.Status,
            startedMs: Math.round(e.StartTimestamp * 1000),
            ...(e.EndTimestamp === undefined ? {} : { endedMs: Math.round(e.EndTimestamp * 1000) }),
          }),
        );
    },
  };
}
