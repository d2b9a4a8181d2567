import { Sha256 } from '@aws-crypto/sha256-js';
import { HttpRequest } from '@smithy/protocol-http';
import { SignatureV4 } from '@smithy/signature-v4';
import { StudioError, type ErrorCode } from '../../../shared/contract/errors.ts';

/** Where a Lambda API lives and how to sign for it: the local service, or AWS itself. */
export interface LambdaTarget {
  endpoint: string;
  region: string;
  credentials: { accessKeyId: string; secretAccessKey: string; sessionToken?: string };
}

export interface LambdaCall {
  method: 'GET' | 'POST' | 'PUT' | 'DELETE';
  /** The encoded path: each value in it goes through {@link label}, e.g. `/2025-12-01/durable-executions/${label(arn)}`. */
  path: string;
  query?: Record<string, string | string[] | undefined>;
  headers?: Record<string, string>;
  body?: string;
}

export interface LambdaReply {
  status: number;
  headers: Record<string, string>;
  /** The parsed JSON body, or undefined for an empty one. */
  body: unknown;
}

/** How long a call waits for the API's answer by default (the studio's own invokes are Event invokes, answered at once). */
export const DEFAULT_TIMEOUT_MS = 30_000;

/** Percent-encodes as the AWS SDK does (`encodeURIComponent`, and `!'()*` too). */
function escapeUri(value: string): string {
  return encodeURIComponent(value).replace(/[!'()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
}

/** One value as a path label, encoded whole as the SDK encodes it: an ARN's `/` becomes `%2F`. */
export function label(value: string): string {
  return escapeUri(value);
}

function codeFor(status: number, type: string): ErrorCode {
  if (status === 404 || type.endsWith('NotFoundException')) return 'NOT_FOUND';
  if (status === 409 || type.includes('Conflict') || type.includes('AlreadyStarted')) return 'CONFLICT';
  if (status >= 500) return 'UNAVAILABLE';
  return 'BAD_INPUT';
}

/**
 * Signed calls to the Lambda REST API that keep its JSON exactly as sent (the SDK client turns
 * epoch seconds into Dates, and an exported history must be byte-for-byte the API's shape).
 * An API error becomes a StudioError carrying the API's own message and error type.
 */
export function createLambdaApiClient(target: () => LambdaTarget, options: { timeoutMs?: number } = {}) {
  const timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  return async function call(request: LambdaCall): Promise<LambdaReply> {
    const { endpoint, region, credentials } = target();
    const url = new URL(endpoint);
    const { path } = request;
    const query: Record<string, string | string[]> = {};
    for (const [key, value] of Object.entries(request.query ?? {})) if (value !== undefined) query[key] = value;
    const body = request.body ?? '';
    const unsigned = new HttpRequest({
      method: request.method,
      protocol: url.protocol,
      hostname: url.hostname,
      ...(url.port === '' ? {} : { port: Number(url.port) }),
      path,
      query,
      headers: { host: url.host, 'content-type': 'application/json', ...request.headers },
      body,
    });
    const signer = new SignatureV4({ service: 'lambda', region, credentials, sha256: Sha256, uriEscapePath: true });
    const signed = await signer.sign(unsigned);
    // The query string as the SDK writes it (URLSearchParams would write a space as `+`).
    const qs = Object.entries(query)
      .flatMap(([key, value]) => (Array.isArray(value) ? value : [value]).map((v) => `${escapeUri(key)}=${escapeUri(v)}`))
      .join('&');
    let response: Response;
    let text: string;
    try {
      const signal = AbortSignal.timeout(timeoutMs);
      response = await fetch(`${url.origin}${path}${qs === '' ? '' : `?${qs}`}`, {
        method: request.method,
        headers: signed.headers,
        signal,
        ...(request.method === 'GET' || request.method === 'DELETE' ? {} : { body }),
      });
      text = await response.text();
    } catch (error) {
      const timedOut = error instanceof Error && error.name === 'TimeoutError';
      const message = timedOut ? `The Lambda API at ${endpoint} did not answer within ${timeoutMs / 1000} s.` : `The Lambda API at ${endpoint} did not answer.`;
      throw new StudioError('UNAVAILABLE', message, error instanceof Error ? error.message : String(error));
    }
    const headers: Record<string, string> = {};
    response.headers.forEach((value, key) => (headers[key] = value));
    let parsed: unknown;
    try {
      parsed = text === '' ? undefined : JSON.parse(text);
    } catch {
      parsed = text;
    }
    if (response.status >= 400) {
      const fields = typeof parsed === 'object' && parsed !== null ? (parsed as Record<string, unknown>) : {};
      const type = String(headers['x-amzn-errortype'] ?? fields['Type'] ?? fields['__type'] ?? 'Error').split(':')[0] ?? 'Error';
      const message = String(fields['message'] ?? fields['Message'] ?? (text || `HTTP ${response.status}`));
      throw new StudioError(codeFor(response.status, type), message, type);
    }
    return { status: response.status, headers, body: parsed };
  };
}

export type LambdaApiCall = ReturnType<typeof createLambdaApiClient>;
