import { randomUUID } from 'node:crypto';
import { accountRoutes } from './account-routes.ts';
import { aliasRoutes } from './alias-routes.ts';
import type { ApiRoute } from './api-types.ts';
import { loadOrCreateCredentials, type StudioCredentials } from './credentials.ts';
import type { DurableHooks, SandboxInvoker, SandboxOutcome } from './durable-hooks.ts';
import { FunctionRegistry, parseFunctionRef } from './function-registry.ts';
import { functionRoutes, type RouteContext } from './function-routes.ts';
import { startApiServer } from './http-server.ts';
import { invokeDurableDirect } from './durable-direct-invoke.ts';
import { createEventQueue, LAMBDA_ASYNC_RETRY_DELAYS_MS } from './event-queue.ts';
import { newTraceId } from './trace-id.ts';
import { invokeRoute, type InvokeOrder } from './invoke-route.ts';
import type { InvocationEvent, InvocationMeta } from './invocation-events.ts';
import { loadRegistry, saveRegistry } from './registry-store.ts';
import { prepareWorkspaceFunction, type WorkspaceFunctionInput } from './workspace-function.ts';
import { defaultLauncherPaths, type LauncherPaths, type NodeBootstrap, sandboxCommand } from '../runners/launchers.ts';
import { StudioError } from '../../../shared/contract/errors.ts';
import type { InvocationCaller } from '../../../shared/contract/invocations.ts';
import type { Runner } from '../../../shared/workspace/function-config.ts';
import { DockerUnavailableError } from '../runners/docker-engine.ts';
import { createDockerRunner, type DockerRunner, type DockerRunnerOptions } from '../runners/docker-runner.ts';
import { startProcessSandbox } from '../runners/process-sandbox.ts';
import { createSandboxPool } from '../runners/sandbox-pool.ts';
import type { AnswerListener, InvocationResult, SandboxLogLine } from '../runners/sandbox-types.ts';
import type { DirectInvokeResult } from './direct-invoke-result.ts';

/** Options of {@link createLocalLambdaService}. */
export interface LocalLambdaServiceOptions {
  /** Where credentials, uploaded code and published versions live (e.g. `<workspace>/.studio`). */
  stateDir: string;
  /** 0 (default) picks a free port. */
  port?: number;
  /** Default `us-east-1`. */
  region?: string;
  /** Default `000000000000`. */
  accountId?: string;
  /** Defaults to this install's credentials from `<stateDir>/lambda-credentials.json` (created on first use). */
  credentials?: StudioCredentials;
  /** The durable engine; may also be attached later with `attachDurable`. */
  durable?: DurableHooks;
  /** Node sandboxes run the studio's bootstrap (default) or the official `aws-lambda-ric`. */
  nodeBootstrap?: NodeBootstrap;
  /** Sandboxes per function version at once (default 4); more concurrent invokes queue. */
  maxSandboxesPerFunction?: number;
  /** Idle warm sandboxes are stopped after this long (default 5 minutes). */
  idleSandboxMs?: number;
  /** Waits before retrying a failed Event invocation (default Lambda's: 1 and 2 minutes; `[]` turns retries off). */
  asyncRetryDelaysMs?: readonly number[];
  paths?: Partial<LauncherPaths>;
  /** Where functions that do not name a runner run (those created through the API): `process` (default) or `docker`. */
  runner?: Runner;
  /** The Docker engine the docker runner uses (default: `DOCKER_HOST` or the platform's socket). */
  docker?: Pick<DockerRunnerOptions, 'socketPath' | 'binds' | 'localImage' | 'localPythonImage' | 'freezeMode'>;
  /** Service diagnostics (not function logs; those go to `onLog`). */
  log?: (message: string) => void;
}

export type { DirectInvokeResult };

/** The local Lambda service: the Lambda API on loopback, its functions and their sandboxes. */
export interface LocalLambdaService extends SandboxInvoker {
  /** `http://127.0.0.1:<port>`: give it to `LambdaClient({ endpoint })` or `aws --endpoint-url`. */
  endpoint: string;
  region: string;
  accountId: string;
  /** This install's key pair (a fresh copy on every read). */
  readonly credentials: StudioCredentials;
  functionArn(name: string, qualifier?: string): string;
  /** Registers or updates a workspace function as `$LATEST` (bundling Node handlers); throws BuildError when the source does not build. */
  syncWorkspaceFunction(input: WorkspaceFunctionInput): Promise<{ functionArn: string; codeDir: string; warnings: string[] }>;
  /** Removes a function registered from the workspace (no-op when unknown). */
  removeWorkspaceFunction(name: string): void;
  /**
   * Invokes a function synchronously without HTTP (the studio's own Invoke panel), with every
   * log line. A durable function (with the engine attached) starts or joins an execution, as
   * Invoke does; its logs are the lines the function wrote meanwhile.
   */
  invoke(request: { functionName: string; qualifier?: string; payload: string | Buffer; durableExecutionName?: string; caller?: InvocationCaller }): Promise<DirectInvokeResult>;
  /** Every log line of every invocation, as it is written. Returns the unsubscribe function. */
  onLog(listener: (line: SandboxLogLine) => void): () => void;
  /**
   * Every invocation's start and end, whoever asked for it (the studio, the CLI, an SDK, the
   * durable engine), with the durable execution it serves. A start is told before its first log line.
   */
  onInvocation(listener: (event: InvocationEvent) => void): () => void;
  /** Plugs the durable engine in: its routes join the API, and Invoke of durable functions goes to it. */
  attachDurable(hooks: DurableHooks): void;
  /** Live sandboxes per function name. */
  sandboxStats(): Record<string, number>;
  /** The docker runner (its engine is asked nothing until a docker function runs or its status is read). */
  readonly docker: DockerRunner;
  close(): Promise<void>;
}

/**
 * Starts the local Lambda service. The returned object is the whole surface the rest of the
 * studio needs: wire `endpoint` + `credentials` into clients, push workspace functions with
 * `syncWorkspaceFunction`, stream `onLog` to the UI, and `close()` on shutdown.
 */
export async function createLocalLambdaService(options: LocalLambdaServiceOptions): Promise<LocalLambdaService> {
  const region = options.region ?? 'us-east-1';
  const accountId = options.accountId ?? '000000000000';
  const log = options.log ?? (() => undefined);
  const credentials = options.credentials ?? (await loadOrCreateCredentials(options.stateDir));
  const paths: LauncherPaths = { ...defaultLauncherPaths(), ...options.paths };
  const registry = new FunctionRegistry(region, accountId);
  for (const problem of await loadRegistry(options.stateDir, registry)) log(problem);
  // Saves run one after another so the file always holds the latest state.
  let saving = Promise.resolve();
  const persist = (): Promise<void> => {
    saving = saving
      .then(() => saveRegistry(options.stateDir, registry))
      .catch((error: unknown) => log(`Could not save the function list: ${(error as Error).message}`));
    return saving;
  };
  const listeners = new Set<(line: SandboxLogLine) => void>();
  let durable = options.durable;
  let endpoint = '';

  const addListener = (listener: (line: SandboxLogLine) => void): (() => void) => {
    listeners.add(listener);
    return () => listeners.delete(listener);
  };
  const invocationListeners = new Set<(event: InvocationEvent) => void>();
  const emitInvocation = (event: InvocationEvent) => {
    for (const listener of invocationListeners) {
      try {
        listener(event);
      } catch (error) {
        log(`An invocation listener failed: ${(error as Error).message}`);
      }
    }
  };
  /** Runs one sandbox invocation, telling invocation listeners of its start and end. */
  const recorded = async (meta: InvocationMeta, go: () => Promise<InvocationResult>): Promise<InvocationResult> => {
    emitInvocation({ kind: 'start', meta, startMs: Date.now() });
    try {
      const result = await go();
      emitInvocation({ kind: 'end', meta, endMs: Date.now(), result });
      return result;
    } catch (error) {
      emitInvocation({ kind: 'end', meta, endMs: Date.now(), error: error instanceof Error ? error.message : String(error) });
      throw error;
    }
  };
  const emitLog = (line: SandboxLogLine) => {
    for (const listener of listeners) {
      try {
        listener(line);
      } catch (error) {
        log(`A log listener failed: ${(error as Error).message}`);
      }
    }
  };
  const addInvocationListener = (listener: (event: InvocationEvent) => void): (() => void) => {
    invocationListeners.add(listener);
    return () => invocationListeners.delete(listener);
  };
  const docker = createDockerRunner({
    ...options.docker,
    nodeModulesDir: paths.nodeModulesDir,
    nodeBinary: paths.nodeBinary,
    bootstrapDir: paths.bootstrapDir,
    pythonBinary: paths.pythonBinary,
    ...(options.nodeBootstrap === undefined ? {} : { nodeBootstrap: options.nodeBootstrap }),
    log,
  });
  const runnerOf = (version: { runner?: Runner }): Runner => version.runner ?? options.runner ?? 'process';
  // Containers a crashed studio left behind go soon after start; an engine that does not answer has
  // none running. Not at once: asking the engine loads its client, which would delay the endpoint.
  const leftovers = setTimeout(() => void docker.cleanupLeftovers().catch(() => undefined), 2_000);
  leftovers.unref();
  const pool = createSandboxPool({
    maxPerFunction: options.maxSandboxesPerFunction ?? 4,
    idleMs: options.idleSandboxMs ?? 5 * 60_000,
    start: (version) =>
      runnerOf(version) === 'docker'
        ? docker.startSandbox(version, { region, functionArn: registry.functionArn(version.functionName), runtimeApi: '', credentials, lambdaEndpoint: endpoint }, emitLog)
        : startProcessSandbox({
        version,
        onLog: emitLog,
        command: (runtimeApi) =>
          sandboxCommand(version, { region, functionArn: registry.functionArn(version.functionName), runtimeApi, credentials, lambdaEndpoint: endpoint }, paths, options.nodeBootstrap ?? 'studio'),
      }),
  });

  const run = (order: InvokeOrder, onAnswer?: AnswerListener): Promise<InvocationResult> =>
    recorded({ requestId: order.requestId, functionName: order.version.functionName, version: order.version.version, caller: order.caller ?? 'api' }, () =>
      pool.run(
        order.version,
        {
          requestId: order.requestId,
          payload: order.payload.length === 0 ? Buffer.from('{}') : order.payload,
          invokedFunctionArn: order.invokedFunctionArn,
          traceId: newTraceId(),
          ...(order.clientContext === undefined ? {} : { clientContext: order.clientContext }),
        },
        onAnswer,
      ),
    );

  const events = createEventQueue({ run, retryDelaysMs: options.asyncRetryDelaysMs ?? LAMBDA_ASYNC_RETRY_DELAYS_MS, log });
  const routeContext: RouteContext = { registry, stateDir: options.stateDir, retire: (name) => pool.retire(name) };
  const persisted = (route: ApiRoute): ApiRoute =>
    route.method === 'GET' || route.operation === 'Invoke'
      ? route
      : {
          ...route,
          async handle(request, params) {
            const response = await route.handle(request, params);
            await persist();
            return response;
          },
        };
  const managementRoutes = [...functionRoutes(routeContext), ...aliasRoutes(routeContext), ...accountRoutes(registry)].map(persisted);
  const invoke = invokeRoute({
    registry,
    run,
    enqueue: (order) => events.enqueue(order),
    durable: () => durable,
  });
  // Matched in order: the calls made on every invoke and every checkpoint come first.
  let routes: ApiRoute[] = [invoke, ...managementRoutes];
  const server = await startApiServer({
    port: options.port ?? 0,
    region,
    credentials,
    routes: () => routes,
    log,
  });
  endpoint = server.endpoint;

  const resolve = (functionName: string, qualifier?: string) => registry.resolve(parseFunctionRef(functionName, region, accountId), qualifier);

  return {
    endpoint,
    region,
    accountId,
    // A fresh copy each time: SDK clients annotate the credentials object they are given.
    get credentials() {
      return { accessKeyId: credentials.accessKeyId, secretAccessKey: credentials.secretAccessKey };
    },
    functionArn: (name, qualifier) => registry.functionArn(name, qualifier),
    async syncWorkspaceFunction(input) {
      const { version, warnings } = await prepareWorkspaceFunction(input);
      version.role = `arn:aws:iam::${accountId}:role/lambda-studio-local`;
      registry.upsertLatest(version);
      pool.retire(version.functionName);
      await persist();
      return { functionArn: registry.functionArn(version.functionName), codeDir: version.codeDir, warnings };
    },
    removeWorkspaceFunction(name) {
      const record = registry.find(name);
      if (record === undefined || record.latest.origin !== 'workspace') return;
      registry.delete(name);
      pool.retire(name);
      void persist();
    },
    async invoke(request) {
      const resolved = resolve(request.functionName, request.qualifier);
      if (runnerOf(resolved.version) === 'docker') {
        // Checked first so a durable execution is not started on an engine that is not there.
        try {
          await docker.engine.ensureRunning();
        } catch (error) {
          if (error instanceof DockerUnavailableError) throw new StudioError('UNAVAILABLE', error.engine.message, error.engine.fix);
          throw error;
        }
      }
      const payload = typeof request.payload === 'string' ? Buffer.from(request.payload) : request.payload;
      const arn = registry.functionArn(resolved.record.name, request.qualifier);
      if (resolved.version.durable !== undefined && durable !== undefined) {
        return invokeDurableDirect(durable, (listener) => addListener(listener), (listener) => addInvocationListener(listener), {
          name: resolved.record.name,
          qualifier: resolved.qualifier,
          arn,
          payload,
          executionName: request.durableExecutionName,
          caller: request.caller ?? 'api',
        });
      }
      const result = await run({ requestId: randomUUID(), version: resolved.version, invokedFunctionArn: arn, payload, caller: request.caller ?? 'api' });
      return { ...result, executedVersion: resolved.version.version };
    },
    async invokeSandbox(request): Promise<SandboxOutcome> {
      const resolved = resolve(request.functionName, request.qualifier);
      const arn = registry.functionArn(resolved.record.name, request.qualifier);
      const requestId = randomUUID();
      const meta: InvocationMeta = {
        requestId,
        functionName: resolved.record.name,
        version: resolved.version.version,
        caller: request.caller ?? 'durable',
        ...(request.durableExecutionArn === undefined ? {} : { durableExecutionArn: request.durableExecutionArn }),
        ...(request.invocationNo === undefined ? {} : { invocationNo: request.invocationNo }),
      };
      const result = await recorded(meta, () =>
        pool.run(resolved.version, {
          requestId,
          payload: request.payload,
          invokedFunctionArn: arn,
          traceId: request.traceId ?? newTraceId(),
        }),
      );
      const outcome: SandboxOutcome = { payload: result.payload, executedVersion: resolved.version.version, requestId: result.requestId };
      if (result.errorType !== undefined) outcome.functionError = result.runtimeFailure ? result.errorType : 'Unhandled';
      return outcome;
    },
    async durableConfigOf(functionName, qualifier) {
      return resolve(functionName, qualifier).version.durable ?? null;
    },
    async versionOf(functionName, qualifier) {
      return resolve(functionName, qualifier).version.version;
    },
    onLog: addListener,
    onInvocation: (listener) => addInvocationListener(listener),
    attachDurable(hooks) {
      durable = hooks;
      routes = [invoke, ...hooks.routes, ...managementRoutes];
    },
    sandboxStats: () => pool.stats(),
    docker,
    async close() {
      clearTimeout(leftovers);
      events.close();
      pool.close();
      await docker.close();
      await server.close();
      await saving;
    },
  };
}
