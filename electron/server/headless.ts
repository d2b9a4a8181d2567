import { join } from 'node:path';
import { attachDurableEngine } from '../services/durable/attach.ts';
import type { StudioCredentials } from '../services/lambda/credentials.ts';
import { createLocalLambdaService } from '../services/lambda/lambda-service.ts';
import { createFunctionSync } from '../services/local-run/function-sync.ts';
import { createTemplates } from '../services/templates/templates.ts';
import { createFunctionStore } from '../services/workspace/function-store.ts';
import { openWorkspace } from '../services/workspace/layout.ts';

/** How to start the local Lambda service on its own (`serve --no-ui`). */
export interface HeadlessOptions {
  workspaceDir: string;
  resourcesDir: string;
  /** 0 (the default) picks a free port. */
  lambdaPort?: number;
  /** Fixed credentials (a CI job's); this install's generated ones otherwise. */
  credentials?: StudioCredentials;
  log?: (message: string, error?: unknown) => void;
}

/** A running headless backend. */
export interface HeadlessBackend {
  workspace: string;
  lambdaEndpoint: string;
  region: string;
  accessKeyId: string;
  secretAccessKey: string;
  /** The workspace functions deployed at start (others fail to build and are logged). */
  functions: string[];
  close(): Promise<void>;
}

/**
 * The local Lambda service with the durable engine and nothing else: no web interface, watcher,
 * schedules or function URLs. The workspace's functions are deployed before it resolves, so a CI
 * job can invoke them as soon as it reads the endpoint; CreateFunction adds more.
 */
export async function startHeadlessBackend(options: HeadlessOptions): Promise<HeadlessBackend> {
  const log = options.log ?? (() => {});
  const layout = await openWorkspace(options.workspaceDir);
  const lambda = await createLocalLambdaService({
    stateDir: layout.state,
    port: options.lambdaPort ?? 0,
    ...(options.credentials === undefined ? {} : { credentials: options.credentials }),
    log: (message) => log(message),
  });
  const functions = createFunctionStore({ layout, templates: createTemplates(join(options.resourcesDir, 'templates')) });
  const sync = createFunctionSync({ functions, lambda, log });
  const deployed: string[] = [];
  let engine: Awaited<ReturnType<typeof attachDurableEngine>> | undefined;
  try {
    // Deployed before the engine resumes anything, so unfinished executions find their code.
    const valid = (await functions.list()).filter((f) => {
      if (f.configError !== undefined) log(`${f.name} is not deployed: ${f.configError}`);
      return f.configError === undefined;
    });
    await Promise.all(
      valid.map((f) =>
        sync.sync(f.name).then(
          () => deployed.push(f.name),
          (error: unknown) => log(`${f.name} is not deployed: ${error instanceof Error ? error.message : String(error)}`),
        ),
      ),
    );
    engine = await attachDurableEngine(lambda, { stateDir: layout.state, log: (message) => log(message) });
  } catch (error) {
    await sync.close();
    await lambda.close();
    throw error;
  }
  const running = engine;
  let closing: Promise<void> | undefined;
  return {
    workspace: layout.root,
    lambdaEndpoint: lambda.endpoint,
    region: lambda.region,
    ...lambda.credentials,
    functions: deployed.sort(),
    close() {
      closing ??= (async () => {
        await sync.close();
        running.close();
        await lambda.close();
      })();
      return closing;
    },
  };
}
