import type { Command } from 'commander';
import { join } from 'node:path';
import { StudioError } from '../../shared/contract/errors.ts';
import { CREDENTIALS_FILE, type StudioCredentials } from '../services/lambda/credentials.ts';
import { log, parseCredentials, parsePort, WORKSPACE_HELP, workspaceFrom } from './cli-support.ts';
import { openBrowser } from './open-browser.ts';
import { projectPaths } from './project-paths.ts';

/** Port `serve` tries first, so the address stays the same between runs when it can. */
const DEFAULT_PORT = 4700;

interface ServeOptions {
  workspace?: string;
  port?: number;
  lambdaPort?: number;
  urlPort?: number;
  open: boolean;
  /** false with `--no-ui`: only the local Lambda service. */
  ui: boolean;
  credentials?: StudioCredentials;
}

/** Stops on SIGINT/SIGTERM, and gives up waiting after 5 s. */
function stopOnSignals(close: () => Promise<void>): void {
  let stopping = false;
  const stop = (signal: string) => {
    if (stopping) return;
    stopping = true;
    log(`Stopping (${signal})…`);
    const force = setTimeout(() => {
      log('Some connections did not close in time; exiting anyway.');
      process.exit(0);
    }, 5_000);
    force.unref();
    close().then(
      () => process.exit(0),
      (error: unknown) => {
        log('Stopping failed', error);
        process.exit(1);
      },
    );
  };
  process.on('SIGINT', () => stop('SIGINT'));
  process.on('SIGTERM', () => stop('SIGTERM'));
}

/** `serve --no-ui`: the local Lambda service and durable engine alone, for another project's tests. */
async function serveHeadless(options: ServeOptions): Promise<void> {
  const { startHeadlessBackend } = await import('./headless.ts');
  const backend = await startHeadlessBackend({
    workspaceDir: workspaceFrom(options.workspace),
    resourcesDir: projectPaths.resourcesDir,
    lambdaPort: options.lambdaPort ?? 0,
    ...(options.credentials === undefined ? {} : { credentials: options.credentials }),
    log,
  });
  const ready = {
    workspace: backend.workspace,
    lambdaEndpoint: backend.lambdaEndpoint,
    region: backend.region,
    accessKeyId: backend.accessKeyId,
    secretAccessKey: backend.secretAccessKey,
    functions: backend.functions,
  };
  process.stdout.write(`${JSON.stringify(ready)}\n`);
  log(`Local Lambda API: ${backend.lambdaEndpoint} (no web interface). Press Ctrl+C to stop.`);
  stopOnSignals(() => backend.close());
}

async function serve(options: ServeOptions): Promise<void> {
  if (!options.ui) return serveHeadless(options);
  if (options.credentials !== undefined) throw new StudioError('BAD_INPUT', '--credentials is for --no-ui; the studio with its interface uses the credentials shown in Settings.');
  // Loaded here rather than with the command: `--no-ui` needs none of it.
  const { startStudioServer } = await import('./serve.ts');
  const server = await startStudioServer({
    workspaceDir: workspaceFrom(options.workspace),
    port: options.port ?? DEFAULT_PORT,
    // Only the default may move; a port the user named either works or is an error.
    fallbackToFreePort: options.port === undefined,
    lambdaPort: options.lambdaPort ?? 0,
    functionUrlPort: options.urlPort ?? 0,
    log,
  });
  const ready = {
    ui: server.url,
    workspace: server.workspace,
    lambdaEndpoint: server.lambdaEndpoint,
    ...server.lambdaAccess,
    // Kept for scripts written against the first form of this line.
    lambda: server.lambdaEndpoint,
    functionUrls: server.functionUrls,
  };
  process.stdout.write(`${JSON.stringify(ready)}\n`);
  log(`Lambda Studio is running at ${server.url}`);
  log(`Local Lambda API: ${server.lambdaEndpoint} (credentials in ${join(server.workspace, '.studio', CREDENTIALS_FILE)})`);
  log(`Function URLs: ${server.functionUrls}/<function>/ (for functions whose HTTP endpoint is on)`);
  log(`Workspace: ${server.workspace}. Press Ctrl+C to stop.`);
  if (options.open) openBrowser(server.url, (reason) => log(`Could not open a browser (${reason}); open the address above yourself.`));
  stopOnSignals(() => server.close());
}

/** `serve`: the studio as a local web app. */
export function addServeCommand(program: Command): void {
  program
    .command('serve')
    .description('Serve the studio as a local web app on 127.0.0.1 and print {"ui","workspace","lambdaEndpoint","region","accessKeyId","secretAccessKey","functionUrls"} as one JSON line.')
    .option('-w, --workspace <dir>', WORKSPACE_HELP)
    .option('-p, --port <port>', `port to listen on; 0 picks a free one (default: ${DEFAULT_PORT}, or a free one if taken)`, parsePort)
    .option('--lambda-port <port>', 'port of the local Lambda API; 0 picks a free one (default: 0)', parsePort)
    .option('--url-port <port>', 'port the function URLs are served on; 0 picks a free one (default: 0)', parsePort)
    .option('--no-open', 'do not open a browser')
    .option('--no-ui', 'start only the local Lambda service and durable engine (for CI); prints {"workspace","lambdaEndpoint","region","accessKeyId","secretAccessKey","functions"}')
    .option('--credentials <key:secret>', 'with --no-ui: the access key id and secret every request must be signed with (default: this workspace\'s generated ones)', parseCredentials)
    .action(async (options: ServeOptions) => {
      try {
        await serve(options);
      } catch (error) {
        const code = (error as NodeJS.ErrnoException).code;
        if (code === 'EADDRINUSE') {
          log(`A port the studio was asked to use is taken (--port ${options.port ?? DEFAULT_PORT}, --lambda-port ${options.lambdaPort ?? 0}, --url-port ${options.urlPort ?? 0}). Choose another, or 0 for any free one.`);
        }
        else if (error instanceof StudioError) log(`The studio could not start: ${error.message}`);
        else log('The studio could not start', error);
        process.exit(1);
      }
    });
}
