import type { Command } from 'commander';
import { log, WORKSPACE_HELP } from './cli-support.ts';
import { openCommandServices } from './command-services.ts';

interface HttpOptions {
  workspace?: string;
  method?: string;
  path: string;
  data?: string;
  header: string[];
}

const collect = (value: string, previous: string[]): string[] => [...previous, value];

/** `Name: value` as curl's -H takes it. */
function parseHeader(line: string): [string, string] {
  const colon = line.indexOf(':');
  if (colon <= 0) throw new Error(`A header is "Name: value", not "${line}".`);
  return [line.slice(0, colon).trim(), line.slice(colon + 1).trim()];
}

/**
 * Exit codes: 0 the response's status is below 400, 1 it is 400 or more (a 502 from a failing
 * function, a 404 when the endpoint is off), 2 the request could not be made.
 */
async function sendRequest(functionName: string, options: HttpOptions): Promise<number> {
  const headers = new Headers();
  try {
    for (const line of options.header) headers.append(...parseHeader(line));
  } catch (error) {
    log((error as Error).message);
    return 2;
  }
  if (options.data !== undefined && !headers.has('content-type')) headers.set('content-type', 'application/json');
  const path = options.path.startsWith('/') ? options.path : `/${options.path}`;
  const services = await openCommandServices(options.workspace);
  const stop = services.lambda.onLog((line) => {
    if (line.functionName === functionName) log(line.line);
  });
  try {
    const method = (options.method ?? (options.data === undefined ? 'GET' : 'POST')).toUpperCase();
    const response = await fetch(`${services.functionUrls.origin}/${encodeURIComponent(functionName)}${path}`, {
      method,
      headers,
      ...(options.data === undefined ? {} : { body: options.data }),
    });
    log(`HTTP ${response.status} ${response.statusText}`);
    for (const [name, value] of response.headers) log(`${name}: ${value}`);
    process.stdout.write(Buffer.from(await response.arrayBuffer()));
    process.stdout.write('\n');
    return response.status < 400 ? 0 : 1;
  } finally {
    stop();
    await services.close();
  }
}

/** `http`: one request to a function's URL, as curl would send it while the studio runs. */
export function addHttpCommand(program: Command): void {
  program
    .command('http')
    .description('Send one HTTP request to a function URL of the workspace (its HTTP endpoint must be on); the body goes to stdout, the status line, headers and the function log to stderr.')
    .argument('<function>', 'the function (a folder under functions/)')
    .option('-w, --workspace <dir>', WORKSPACE_HELP)
    .option('-X, --method <method>', 'the HTTP method (default: GET, or POST with --data)')
    .option('-p, --path <path>', 'the path below the function, with its query string', '/')
    .option('-d, --data <body>', 'the request body (sent as application/json unless a content-type header is given)')
    .option('-H, --header <header>', 'a request header, "Name: value" (repeatable)', collect, [])
    .action(async (functionName: string, options: HttpOptions) => {
      let code: number;
      try {
        code = await sendRequest(functionName, options);
      } catch (error) {
        log(`The request to ${functionName} could not be made`, error);
        code = 2;
      }
      await new Promise<void>((resolve) => process.stdout.write('', () => resolve()));
      process.exit(code);
    });
}
