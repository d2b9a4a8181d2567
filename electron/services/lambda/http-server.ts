import { randomUUID } from 'node:crypto';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { type ApiRequest, LambdaApiError, type ApiResponse, type ApiRoute } from './api-types.ts';
import type { StudioCredentials } from './credentials.ts';
import { lambdaErrorOfRunner } from './runner-errors.ts';
import { checkAuthorization, verifySigV4 } from './sigv4-verify.ts';

/** The largest body read at all; the routes apply Lambda's own, smaller limits (6 MB invoke, 50 MB zip). */
export const MAX_BODY_BYTES = 72 * 1024 * 1024;

/** How long a client may take to send a whole request (headers and body); 72 MB on loopback takes well under it. */
export const REQUEST_TIMEOUT_MS = 60_000;

/** What the API server needs; `routes` is read per request so routes can be mounted later. */
export interface ApiServerOptions {
  /** 0 picks a free port. */
  port: number;
  region: string;
  credentials: StudioCredentials;
  routes: () => readonly ApiRoute[];
  log: (message: string) => void;
  /** Default {@link REQUEST_TIMEOUT_MS}; a request not received whole by then gets 408. */
  requestTimeoutMs?: number;
}

/** A running API server. */
export interface ApiServer {
  /** `http://127.0.0.1:<port>` */
  endpoint: string;
  close(): Promise<void>;
}

/** Sends an error exactly as Lambda does, so SDKs raise the matching exception class. */
export function errorResponse(error: LambdaApiError): ApiResponse {
  return {
    status: error.status,
    headers: { 'x-amzn-errortype': error.type, 'content-type': 'application/json' },
    body: { Type: error.status >= 500 ? 'Service' : 'User', message: error.message },
  };
}

function readBody(req: IncomingMessage): Promise<Buffer | 'too-large'> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    let tooLarge = false;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > MAX_BODY_BYTES) tooLarge = true;
      else chunks.push(chunk);
    });
    req.on('end', () => resolve(tooLarge ? 'too-large' : Buffer.concat(chunks)));
    req.on('error', reject);
  });
}

function lowerHeaders(req: IncomingMessage): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [name, value] of Object.entries(req.headers)) {
    if (value !== undefined) out[name.toLowerCase()] = Array.isArray(value) ? value.join(',') : value;
  }
  return out;
}

function send(res: ServerResponse, response: ApiResponse, requestId: string): void {
  const headers: Record<string, string> = { 'x-amzn-requestid': requestId, ...response.headers };
  let body: Buffer | undefined;
  if (Buffer.isBuffer(response.body)) body = response.body;
  else if (typeof response.body === 'string') body = Buffer.from(response.body);
  else if (response.body !== undefined) {
    body = Buffer.from(JSON.stringify(response.body));
    headers['content-type'] ??= 'application/json';
  }
  headers['content-length'] = String(body?.length ?? 0);
  res.writeHead(response.status, headers);
  res.end(body);
}

async function route(req: IncomingMessage, options: ApiServerOptions): Promise<ApiResponse> {
  const rawUrl = req.url ?? '/';
  const queryStart = rawUrl.indexOf('?');
  const rawPath = queryStart === -1 ? rawUrl : rawUrl.slice(0, queryStart);
  const query = new URLSearchParams(queryStart === -1 ? '' : rawUrl.slice(queryStart + 1));
  const headers = lowerHeaders(req);
  // Refused at the headers: a request that cannot be ours, or says its body is too large, is
  // answered before any of its body is read.
  checkAuthorization(headers, options.credentials);
  if (Number(headers['content-length'] ?? 0) > MAX_BODY_BYTES) {
    throw new LambdaApiError(413, 'RequestEntityTooLargeException', `Request must be smaller than ${MAX_BODY_BYTES} bytes.`);
  }
  const body = await readBody(req);
  if (body === 'too-large') {
    throw new LambdaApiError(413, 'RequestEntityTooLargeException', `Request must be smaller than ${MAX_BODY_BYTES} bytes.`);
  }
  const method = (req.method ?? 'GET').toUpperCase();
  await verifySigV4({ method, rawPath, query, headers, body }, options.credentials, options.region);

  let path: string;
  try {
    path = decodeURIComponent(rawPath);
  } catch {
    throw new LambdaApiError(400, 'InvalidParameterValueException', 'The request path is not valid URI encoding.');
  }
  const request: ApiRequest = { method, path, query, headers, body };
  let pathMatched = false;
  for (const candidate of options.routes()) {
    const match = candidate.path.exec(path);
    if (match === null) continue;
    pathMatched = true;
    if (candidate.method !== method) continue;
    const params: Record<string, string> = {};
    for (const [name, value] of Object.entries(match.groups ?? {})) if (value !== undefined) params[name] = value;
    return candidate.handle(request, params);
  }
  if (pathMatched) throw new LambdaApiError(405, 'MethodNotAllowedException', `${method} is not allowed on ${path}.`);
  throw new LambdaApiError(404, 'UnknownOperationException', `No Lambda API operation is served at ${method} ${path}.`);
}

/**
 * Starts the Lambda API's HTTP server on loopback. Every request is SigV4-verified before a
 * route sees it; a request that fails gets AWS's error shape and touches nothing.
 */
export async function startApiServer(options: ApiServerOptions): Promise<ApiServer> {
  const requestTimeout = options.requestTimeoutMs ?? REQUEST_TIMEOUT_MS;
  // Node looks for requests past their timeout this often (30 s by default).
  const server: Server = createServer({ requestTimeout, headersTimeout: requestTimeout, connectionsCheckingInterval: Math.min(1_000, requestTimeout) }, (req, res) => {
    const requestId = randomUUID();
    route(req, options)
      .then((response) => send(res, response, requestId))
      .catch((error: unknown) => {
        // A body left unread is not read afterwards either: the connection ends with the answer.
        if (!req.complete) res.setHeader('connection', 'close');
        const apiError = error instanceof LambdaApiError ? error : lambdaErrorOfRunner(error);
        if (apiError !== undefined) {
          send(res, errorResponse(apiError), requestId);
          return;
        }
        options.log(`Lambda API ${req.method} ${req.url} failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
        const message = error instanceof Error ? error.message : String(error);
        send(res, errorResponse(new LambdaApiError(500, 'ServiceException', `The local Lambda service failed: ${message}`)), requestId);
      });
  });
  // Longer than any pause between a client's calls in practice: a client reusing a kept-alive
  // connection just as the server closes it gets ECONNRESET, which a client without retries (the
  // tests', a user's maxAttempts: 1) reports as a failure. Node's default is 5 s.
  server.keepAliveTimeout = 65_000;
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port, '127.0.0.1', () => {
      server.off('error', reject);
      resolve();
    });
  });
  const { port } = server.address() as AddressInfo;
  return {
    endpoint: `http://127.0.0.1:${port}`,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}
