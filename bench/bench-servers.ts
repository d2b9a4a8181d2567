// The servers the invoke and function URL benches measure against, each runnable in the bench's
// own process (import) or as a process of its own (node this-file floor|studio|workspace), where
// it prints one JSON line saying how to reach it; and the SDK client the benches reach them with.
import { LambdaClient, type LambdaClientConfig } from '@aws-sdk/client-lambda';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { StudioCredentials } from '../electron/services/lambda/credentials.ts';
import { createLocalLambdaService } from '../electron/services/lambda/lambda-service.ts';
import { startHelperProcess } from './helper-process.ts';

export interface Reachable {
  /** The Lambda API (or what stands in for it). */
  endpoint: string;
  region?: string;
  credentials?: StudioCredentials;
  /** Where the workspace studio serves its function URLs. */
  functionUrls?: string;
  close(): Promise<void>;
}

/** Answers every request at once with a small JSON body, as Invoke would: the client's floor. */
export async function startFloorServer(): Promise<Reachable> {
  const server: Server = createServer((req, res) => {
    req.resume();
    req.on('end', () => {
      res.writeHead(200, { 'content-type': 'application/json', 'content-length': '7', 'x-amz-executed-version': '$LATEST' });
      res.end('{"n":1}');
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    endpoint: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

/** The local Lambda service on a fresh state directory. */
export async function startStudio(): Promise<Reachable> {
  const stateDir = await mkdtemp(join(tmpdir(), 'bench-studio-'));
  const service = await createLocalLambdaService({ stateDir });
  return {
    endpoint: service.endpoint,
    region: service.region,
    credentials: service.credentials,
    close: async () => {
      await service.close();
      await rm(stateDir, { recursive: true, force: true });
    },
  };
}

/**
 * The whole studio as `serve` composes it, on a fresh workspace holding one function, `bench`,
 * behind a function URL: it answers `{ n: body.n + 1 }`.
 */
export async function startWorkspaceStudio(): Promise<Reachable> {
  // Loaded here, not with this file: the other servers' processes need none of the studio's composition.
  const { startStudioServices } = await import('../electron/services/studio/studio-services.ts');
  const root = join(import.meta.dirname, '..');
  const dir = await mkdtemp(join(tmpdir(), 'bench-http-'));
  const folder = join(dir, 'functions', 'bench');
  await mkdir(folder, { recursive: true });
  await writeFile(join(folder, 'index.mjs'), 'export const handler = async (event) => ({ n: JSON.parse(event.body ?? \'{"n":0}\').n + 1 });\n');
  await writeFile(join(folder, 'function.json'), JSON.stringify({ runtime: 'nodejs22.x', handler: 'index.handler', timeout: 10, triggers: { http: { enabled: true } } }));
  const services = await startStudioServices({ workspaceDir: dir, host: 'serve', version: '0.0.0', resourcesDir: join(root, 'resources'), nodeModulesDir: join(root, 'node_modules'), syncOnStart: false });
  return {
    endpoint: services.lambda.endpoint,
    region: services.lambda.region,
    credentials: services.lambda.credentials,
    functionUrls: services.functionUrls.origin,
    close: async () => {
      try {
        await services.close();
      } finally {
        await rm(dir, { recursive: true, force: true });
      }
    },
  };
}

const servers = { floor: startFloorServer, studio: startStudio, workspace: startWorkspaceStudio };
export type ServerKind = keyof typeof servers;

/** Starts `bench-servers.ts <kind>` as a process of its own, as every caller reaches the studio. */
export async function startApart(kind: ServerKind): Promise<Reachable> {
  const helper = await startHelperProcess('bench-servers.ts', [kind]);
  return { ...(JSON.parse(helper.firstLine) as Omit<Reachable, 'close'>), close: helper.stop };
}

/** An SDK client of a server's Lambda API as the benches call it: one attempt, no retries to blur the figures. */
export function lambdaClientOf(server: Pick<Reachable, 'endpoint' | 'region' | 'credentials'>, config: LambdaClientConfig = {}): LambdaClient {
  if (server.region === undefined || server.credentials === undefined) throw new Error(`${server.endpoint} did not say its region and credentials`);
  return new LambdaClient({ endpoint: server.endpoint, region: server.region, credentials: server.credentials, maxAttempts: 1, ...config });
}

if (import.meta.main) {
  const kind = process.argv[2];
  const started = await (kind === 'studio' || kind === 'workspace' ? servers[kind] : startFloorServer)();
  console.log(JSON.stringify({ endpoint: started.endpoint, region: started.region, credentials: started.credentials, functionUrls: started.functionUrls }));
  const stop = () => void started.close().finally(() => process.exit(0));
  process.on('SIGTERM', stop);
  process.on('SIGINT', stop);
}
