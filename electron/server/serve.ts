import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { startStudioServices } from '../services/studio/studio-services.ts';
import { createToken } from './auth.ts';
import { createStudioHttpServer } from './http.ts';
import { projectPaths, projectVersion } from './project-paths.ts';

/** How to start the studio as a local web app. */
export interface StudioServerOptions {
  workspaceDir: string;
  /** 0 (the default) picks a free port. */
  port?: number;
  /** When the port is taken, take a free one instead of failing. */
  fallbackToFreePort?: boolean;
  rendererDir?: string;
  resourcesDir?: string;
  nodeModulesDir?: string;
  /** The local Lambda service's port; 0 (the default) picks a free one. */
  lambdaPort?: number;
  /** The port every function URL is served on; 0 (the default) picks a free one. */
  functionUrlPort?: number;
  /** Fixed token (tests); a random one per run otherwise. */
  token?: string;
  log?: (message: string, error?: unknown) => void;
}

/** A running studio server. */
export interface StudioServer {
  /** `http://127.0.0.1:<port>` */
  origin: string;
  /** The address to open: the origin with `#token=…`, which never reaches server logs. */
  url: string;
  port: number;
  /** The address the server's socket is bound to (loopback). */
  address: AddressInfo;
  token: string;
  /** Absolute path of the open workspace. */
  workspace: string;
  /** The local Lambda service's endpoint, for `aws --endpoint-url` and SDK clients. */
  lambdaEndpoint: string;
  /** Region and the generated credentials every Lambda API request must be signed with. */
  lambdaAccess: { region: string; accessKeyId: string; secretAccessKey: string };
  /** `http://127.0.0.1:<port>`: a function's URL is `<functionUrls>/<function>/`. */
  functionUrls: string;
  /** Closes sockets, the server and the workspace watcher. */
  close(): Promise<void>;
}

const HOST = '127.0.0.1';

function listen(server: Server, port: number): Promise<AddressInfo> {
  return new Promise((resolve, reject) => {
    const onError = (error: Error) => {
      server.off('listening', onListening);
      reject(error);
    };
    const onListening = () => {
      server.off('error', onError);
      resolve(server.address() as AddressInfo);
    };
    server.once('error', onError);
    server.once('listening', onListening);
    server.listen(port, HOST);
  });
}

/** Opens the workspace, starts its services and serves the UI and the contract on loopback. */
export async function startStudioServer(options: StudioServerOptions): Promise<StudioServer> {
  const log = options.log ?? (() => {});
  const services = await startStudioServices({
    workspaceDir: options.workspaceDir,
    host: 'serve',
    version: projectVersion(),
    resourcesDir: options.resourcesDir ?? projectPaths.resourcesDir,
    nodeModulesDir: options.nodeModulesDir ?? projectPaths.nodeModulesDir,
    lambdaPort: options.lambdaPort ?? 0,
    functionUrlPort: options.functionUrlPort ?? 0,
    log,
  });
  const token = options.token ?? createToken();
  const http = createStudioHttpServer({
    dispatch: services.dispatch,
    events: services.events,
    token,
    rendererDir: options.rendererDir ?? projectPaths.rendererDir,
    log,
  });
  let address: AddressInfo;
  try {
    try {
      address = await listen(http.server, options.port ?? 0);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EADDRINUSE' || options.fallbackToFreePort !== true) throw error;
      log(`Port ${options.port} is in use; using a free port instead.`);
      address = await listen(http.server, 0);
    }
  } catch (error) {
    await services.close();
    throw error;
  }
  const { port } = address;
  // From the socket rather than the constant asked for, so the printed address is where it listens.
  const origin = `http://${address.address}:${port}`;
  let closing: Promise<void> | undefined;
  return {
    origin,
    url: `${origin}/#token=${encodeURIComponent(token)}`,
    port,
    address: { address: address.address, family: address.family, port },
    token,
    workspace: services.layout.root,
    lambdaEndpoint: services.lambda.endpoint,
    lambdaAccess: {
      region: services.lambda.region,
      accessKeyId: services.lambda.credentials.accessKeyId,
      secretAccessKey: services.lambda.credentials.secretAccessKey,
    },
    functionUrls: services.functionUrls.origin,
    close() {
      closing ??= Promise.all([http.close(), services.close()]).then(() => undefined);
      return closing;
    },
  };
}
