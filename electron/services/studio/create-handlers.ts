import type { AppInfo } from '../../../shared/contract/app.ts';
import { StudioError } from '../../../shared/contract/errors.ts';
import type { Scheduler } from '../schedules/scheduler.ts';
import type { createQueuesHandlers } from '../queues/queues-handlers.ts';
import { exportWorkflowCode } from '../../../shared/workflow/export-code.ts';
import type { TypeLibraries } from '../editor/type-libraries.ts';
import type { Templates } from '../templates/templates.ts';
import type { WorkflowRunIndex } from '../workflows/run-index.ts';
import type { WorkflowStore } from '../workflows/workflow-store.ts';
import type { FunctionStore } from '../workspace/function-store.ts';
import type { FunctionSync } from '../local-run/function-sync.ts';
import type { Handlers } from '../handlers/handler-table.ts';
import { createDebugLocallyHandlers, historyFromLocal } from '../handlers/debug-locally-handlers.ts';
import { createDockerHandlers } from '../handlers/docker-handlers.ts';
import { createDurableStoreHandlers } from '../handlers/durable-store-handlers.ts';
import type { ExecutionLogs } from '../handlers/execution-logs.ts';
import { createExecutionsHandlers } from '../handlers/executions-handlers.ts';
import { createExportHandlers } from '../handlers/export-handlers.ts';
import { createInvocationsHandlers } from '../handlers/invocations-handlers.ts';
import { createInvokeHandlers, type InvokeServices } from '../handlers/invoke-handlers.ts';
import type { InvocationRecorder } from '../invocations/invocation-recorder.ts';
import { createLambdaApiClient } from '../lambda-client/lambda-api-client.ts';
import { syncForRun } from '../local-run/sync-for-run.ts';
import { createAwsExecutions } from '../targets/aws-executions.ts';
import { createAwsWorkflowRuns } from '../targets/aws-workflow-runs.ts';
import { deployWorkflow } from '../targets/deploy-workflow.ts';
import { awsHistory, createTargetsHandlers, isLocal, routeByTarget, type TargetsDeps } from '../handlers/targets-handlers.ts';
import { createWorkflowRuns, type WorkflowRunnerHandle } from '../handlers/workflow-runs.ts';
import { createWorkflowsHandlers } from '../handlers/workflows-handlers.ts';

/** The services a host has started, from which the handler table is built. */
export interface HandlerServices {
  appInfo: AppInfo;
  functions: FunctionStore;
  templates: Templates;
  typeLibraries: TypeLibraries;
  /** The local Lambda side: running functions and their saved test events. */
  invoke: InvokeServices;
  /** The durable logger's lines per execution, for the execution viewer. */
  executionLogs?: ExecutionLogs;
  /** Every local invocation with its caller, execution and lines. */
  invocations?: InvocationRecorder;
  /** Workflow files, which runs are whose, and the runner function that runs them. */
  workflows: {
    store: WorkflowStore;
    runIndex: WorkflowRunIndex;
    runner: WorkflowRunnerHandle;
    /** The studio's resources folder: the runner's source, deployed with a workflow. */
    resourcesDir: string;
  };
  /** AWS targets: the saved ones, their clients, and where deploys are built. */
  targets: TargetsDeps;
  /** Where the function URLs are served. */
  functionUrls: { origin: string };
  /** The workspace's schedules, firing while the studio runs. */
  schedules: Pick<Scheduler, 'next' | 'fireNow'>;
  /** The functions' queues: their messages, sends and redrives, and moving one with its renamed function. */
  queues: { handlers: ReturnType<typeof createQueuesHandlers>; moveQueue(from: string, to: string): void };
}

/** One handler per contract method, each a thin call into a service. */
export function createHandlers(services: HandlerServices): Handlers {
  const { functions, templates, typeLibraries } = services;
  const sync: FunctionSync = services.invoke.sync;
  const call = createLambdaApiClient(() => {
    const { endpoint, region, credentials } = services.invoke.lambda;
    return { endpoint, region, credentials };
  });
  const { store: workflows, runIndex: index, runner } = services.workflows;
  const invokeHandlers = createInvokeHandlers(services.invoke);
  const localHistory = historyFromLocal(call);
  const cloudHistory = awsHistory(services.targets);
  const awsExecutions = createAwsExecutions({ targets: services.targets.targets, durableFunctionNames: async () => [] });
  const executionsHandlers = createExecutionsHandlers({
    call,
    engine: services.invoke.engine,
    ...(services.executionLogs === undefined ? {} : { logs: services.executionLogs }),
  });
  return {
    ...invokeHandlers,
    ...createDockerHandlers(services.invoke.lambda.docker),
    ...createDurableStoreHandlers(services.invoke.engine),
    ...createInvocationsHandlers(services.invocations),
    ...createDebugLocallyHandlers({
      prepare: (name) => syncForRun({ functions, sync }, name),
      engine: services.invoke.engine,
      historyOf: (arn, target) => (isLocal(target) ? localHistory(arn, target) : cloudHistory(target ?? '', arn)),
    }),
    ...createTargetsHandlers(services.targets),
    ...executionsHandlers,
    // Last, so the target-aware methods send AWS targets' calls to AWS and the rest to the handlers above.
    ...routeByTarget({ ...invokeHandlers, ...executionsHandlers }, services.targets),
    ...createWorkflowsHandlers({
      workflows,
      index,
      runs: createWorkflowRuns({ workflows, functions, sync, runner, call, index, remote: createAwsWorkflowRuns({ targets: services.targets.targets, executions: awsExecutions }) }),
      exportCode: exportWorkflowCode,
      deploy: (input) => deployWorkflow({ ...services.targets, workflows, resourcesDir: services.workflows.resourcesDir }, input),
    }),
    ...createExportHandlers({ functions, workflows }),
    ...services.queues.handlers,
    'app.info': async () => services.appInfo,
    'editor.typeLibraries': () => typeLibraries.load(),
    'templates.list': async () => templates.list(),
    'functions.list': () => functions.list(),
    'functions.get': ({ name }) => functions.get(name),
    'functions.create': ({ name, template }) => functions.create(name, template),
    'functions.rename': async ({ from, to }) => {
      const renamed = await functions.rename(from, to);
      sync.remove(from);
      sync.schedule(to);
      // The queue goes with its function, messages and all.
      services.queues.moveQueue(from, to);
      return renamed;
    },
    'functions.delete': async ({ name }) => {
      await functions.remove(name);
      sync.remove(name);
      return { ok: true };
    },
    'functions.readFile': async ({ name, path }) => ({ content: await functions.readFile(name, path) }),
    'functions.writeFile': async ({ name, path, content }) => {
      await functions.writeFile(name, path, content);
      return { ok: true };
    },
    'functions.saveConfig': ({ name, config }) => functions.saveConfig(name, config),
    'functionUrls.info': async () => ({ origin: services.functionUrls.origin }),
    'schedules.status': async ({ functionName }) => ({ next: (services.schedules.next(functionName, 5) ?? []).map((t) => new Date(t).toISOString()) }),
    'schedules.fireNow': async ({ functionName }) => {
      if (!(await services.schedules.fireNow(functionName))) {
        throw new StudioError('NOT_FOUND', `${functionName} has no schedule running. Turn its schedule on and save function.json first.`);
      }
      return { ok: true };
    },
  };
}
