import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

/** One invocation as the Runtime API hands it to a sandbox. */
export interface RuntimeInvocation {
  requestId: string;
  payload: Buffer;
  /** Epoch ms after which the host kills the sandbox. */
  deadlineMs: number;
  invokedFunctionArn: string;
  traceId: string;
  /** Base64 JSON, as sent by the caller in `X-Amz-Client-Context`. */
  clientContext?: string;
  cognitoIdentity?: string;
}

/**
 * What the sandbox answered. The runtime's own request stays open until `acknowledge` is
 * called: the host answers its caller first and the runtime's 202 after, so that write (which
 * wakes the sandbox) is not on the invoke's critical path.
 */
export type RuntimeAnswer =
  | { kind: 'response'; body: Buffer; outputMarked: boolean; acknowledge(): void }
  | { kind: 'error'; body: Buffer; errorType?: string; outputMarked: boolean; acknowledge(): void }
  | { kind: 'response-too-large'; size: number };

/**
 * Sent (`1`) on a response or error post by a runtime that wrote the studio's output marks for
 * that request just before it (see runners/output-marks.ts); other runtimes never send it.
 */
export const OUTPUT_MARKED_HEADER = 'lambda-studio-output-marked';

/** Lambda's limit on a synchronous response. */
export const MAX_RESPONSE_BYTES = 6 * 1024 * 1024 + 100;

/** What the sandbox's runtime reports besides answers. */
export interface RuntimeApiEvents {
  /** The runtime asked for work: it finished init, or the previous invocation. */
  onNext(): void;
  /** The runtime reported that it could not start (`/runtime/init/error`). */
  onInitError(body: Buffer, errorType: string | undefined): void;
}

/**
 * The Lambda Runtime API for ONE sandbox, on its own loopback port: `AWS_LAMBDA_RUNTIME_API`
 * is plain `host:port` for the official runtime interface clients, so a port per sandbox is
 * what routes each invocation to the right process.
 */
export interface SandboxRuntimeApi {
  /** `127.0.0.1:<port>`, the value of `AWS_LAMBDA_RUNTIME_API`. */
  address: string;
  /** Hands an invocation to the waiting runtime; resolves with its answer. */
  dispatch(invocation: RuntimeInvocation): Promise<RuntimeAnswer>;
  /** Drops the pending invocation (the sandbox died or timed out). */
  abandon(): void;
  close(): Promise<void>;
}

const PREFIX = '/2018-06-01/runtime';

function readAll(req: IncomingMessage, limit: number): Promise<Buffer | number> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size <= limit) chunks.push(chunk);
    });
    req.on('end', () => resolve(size > limit ? size : Buffer.concat(chunks)));
    req.on('error', reject);
  });
}

function reply(res: ServerResponse, status: number, body: object): void {
  const text = JSON.stringify(body);
  res.writeHead(status, { 'content-type': 'application/json', 'content-length': Buffer.byteLength(text) });
  res.end(text);
}

/** Starts the Runtime API listener for one sandbox. */
export async function startSandboxRuntimeApi(events: RuntimeApiEvents): Promise<SandboxRuntimeApi> {
  let waiting: ServerResponse | undefined;
  let queued: RuntimeInvocation | undefined;
  let current: { invocation: RuntimeInvocation; settle: (answer: RuntimeAnswer) => void } | undefined;

  const deliver = (res: ServerResponse, invocation: RuntimeInvocation): void => {
    const headers: Record<string, string> = {
      'content-type': 'application/json',
      'content-length': String(invocation.payload.length),
      'lambda-runtime-aws-request-id': invocation.requestId,
      'lambda-runtime-deadline-ms': String(invocation.deadlineMs),
      'lambda-runtime-invoked-function-arn': invocation.invokedFunctionArn,
      'lambda-runtime-trace-id': invocation.traceId,
    };
    if (invocation.clientContext !== undefined) headers['lambda-runtime-client-context'] = invocation.clientContext;
    if (invocation.cognitoIdentity !== undefined) headers['lambda-runtime-cognito-identity'] = invocation.cognitoIdentity;
    res.writeHead(200, headers);
    res.end(invocation.payload);
  };

  const handle = async (req: IncomingMessage, res: ServerResponse): Promise<void> => {
    const path = (req.url ?? '').split('?')[0] ?? '';
    if (req.method === 'GET' && path === `${PREFIX}/invocation/next`) {
      if (queued !== undefined) {
        const invocation = queued;
        queued = undefined;
        deliver(res, invocation);
        return;
      }
      waiting = res;
      res.on('close', () => {
        if (waiting === res) waiting = undefined;
      });
      events.onNext();
      return;
    }
    if (req.method === 'POST' && path === `${PREFIX}/init/error`) {
      const body = await readAll(req, MAX_RESPONSE_BYTES);
      reply(res, 202, { status: 'OK' });
      events.onInitError(typeof body === 'number' ? Buffer.from('{}') : body, req.headers['lambda-runtime-function-error-type'] as string | undefined);
      return;
    }
    const match = /^\/2018-06-01\/runtime\/invocation\/([^/]+)\/(response|error)$/.exec(path);
    if (req.method === 'POST' && match !== null) {
      const body = await readAll(req, MAX_RESPONSE_BYTES);
      if (current === undefined || current.invocation.requestId !== decodeURIComponent(match[1] ?? '')) {
        reply(res, 400, { errorMessage: 'Invalid request ID', errorType: 'InvalidRequestID' });
        return;
      }
      const { settle } = current;
      current = undefined;
      if (typeof body === 'number') {
        reply(res, 413, { errorMessage: `Exceeded maximum allowed payload size (${MAX_RESPONSE_BYTES} bytes).`, errorType: 'RequestEntityTooLarge' });
        settle({ kind: 'response-too-large', size: body });
        return;
      }
      const acknowledge = () => {
        if (!res.headersSent) reply(res, 202, { status: 'OK' });
      };
      const outputMarked = req.headers[OUTPUT_MARKED_HEADER] === '1';
      if (match[2] === 'response') settle({ kind: 'response', body, outputMarked, acknowledge });
      else settle({ kind: 'error', body, errorType: req.headers['lambda-runtime-function-error-type'] as string | undefined, outputMarked, acknowledge });
      return;
    }
    reply(res, 404, { errorMessage: `No Runtime API route for ${req.method} ${path}`, errorType: 'NotFound' });
  };

  const server = createServer((req, res) => {
    handle(req, res).catch(() => {
      if (!res.headersSent) reply(res, 500, { errorMessage: 'Runtime API failure', errorType: 'ServiceError' });
    });
  });
  server.requestTimeout = 0;
  server.headersTimeout = 0;
  server.keepAliveTimeout = 0;
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve());
  });
  const { port } = server.address() as AddressInfo;

  return {
    address: `127.0.0.1:${port}`,
    dispatch(invocation) {
      return new Promise<RuntimeAnswer>((resolve) => {
        current = { invocation, settle: resolve };
        if (waiting !== undefined) {
          const res = waiting;
          waiting = undefined;
          deliver(res, invocation);
        } else {
          queued = invocation;
        }
      });
    },
    abandon() {
      current = undefined;
      queued = undefined;
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}
