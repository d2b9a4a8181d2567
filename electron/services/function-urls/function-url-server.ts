import { createHash, randomUUID } from 'node:crypto';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { StudioError } from '../../../shared/contract/errors.ts';
import { FunctionName } from '../../../shared/workspace/function-config.ts';
import type { UrlCors } from '../../../shared/workspace/url-cors.ts';
import { newTraceId } from '../lambda/trace-id.ts';
import { isPreflight, preflightHeaders, responseCorsHeaders, withCorsHeaders } from './url-cors.ts';
import { buildFunctionUrlEvent, type FunctionUrlEvent } from './url-event.ts';
import { mapFunctionAnswer, type UrlResponse } from './url-response.ts';

/** What running a function for one request gave, with the URL's CORS settings as the run read them. */
export type UrlAnswer = (
  /** The invocation's answer (JSON text) and whether the function failed. */
  | { kind: 'answer'; payload: string; failed: boolean }
  /** A durable execution that goes on after the request is answered. */
  | { kind: 'running'; executionArn: string }
) & { cors?: UrlCors | undefined };

/** Runs a function for a request; throws `StudioError` NOT_FOUND when it has no endpoint. */
export type UrlDispatch = (functionName: string, event: FunctionUrlEvent) => Promise<UrlAnswer>;

export interface FunctionUrlServerOptions {
  /** 0 (default) picks a free port. */
  port?: number;
  accountId: string;
  dispatch: UrlDispatch;
  /**
   * The function's CORS settings, when its URL is served and has some: asked for a preflight, and
   * for an answer the dispatch could not give (an answer it gives carries them). Without this
   * option, no function has any.
   */
  corsOf?: (functionName: string) => Promise<UrlCors | undefined>;
  log?: (message: string, error?: unknown) => void;
}

/** The function URLs of the workspace, on one loopback port. */
export interface FunctionUrlServer {
  /** `http://127.0.0.1:<port>`; a function's URL is `<origin>/<function>/`. */
  origin: string;
  port: number;
  close(): Promise<void>;
}

const HOST = '127.0.0.1';
/** Lambda's limit on a synchronous invocation's request payload. */
export const MAX_REQUEST_BYTES = 6 * 1024 * 1024;

/** A stable, URL-id-shaped name for a function (32 lower-case characters, as Lambda's are). */
export function urlIdOf(functionName: string): string {
  return createHash('sha256').update(functionName).digest('hex').slice(0, 32);
}

function json(statusCode: number, value: unknown): UrlResponse {
  return { statusCode, headers: { 'content-type': 'application/json' }, cookies: [], body: Buffer.from(JSON.stringify(value)) };
}

class TooLarge extends Error {}

async function readBody(request: IncomingMessage): Promise<Buffer> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of request) {
    const part = chunk as Buffer;
    size += part.length;
    if (size > MAX_REQUEST_BYTES) throw new TooLarge();
    chunks.push(part);
  }
  return Buffer.concat(chunks);
}

function pairs(raw: string[]): [string, string][] {
  const out: [string, string][] = [];
  for (let i = 0; i + 1 < raw.length; i += 2) out.push([raw[i] ?? '', raw[i + 1] ?? '']);
  return out;
}

function write(response: ServerResponse, answer: UrlResponse, requestId: string): void {
  const headers: Record<string, string | string[]> = { ...answer.headers, 'x-amzn-requestid': requestId };
  if (answer.cookies.length > 0) headers['set-cookie'] = answer.cookies;
  headers['content-length'] = String(answer.body.length);
  response.writeHead(answer.statusCode, headers);
  response.end(answer.body);
}

/**
 * Serves every function whose HTTP endpoint is on at `/<function>/<path>`: the request becomes
 * a function URL event, the function runs, and its answer is mapped back as Lambda maps it.
 */
export async function startFunctionUrlServer(options: FunctionUrlServerOptions): Promise<FunctionUrlServer> {
  const log = options.log ?? (() => {});
  let port = 0;

  const handle = async (request: IncomingMessage, response: ServerResponse): Promise<void> => {
    const requestId = randomUUID();
    const url = new URL(request.url ?? '/', 'http://localhost');
    const [, first = '', ...rest] = url.pathname.split('/');
    const functionName = decodeURIComponent(first);
    if (!FunctionName.safeParse(functionName).success) {
      write(response, json(404, { message: `No function at ${url.pathname}. Function URLs are served at /<function>/…` }), requestId);
      return;
    }
    // Lambda answers a preflight itself when the URL has CORS settings; without them it reaches the function.
    if (isPreflight(request.method, request.headers)) {
      const cors = await options.corsOf?.(functionName);
      if (cors !== undefined) {
        write(response, { statusCode: 200, headers: preflightHeaders(cors, request.headers), cookies: [], body: Buffer.alloc(0) }, requestId);
        return;
      }
    }
    // An error answer is read by the page too: it carries the CORS headers the settings give.
    const answerWith = async (answer: UrlResponse, known?: { cors?: UrlCors | undefined }): Promise<void> => {
      const cors = known === undefined ? await options.corsOf?.(functionName) : known.cors;
      if (cors !== undefined) answer.headers = withCorsHeaders(answer.headers, responseCorsHeaders(cors, request.headers));
      write(response, answer, requestId);
    };
    let body: Buffer;
    try {
      body = await readBody(request);
    } catch (error) {
      if (error instanceof TooLarge) {
        await answerWith(json(413, { message: 'Request Entity Too Large' }));
        return;
      }
      throw error;
    }
    const search = (request.url ?? '').indexOf('?');
    const event = buildFunctionUrlEvent(
      {
        method: request.method ?? 'GET',
        rawPath: `/${rest.join('/')}`,
        rawQueryString: search < 0 ? '' : (request.url ?? '').slice(search + 1),
        headers: pairs(request.rawHeaders),
        body,
        sourceIp: (request.socket.remoteAddress ?? HOST).replace(/^::ffff:/, ''),
        protocol: `HTTP/${request.httpVersion}`,
        port,
        requestId,
        timeMs: Date.now(),
      },
      { accountId: options.accountId, urlId: urlIdOf(functionName), domainName: request.headers.host ?? `${HOST}:${port}`, traceId: newTraceId() },
    );
    let answer: UrlAnswer;
    try {
      answer = await options.dispatch(functionName, event);
    } catch (error) {
      if (error instanceof StudioError) {
        const status = error.code === 'NOT_FOUND' ? 404 : 500;
        await answerWith(json(status, { message: error.message, ...(error.details === undefined ? {} : { details: error.details }) }));
        return;
      }
      throw error;
    }
    if (answer.kind === 'running') {
      const running = json(202, { DurableExecutionArn: answer.executionArn, Status: 'RUNNING' });
      running.headers['x-amz-durable-execution-arn'] = answer.executionArn;
      await answerWith(running, answer);
      return;
    }
    await answerWith(mapFunctionAnswer(answer.payload, answer.failed), answer);
  };

  const server = createServer((request, response) => {
    handle(request, response).catch((error: unknown) => {
      log(`A function URL request failed: ${request.method} ${request.url}`, error);
      if (!response.headersSent) write(response, json(500, { message: `The studio could not run the request: ${(error as Error).message}` }), '');
      else response.destroy();
    });
  });
  port = await new Promise<number>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, HOST, () => {
      server.off('error', reject);
      resolve((server.address() as AddressInfo).port);
    });
  });
  return {
    origin: `http://${HOST}:${port}`,
    port,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
