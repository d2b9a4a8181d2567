/** How a handler's answer becomes the HTTP response of its function URL, as Lambda maps it. */

/** The HTTP response to write. */
export interface UrlResponse {
  statusCode: number;
  /** Lower-cased names. */
  headers: Record<string, string>;
  /** Each becomes its own `set-cookie` header. */
  cookies: string[];
  body: Buffer;
}

/** What a function URL answers when the function failed or answered something it cannot map. */
export function internalServerError(): UrlResponse {
  return { statusCode: 502, headers: { 'content-type': 'application/json' }, cookies: [], body: Buffer.from(JSON.stringify({ message: 'Internal Server Error' })) };
}

const isRecord = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);

function headerValues(value: unknown): Record<string, string> {
  const out: Record<string, string> = {};
  if (!isRecord(value)) return out;
  for (const [name, v] of Object.entries(value)) {
    if (typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean') out[name.toLowerCase()] = String(v);
  }
  return out;
}

function bodyBytes(body: unknown, base64: boolean): Buffer {
  if (body === undefined || body === null) return Buffer.alloc(0);
  if (typeof body === 'string') return base64 ? Buffer.from(body, 'base64') : Buffer.from(body);
  return Buffer.from(JSON.stringify(body));
}

/**
 * Maps the invocation's answer (the JSON text the runtime returned) to the HTTP response:
 * - a failed invocation is a 502 with `{"message":"Internal Server Error"}`;
 * - an object with `statusCode` is honoured: its `headers`, `cookies` (as `set-cookie`), and
 *   `body`, decoded from base64 when `isBase64Encoded` is true; a `statusCode` that is no HTTP
 *   status is a 502;
 * - anything else (an object without `statusCode`, a string, a number, null) is a 200 with
 *   `content-type: application/json` and the answer's JSON as the body.
 */
export function mapFunctionAnswer(payload: string, failed: boolean): UrlResponse {
  if (failed) return internalServerError();
  let answer: unknown;
  try {
    answer = JSON.parse(payload);
  } catch {
    return internalServerError();
  }
  if (isRecord(answer) && answer.statusCode !== undefined) {
    const status = answer.statusCode;
    if (typeof status !== 'number' || !Number.isInteger(status) || status < 100 || status > 599) return internalServerError();
    const cookies = Array.isArray(answer.cookies) ? answer.cookies.filter((c): c is string => typeof c === 'string') : [];
    return { statusCode: status, headers: headerValues(answer.headers), cookies, body: bodyBytes(answer.body, answer.isBase64Encoded === true) };
  }
  return { statusCode: 200, headers: { 'content-type': 'application/json' }, cookies: [], body: Buffer.from(payload) };
}
