import { randomUUID } from 'node:crypto';
import { type ApiRequest, type ApiResponse, type ApiRoute, LambdaApiError } from './api-types.ts';
import type { DurableHooks } from './durable-hooks.ts';
import type { FunctionRegistry, FunctionVersion } from './function-registry.ts';
import { parseFunctionRef } from './function-registry.ts';
import { FN } from './function-routes.ts';
import { callerOf } from './invocation-events.ts';
import type { InvocationCaller } from '../../../shared/contract/invocations.ts';
import type { AnswerListener, InvocationResult } from '../runners/sandbox-types.ts';

/** Lambda's payload limits: 6 MB for a synchronous request, 1 MB for an asynchronous one. */
export const MAX_SYNC_PAYLOAD_BYTES = 6 * 1024 * 1024;
export const MAX_ASYNC_PAYLOAD_BYTES = 1024 * 1024;
/** `X-Amz-Log-Result` carries the last 4 KB of the log. */
export const LOG_TAIL_BYTES = 4096;

/** One invocation to run: what the route learned from the request. */
export interface InvokeOrder {
  /** Also returned as `x-amzn-RequestId`, so callers can find the invocation's log lines. */
  requestId: string;
  version: FunctionVersion;
  /** The ARN the caller used (qualified when it named a version or alias). */
  invokedFunctionArn: string;
  payload: Buffer;
  clientContext?: string;
  /** Who asked for it (`api` when not said). */
  caller?: InvocationCaller;
}

/** What the Invoke route needs from the service. */
export interface InvokeRouteContext {
  registry: FunctionRegistry;
  /** `onAnswer` hears the runtime's answer before the sandbox has logged END and REPORT. */
  run(order: InvokeOrder, onAnswer?: AnswerListener): Promise<InvocationResult>;
  /** Runs an Event invocation in the background. */
  enqueue(order: InvokeOrder): void;
  durable(): DurableHooks | undefined;
}

/** The last `LOG_TAIL_BYTES` of the log, base64, cut on a character boundary. */
export function logTail(lines: string[]): string {
  const text = Buffer.from(`${lines.join('\n')}\n`);
  let start = Math.max(0, text.length - LOG_TAIL_BYTES);
  while (start < text.length && ((text[start] ?? 0) & 0xc0) === 0x80) start += 1;
  return text.subarray(start).toString('base64');
}

function decodeClientContext(value: string | undefined): string | undefined {
  if (value === undefined) return undefined;
  const text = Buffer.from(value, 'base64').toString('utf8');
  try {
    JSON.parse(text);
  } catch {
    throw new LambdaApiError(400, 'InvalidRequestContentException', 'Client context must be a valid Base64-encoded JSON object.');
  }
  return text;
}

function checkPayload(payload: Buffer, type: string): void {
  const limit = type === 'Event' ? MAX_ASYNC_PAYLOAD_BYTES : MAX_SYNC_PAYLOAD_BYTES;
  if (payload.length > limit) {
    // The two messages Lambda itself sends.
    const message =
      type === 'Event'
        ? `${payload.length} byte payload is too large for the Event invocation type (limit ${limit} bytes)`
        : `Request must be smaller than ${limit} bytes for the InvokeFunction operation`;
    throw new LambdaApiError(413, 'RequestEntityTooLargeException', message);
  }
  if (payload.length === 0) return;
  try {
    JSON.parse(payload.toString('utf8'));
  } catch (error) {
    throw new LambdaApiError(400, 'InvalidRequestContentException', `Could not parse request body into json: ${(error as Error).message}`);
  }
}

/** `POST /2015-03-31/functions/{name}/invocations`: Invoke with RequestResponse, Event or DryRun. */
export function invokeRoute(ctx: InvokeRouteContext): ApiRoute {
  return {
    operation: 'Invoke',
    method: 'POST',
    path: new RegExp(`^/2015-03-31/functions/${FN}/invocations/?$`),
    async handle(request: ApiRequest, params): Promise<ApiResponse> {
      const ref = parseFunctionRef(params['fn'] ?? '', ctx.registry.region, ctx.registry.accountId);
      const resolved = ctx.registry.resolve(ref, request.query.get('Qualifier') ?? undefined);
      const type = request.headers['x-amz-invocation-type'] ?? 'RequestResponse';
      if (!['RequestResponse', 'Event', 'DryRun'].includes(type)) {
        throw new LambdaApiError(400, 'InvalidParameterValueException', `Unsupported invocation type ${type}: use RequestResponse, Event or DryRun.`);
      }
      checkPayload(request.body, type);
      const qualified = resolved.qualifier !== '$LATEST' || ref.qualifier !== undefined || request.query.has('Qualifier');
      const invokedFunctionArn = ctx.registry.functionArn(resolved.record.name, qualified ? resolved.qualifier : undefined);
      if (type === 'DryRun') return { status: 204, headers: { 'x-amz-executed-version': resolved.version.version } };

      const durable = ctx.durable();
      if (resolved.version.durable !== undefined && durable !== undefined) {
        return durable.invokeDurable(request, {
          functionName: resolved.record.name,
          qualifier: resolved.qualifier,
          functionArn: invokedFunctionArn,
          version: resolved.version.version,
          caller: callerOf(request.headers),
        });
      }
      const clientContext = decodeClientContext(request.headers['x-amz-client-context']);
      const requestId = randomUUID();
      const order: InvokeOrder = { requestId, version: resolved.version, invokedFunctionArn, payload: request.body, caller: callerOf(request.headers), ...(clientContext === undefined ? {} : { clientContext }) };
      if (type === 'Event') {
        ctx.enqueue(order);
        return { status: 202, headers: { 'x-amzn-requestid': requestId } };
      }
      const answer = (result: { requestId: string; payload: Buffer; errorType?: string }, logs?: string[]): ApiResponse => {
        const headers: Record<string, string> = {
          'content-type': 'application/json',
          'x-amz-executed-version': resolved.version.version,
          'x-amzn-requestid': result.requestId,
        };
        if (result.errorType !== undefined) headers['x-amz-function-error'] = 'Unhandled';
        if (logs !== undefined) headers['x-amz-log-result'] = logTail(logs);
        return { status: 200, headers, body: result.payload };
      };
      if ((request.headers['x-amz-log-type'] ?? 'None') === 'Tail') {
        const result = await ctx.run(order);
        return answer(result, result.logs);
      }
      // Without a log tail the caller needs only the runtime's answer: it goes out while the
      // sandbox writes END and REPORT, as Lambda does.
      return new Promise<ApiResponse>((resolve, reject) => {
        ctx.run(order, (early) => resolve(answer(early))).then((result) => resolve(answer(result)), reject);
      });
    },
  };
}
