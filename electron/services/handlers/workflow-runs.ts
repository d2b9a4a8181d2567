import { randomBytes } from 'node:crypto';
import { z } from 'zod';
import { StudioError } from '../../../shared/contract/errors.ts';
import { ExecutionStatus } from '../../../shared/contract/executions.ts';
import { LOCAL_TARGET_ID } from '../../../shared/contract/targets.ts';
import type { WorkflowRun } from '../../../shared/contract/workflows.ts';
import { type RunnerEvent, WORKFLOW_RUNNER_FUNCTION } from '../../../shared/workflow/runner-event.ts';
import type { WorkflowGraph } from '../../../shared/workflow/schema.ts';
import { describeJsonProblem, parseJsonText } from '../../../shared/workspace/json-text.ts';
import type { FunctionStore } from '../workspace/function-store.ts';
import type { WorkflowRunIndex } from '../workflows/run-index.ts';
import { runnableGraph } from '../workflows/runnable-graph.ts';
import type { WorkflowStore } from '../workflows/workflow-store.ts';
import type { FunctionSync } from '../local-run/function-sync.ts';
import { type LambdaApiCall, label } from '../lambda-client/lambda-api-client.ts';
import { syncForRun } from '../local-run/sync-for-run.ts';

/** The part of the workflow runner a run waits for: its registration with the Lambda service. */
export interface WorkflowRunnerHandle {
  ready(): Promise<void>;
}

/** Starting workflow runs and listing them. */
export interface WorkflowRuns {
  /** Starts a durable execution of the runner for the saved workflow; answers as soon as it has started. */
  start(name: string, payload?: string, target?: string): Promise<{ executionArn: string; executionName: string }>;
  /** The workflow's runs, newest first, with status and times from the Lambda API. */
  list(name: string, target?: string): Promise<WorkflowRun[]>;
}

/** Runs on AWS targets, where the runner is the one `workflows.deploy` put there. */
export interface RemoteWorkflowRuns {
  start(target: string, event: RunnerEvent, executionName: string): Promise<{ executionArn: string }>;
  list(target: string, workflow: string): Promise<WorkflowRun[]>;
}

export interface WorkflowRunsServices {
  workflows: WorkflowStore;
  functions: FunctionStore;
  sync: FunctionSync;
  runner: WorkflowRunnerHandle;
  /** Signed calls to the local Lambda API. */
  call: LambdaApiCall;
  index: WorkflowRunIndex;
  /** Runs on AWS targets; without it a target other than local is refused. */
  remote?: RemoteWorkflowRuns;
}

const onTarget = (target: string | undefined): target is string => target !== undefined && target !== LOCAL_TARGET_ID;

const ListedExecution = z.looseObject({
  DurableExecutionArn: z.string(),
  Status: ExecutionStatus,
  StartTimestamp: z.number(),
  EndTimestamp: z.number().optional(),
});
type ListedExecution = z.infer<typeof ListedExecution>;
const ExecutionsPage = z.object({ DurableExecutions: z.array(ListedExecution).optional(), NextMarker: z.string().nullish() });

/** Runs started this long before the oldest indexed one are still looked for (clocks and rounding). */
const LIST_SLACK_MS = 60_000;

/**
 * `<workflow>-<yyyymmdd>-<hhmmss>-<random>`: readable in the Executions list, sorted by time,
 * unique, and within the API's 64 characters of letters, digits, - and _.
 */
export function runExecutionName(workflow: string, now = new Date()): string {
  const time = now.toISOString().slice(0, 19).replace(/[-:]/g, '').replace('T', '-');
  const suffix = `${time}-${randomBytes(2).toString('hex')}`;
  return `${workflow.slice(0, 64 - suffix.length - 1)}-${suffix}`;
}

/** The run's input: the payload given, else the Input block's sample, else `{}`. */
function inputOf(graph: WorkflowGraph, payload: string | undefined): unknown {
  if (payload === undefined) {
    const start = graph.blocks.find((block) => block.type === 'input' && block.parent === undefined);
    return start?.type === 'input' && start.sample !== undefined ? start.sample : {};
  }
  const reading = parseJsonText(payload);
  if (!reading.ok) throw new StudioError('BAD_INPUT', `${describeJsonProblem('The payload', reading.problem)}.`);
  return reading.value;
}

/** Runs of workflows as durable executions of the workflow runner, through the local Lambda API. */
export function createWorkflowRuns(services: WorkflowRunsServices): WorkflowRuns {
  const { runner, call, index } = services;

  async function runnerReady(): Promise<void> {
    try {
      await runner.ready();
    } catch (error) {
      if (error instanceof StudioError) throw error;
      throw new StudioError('UNAVAILABLE', 'The workflow runner could not be started.', error instanceof Error ? error.message : String(error));
    }
  }

  return {
    async start(name, payload, target) {
      const graph = await runnableGraph(services, name);
      const input = inputOf(graph, payload);
      if (onTarget(target)) {
        if (services.remote === undefined) throw new StudioError('BAD_INPUT', `Workflows cannot run on ${target} here.`);
        const executionName = runExecutionName(name);
        const { executionArn } = await services.remote.start(target, { workflow: name, graph, input }, executionName);
        return { executionArn, executionName };
      }
      // Each Lambda block's function runs as it is on disk, as the Invoke panel would run it.
      const used = new Set(graph.blocks.flatMap((block) => (block.type === 'lambda' ? [block.function] : [])));
      for (const functionName of used) await syncForRun(services, functionName);
      await runnerReady();

      const executionName = runExecutionName(name);
      const event: RunnerEvent = { workflow: name, graph, input };
      const startedMs = Date.now();
      const reply = await call({
        method: 'POST',
        path: `/2015-03-31/functions/${label(WORKFLOW_RUNNER_FUNCTION)}/invocations`,
        headers: { 'x-amz-invocation-type': 'Event', 'x-amz-durable-execution-name': executionName },
        body: JSON.stringify(event),
      });
      const executionArn = reply.headers['x-amz-durable-execution-arn'];
      if (executionArn === undefined) throw new StudioError('INTERNAL', `Starting the workflow "${name}" started no durable execution of the runner.`);
      await index.add(name, { executionArn, executionName, startedMs });
      return { executionArn, executionName };
    },

    async list(name, target) {
      if (onTarget(target)) return services.remote === undefined ? [] : services.remote.list(target, name);
      const indexed = await index.list(name);
      if (indexed.length === 0) return [];
      const oldest = Math.min(...indexed.map((run) => run.startedMs));
      const found = new Map<string, ListedExecution>();
      let marker: string | undefined;
      try {
        do {
          const reply = await call({
            method: 'GET',
            path: `/2025-12-01/functions/${label(WORKFLOW_RUNNER_FUNCTION)}/durable-executions`,
            query: { StartedAfter: new Date(oldest - LIST_SLACK_MS).toISOString(), MaxItems: '1000', Marker: marker },
          });
          const page = ExecutionsPage.safeParse(reply.body);
          if (!page.success) throw new StudioError('INTERNAL', 'The Lambda API answered ListDurableExecutionsByFunction in an unexpected shape.', page.error.message);
          for (const execution of page.data.DurableExecutions ?? []) found.set(execution.DurableExecutionArn, execution);
          marker = page.data.NextMarker ?? undefined;
        } while (marker !== undefined);
      } catch (error) {
        // The runner has never run here: none of the indexed runs exists any more.
        if (error instanceof StudioError && error.code === 'NOT_FOUND') return [];
        throw error;
      }
      // Runs the API no longer knows (past their retention) are left out.
      return indexed.flatMap((run): WorkflowRun[] => {
        const execution = found.get(run.executionArn);
        if (execution === undefined) return [];
        return [
          {
            executionArn: run.executionArn,
            executionName: run.executionName,
            status: execution.Status,
            startedMs: Math.round(execution.StartTimestamp * 1000),
            ...(execution.EndTimestamp === undefined ? {} : { endedMs: Math.round(execution.EndTimestamp * 1000) }),
          },
        ];
      });
    },
  };
}
