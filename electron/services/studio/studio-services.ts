import { join } from 'node:path';
import type { AppInfo } from '../../../shared/contract/app.ts';
import { WORKFLOW_RUNNER_FUNCTION } from '../../../shared/workflow/runner-event.ts';
import { createDurableEngine } from '../durable/engine.ts';
import { createTypeLibraries } from '../editor/type-libraries.ts';
import { createLocalLambdaService, type LocalLambdaService } from '../lambda/lambda-service.ts';
import type { LauncherPaths } from '../runners/launchers.ts';
import { createTemplates } from '../templates/templates.ts';
import { createTestEventsStore } from '../test-events/test-events-store.ts';
import { createWorkflowRunIndex } from '../workflows/run-index.ts';
import { createWorkflowRunner } from '../workflows/workflow-runner.ts';
import { createWorkflowStore } from '../workflows/workflow-store.ts';
import { createFunctionStore } from '../workspace/function-store.ts';
import { startFunctionUrlServer, type FunctionUrlServer } from '../function-urls/function-url-server.ts';
import { createUrlCorsLookup, createUrlDispatch } from '../function-urls/url-dispatch.ts';
import { createScheduleDispatch } from '../schedules/schedule-dispatch.ts';
import { createScheduler, realClock, type SchedulerClock } from '../schedules/scheduler.ts';
import { createQueueDispatch, createQueuePrepare } from '../queues/queue-dispatch.ts';
import { createQueuePoller } from '../queues/queue-poller.ts';
import { openQueueStore } from '../queues/queue-store.ts';
import { createQueuesHandlers } from '../queues/queues-handlers.ts';
import { openWorkspace, type WorkspaceLayout } from '../workspace/layout.ts';
import { watchWorkspace } from '../workspace/watcher.ts';
import { createHandlers } from './create-handlers.ts';
import { createEventHub, type EventHub } from './event-hub.ts';
import { forwardExecutionChanges } from './execution-events.ts';
import { createExecutionLogs } from '../handlers/execution-logs.ts';
import { createInvocationRecorder } from '../invocations/invocation-recorder.ts';
import { openInvocationStore } from '../invocations/invocation-store.ts';
import { createFunctionSync } from '../local-run/function-sync.ts';
import { syncBeforeResume } from './resume-ready.ts';
import { createDispatch, type Dispatch, type Handlers } from '../handlers/handler-table.ts';
import { createTargetService } from '../targets/target-service.ts';
import { createTargetStore, defaultConfigDir } from '../targets/target-store.ts';
import type { TargetClientOptions } from '../targets/target-clients.ts';

/** What a host (the desktop app or `serve`) says about itself and where things are. */
export interface StudioServicesOptions {
  workspaceDir: string;
  host: AppInfo['host'];
  version: string;
  /** The `resources/` folder (templates, bootstraps). */
  resourcesDir: string;
  /** A `node_modules` holding the declaration packages handed to the editor. */
  nodeModulesDir: string;
  /** More folders laid out like node_modules where declaration packages may be (a packaged app's). */
  typeLibraryDirs?: string[];
  /** Port of the local Lambda service; 0 (default) picks a free one. */
  lambdaPort?: number;
  /** Port every function URL is served on; 0 (default) picks a free one. */
  functionUrlPort?: number;
  /** Fire the functions' schedules while the services run (default true; a one-shot command says false). */
  runSchedules?: boolean;
  /** Deliver the functions' queues while the services run (default true; a one-shot command says false). */
  runQueues?: boolean;
  /** Time for the queues' visibility timeouts and batching windows (tests move it on). */
  queueClock?: SchedulerClock;
  /**
   * Where sandboxes find their bootstraps, packages and Node binary. The defaults are relative
   * to the source tree; a bundled host (the desktop app) names them itself.
   */
  sandboxPaths?: Partial<LauncherPaths>;
  /** Register every workspace function with the Lambda service at once (default true). */
  syncOnStart?: boolean;
  /**
   * The per-user settings folder holding the saved AWS targets (default: `LAMBDA_STUDIO_CONFIG_DIR`,
   * else `$XDG_CONFIG_HOME/lambda-studio`, else `~/.config/lambda-studio`).
   */
  configDir?: string;
  /** Service endpoints and retries of AWS targets' clients (tests point IAM at a stand-in). */
  awsClients?: TargetClientOptions;
  /** How long an AWS invoke of a durable function waits for it to close (default 5 s). */
  awsInvokeWaitMs?: number;
  /** Where problems that reach no caller are written (stderr in `serve`). */
  log?: (message: string, error?: unknown) => void;
}

/** Every service of an open workspace, wired together, and the one way to call them. */
export interface StudioServices {
  layout: WorkspaceLayout;
  events: EventHub;
  dispatch: Dispatch;
  /** The table behind `dispatch`, for hosts and tests that wrap it. */
  handlers: Handlers;
  lambda: LocalLambdaService;
  /** The function URLs' server (`/<function>/…` on one loopback port). */
  functionUrls: FunctionUrlServer;
  /** Stops the watcher, the engine's timers and the Lambda service with its sandboxes. */
  close(): Promise<void>;
}

/**
 * Opens (creating if needed) the workspace and starts the services behind the contract:
 * workspace files and their watcher, the local Lambda service with the durable engine, and
 * the handler table over them.
 */
export async function startStudioServices(options: StudioServicesOptions): Promise<StudioServices> {
  const log = options.log ?? (() => {});
  const layout = await openWorkspace(options.workspaceDir);
  const events = createEventHub((error) => log('An event listener failed', error));
  const templates = createTemplates(join(options.resourcesDir, 'templates'));
  const functions = createFunctionStore({ layout, templates });

  const lambda = await createLocalLambdaService({
    stateDir: layout.state,
    port: options.lambdaPort ?? 0,
    ...(options.sandboxPaths === undefined ? {} : { paths: options.sandboxPaths }),
    log: (message) => log(message),
  });
  const engine = createDurableEngine({
    dbPath: join(layout.state, 'durable.db'),
    invoker: lambda,
    region: lambda.region,
    accountId: lambda.accountId,
    log: (message) => log(message),
  });
  lambda.attachDurable(engine);
  const sync = createFunctionSync({ functions, lambda, log });
  await syncBeforeResume(engine.store, functions, sync, log);
  await engine.start();
  const stopLogs = lambda.onLog((line) => events.emit('invoke.log', line));
  const stopDockerProgress = lambda.docker.onProgress((progress) => events.emit('docker.progress', progress));
  const stopExecutions = forwardExecutionChanges(engine, events);
  const executionLogs = createExecutionLogs(lambda, { dir: join(layout.state, 'execution-logs'), log });
  const invocationStore = openInvocationStore(join(layout.state, 'invocations.db'));
  const invocations = createInvocationRecorder(lambda, invocationStore, { onChange: (summary) => events.emit('invocations.changed', summary), log });
  // Registered on the first run rather than at start: the registry keeps it across restarts, so
  // runs still waiting from an earlier session resume on their own, and a start stays quick.
  const runner = createWorkflowRunner({ lambda, resourcesDir: options.resourcesDir, buildDir: join(layout.state, 'build', WORKFLOW_RUNNER_FUNCTION), log });

  const functionUrls = await startFunctionUrlServer({
    port: options.functionUrlPort ?? 0,
    accountId: lambda.accountId,
    dispatch: createUrlDispatch({ functions, sync, lambda, engine }),
    corsOf: createUrlCorsLookup(functions),
    log,
  });

  const scheduler = createScheduler({
    list: async () => Promise.all((await functions.list()).map(async ({ name }) => ({ name, config: (await functions.get(name)).config }))),
    get: async (name) => (await functions.get(name)).config,
    fire: createScheduleDispatch({ functions, sync, lambda, engine }),
    region: lambda.region,
    account: lambda.accountId,
    log,
  });
  if (options.runSchedules !== false) await scheduler.start();

  const queueStore = openQueueStore(join(layout.state, 'queues.db'));
  const queueClock = options.queueClock ?? realClock;
  const queueChanged = (functionName: string) => events.emit('queues.changed', { functionName });
  const queues = createQueuePoller({
    store: queueStore,
    list: async () => Promise.all((await functions.list()).map(async ({ name }) => ({ name, config: (await functions.get(name)).config }))),
    get: async (name) => (await functions.get(name)).config,
    prepare: createQueuePrepare({ functions, sync }),
    invoke: createQueueDispatch({ functions, sync, lambda, engine }),
    region: lambda.region,
    account: lambda.accountId,
    clock: queueClock,
    onChange: queueChanged,
    log,
  });
  if (options.runQueues !== false) await queues.start();

  const targets = createTargetService({
    ...options.awsClients,
    store: createTargetStore(options.configDir ?? defaultConfigDir()),
    localRegion: () => lambda.region,
  });
  const handlers = createHandlers({
    appInfo: { version: options.version, workspace: layout.root, host: options.host, platform: process.platform },
    functions,
    templates,
    typeLibraries: createTypeLibraries({ nodeModulesDir: options.nodeModulesDir, extraDirs: options.typeLibraryDirs ?? [] }),
    invoke: { functions, lambda, engine, sync, testEvents: createTestEventsStore(layout.root) },
    executionLogs,
    invocations,
    workflows: {
      store: createWorkflowStore(layout),
      runIndex: createWorkflowRunIndex(join(layout.state, 'workflow-runs'), { log }),
      runner,
      resourcesDir: options.resourcesDir,
    },
    targets: {
      targets,
      functions,
      buildDir: join(layout.state, 'deploy-build'),
      emit: (progress) => events.emit('deploy.progress', progress),
      ...(options.awsInvokeWaitMs === undefined ? {} : { invokeWaitMs: options.awsInvokeWaitMs }),
    },
    functionUrls,
    schedules: scheduler,
    queues: {
      handlers: createQueuesHandlers({ store: queueStore, poller: queues, functions, clock: queueClock, region: lambda.region, account: lambda.accountId, onChange: queueChanged }),
      moveQueue: (from, to) => {
        queueStore.rename(from, to);
        queueChanged(from);
        queueChanged(to);
      },
    },
  });
  const watcher = watchWorkspace(
    layout,
    (change) => {
      events.emit('workspace.changed', change);
      if (change.functionName !== undefined) {
        sync.schedule(change.functionName);
        if (options.runSchedules !== false) void scheduler.refresh(change.functionName);
        if (options.runQueues !== false) void queues.refresh(change.functionName);
      }
    },
    { onError: (error) => log('Watching the workspace failed', error) },
  );
  await watcher.ready;
  // Outside tools may call the endpoint before anyone opens a function.
  if (options.syncOnStart !== false) void sync.syncAll();

  let closing: Promise<void> | undefined;
  return {
    layout,
    events,
    dispatch: createDispatch(handlers, log),
    handlers,
    lambda,
    functionUrls,
    close() {
      closing ??= (async () => {
        scheduler.close();
        queues.close();
        await functionUrls.close();
        await sync.close();
        targets.close();
        stopLogs();
        await executionLogs.close();
        stopDockerProgress();
        stopExecutions();
        await watcher.close();
        engine.close();
        await lambda.close();
        invocations.close();
        invocationStore.close();
        queueStore.close();
      })();
      return closing;
    },
  };
}
