import type { IncomingMessage, ServerResponse } from 'node:http';
import type { ErrorCode, WireResult } from '../../shared/contract/errors.ts';
import type { Dispatch } from '../services/handlers/handler-table.ts';

/** Largest request body accepted; a whole handler file fits many times over. */
export const MAX_BODY_BYTES = 10 * 1024 * 1024;

const STATUS_OF: Record<ErrorCode, number> = {
  BAD_INPUT: 400,
  UNKNOWN_METHOD: 400,
  UNAUTHORIZED: 401,
  NOT_FOUND: 404,
  CONFLICT: 409,
  INVALID_CONFIG: 422,
  UNAVAILABLE: 503,
  INTERNAL: 500,
};

/** The HTTP status a result travels with; the body is the `WireResult` either way. */
export function statusOf(result: WireResult): number {
  return result.ok ? 200 : STATUS_OF[result.error.code];
}

/** Writes a `WireResult` as JSON with its status. */
export function sendResult(response: ServerResponse, result: WireResult): void {
  const body = JSON.stringify(result);
  response.writeHead(statusOf(result), {
    'content-type': 'application/json; charset=utf-8',
    'content-length': Buffer.byteLength(body),
    'cache-control': 'no-store',
  });
  response.end(body);
}

function failure(code: ErrorCode, message: string, details?: string): WireResult {
  return { ok: false, error: details === undefined ? { code, message } : { code, message, details } };
}

class BodyTooLarge extends Error {}

async function readBody(request: IncomingMessage, limit: number): Promise<string> {
  const declared = Number(request.headers['content-length'] ?? 0);
  if (declared > limit) throw new BodyTooLarge();
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of request) {
    const buffer = chunk as Buffer;
    size += buffer.length;
    if (size > limit) throw new BodyTooLarge();
    chunks.push(buffer);
  }
  return Buffer.concat(chunks).toString('utf8');
}

/**
 * `POST /api/<method>` with a JSON body: parses it, hands it to dispatch and answers with
 * the result. Authentication has been checked before this runs.
 */
export async function handleApiCall(
  request: IncomingMessage,
  response: ServerResponse,
  method: string,
  dispatch: Dispatch,
  maxBodyBytes = MAX_BODY_BYTES,
): Promise<void> {
  if (request.method !== 'POST') {
    response.setHeader('allow', 'POST');
    sendResult(response, failure('BAD_INPUT', `Call ${method} with POST and a JSON body.`));
    return;
  }
  let text: string;
  try {
    text = await readBody(request, maxBodyBytes);
  } catch (error) {
    if (error instanceof BodyTooLarge) {
      const result = failure('BAD_INPUT', `The request to ${method} is larger than ${maxBodyBytes / 1024 / 1024} MB.`);
      // Stop reading the rest of an oversized upload; the answer is already known.
      response.setHeader('connection', 'close');
      sendResult(response, result);
      request.resume();
      return;
    }
    throw error;
  }
  let input: unknown = {};
  if (text.trim() !== '') {
    try {
      input = JSON.parse(text);
    } catch (error) {
      const reason = error instanceof Error ? error.message : String(error);
      sendResult(response, failure('BAD_INPUT', `The body of the request to ${method} is not valid JSON.`, reason));
      return;
    }
  }
  sendResult(response, await dispatch(method, input));
}
