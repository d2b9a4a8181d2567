/**
 * The function URL request event: what Lambda hands a handler when an HTTP request reaches its
 * function URL (API Gateway's payload format 2.0, with the placeholders function URLs use).
 */

/** One HTTP request as the server read it, before it becomes an event. */
export interface UrlRequest {
  method: string;
  /** The path below the function's prefix, percent-encoding kept; `/` at least. */
  rawPath: string;
  /** The query string without its `?`, as sent. */
  rawQueryString: string;
  /** Header names and values in the order they came, names in any case (Node's `rawHeaders` pairs). */
  headers: ReadonlyArray<readonly [string, string]>;
  body: Uint8Array;
  sourceIp: string;
  /** `HTTP/1.1` */
  protocol: string;
  /** The port the request reached, for `x-forwarded-port`. */
  port: number;
  requestId: string;
  timeMs: number;
}

/** Where the request was served: the function URL's identity. */
export interface UrlIdentity {
  accountId: string;
  /** The function URL's id (`apiId`, `domainPrefix`). */
  urlId: string;
  /** The host the client called. */
  domainName: string;
  traceId: string;
}

/** A function URL event, field for field as Lambda sends it with auth type NONE. */
export interface FunctionUrlEvent {
  version: '2.0';
  routeKey: '$default';
  rawPath: string;
  rawQueryString: string;
  cookies?: string[];
  headers: Record<string, string>;
  queryStringParameters?: Record<string, string>;
  requestContext: {
    accountId: string;
    apiId: string;
    domainName: string;
    domainPrefix: string;
    http: { method: string; path: string; protocol: string; sourceIp: string; userAgent: string };
    requestId: string;
    routeKey: '$default';
    stage: '$default';
    time: string;
    timeEpoch: number;
  };
  body?: string;
  isBase64Encoded: boolean;
}

/**
 * Content types whose bodies reach the handler as text; any other body is base64-encoded, as a
 * function URL does (form posts included: Lambda hands them over base64-encoded too).
 */
const TEXT_TYPE = /^(text\/[^;]+|application\/(json|javascript|ecmascript|x-javascript|xml|graphql|[\w.-]+\+(json|xml)))\s*(;|$)/i;

/** Whether a body of this content type goes to the handler as text rather than base64. */
export function isTextContentType(contentType: string | undefined, body: Uint8Array): boolean {
  if (contentType === undefined || contentType.trim() === '') return isUtf8(body);
  return TEXT_TYPE.test(contentType.trim());
}

function isUtf8(bytes: Uint8Array): boolean {
  try {
    new TextDecoder('utf-8', { fatal: true }).decode(bytes);
    return true;
  } catch {
    return false;
  }
}

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
const two = (n: number) => String(n).padStart(2, '0');

/** `12/Mar/2020:19:03:58 +0000`, the request time as the event spells it. */
export function requestTime(timeMs: number): string {
  const d = new Date(timeMs);
  return `${two(d.getUTCDate())}/${MONTHS[d.getUTCMonth()] ?? ''}/${d.getUTCFullYear()}:${two(d.getUTCHours())}:${two(d.getUTCMinutes())}:${two(d.getUTCSeconds())} +0000`;
}

/** Repeated keys keep every value, joined with commas, as Lambda joins them. */
function queryParameters(raw: string): Record<string, string> | undefined {
  if (raw === '') return undefined;
  const out: Record<string, string> = {};
  for (const [key, value] of new URLSearchParams(raw)) {
    out[key] = Object.hasOwn(out, key) ? `${out[key]},${value}` : value;
  }
  return Object.keys(out).length === 0 ? undefined : out;
}

function toBase64(bytes: Uint8Array): string {
  return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('base64');
}

/**
 * Builds the event for one request. Header names are lower-cased and repeated headers joined
 * with commas; the `cookie` header becomes the `cookies` list; `x-forwarded-*` and
 * `x-amzn-trace-id` are added as Lambda's front end adds them. Absent parts (no cookies, no
 * query, no body) are left out of the event, as Lambda leaves them out.
 */
export function buildFunctionUrlEvent(request: UrlRequest, identity: UrlIdentity): FunctionUrlEvent {
  const headers: Record<string, string> = {};
  const cookies: string[] = [];
  for (const [rawName, value] of request.headers) {
    const name = rawName.toLowerCase();
    if (name === 'cookie') {
      cookies.push(...value.split(';').map((c) => c.trim()).filter((c) => c !== ''));
      continue;
    }
    headers[name] = Object.hasOwn(headers, name) ? `${headers[name]},${value}` : value;
  }
  headers['x-forwarded-for'] ??= request.sourceIp;
  headers['x-forwarded-proto'] ??= 'http';
  headers['x-forwarded-port'] ??= String(request.port);
  headers['x-amzn-trace-id'] ??= identity.traceId;

  const query = queryParameters(request.rawQueryString);
  const hasBody = request.body.byteLength > 0;
  const asText = hasBody && isTextContentType(headers['content-type'], request.body);
  return {
    version: '2.0',
    routeKey: '$default',
    rawPath: request.rawPath,
    rawQueryString: request.rawQueryString,
    ...(cookies.length > 0 ? { cookies } : {}),
    headers,
    ...(query === undefined ? {} : { queryStringParameters: query }),
    requestContext: {
      accountId: identity.accountId,
      apiId: identity.urlId,
      domainName: identity.domainName,
      domainPrefix: identity.urlId,
      http: {
        method: request.method.toUpperCase(),
        path: request.rawPath,
        protocol: request.protocol,
        sourceIp: request.sourceIp,
        userAgent: headers['user-agent'] ?? '',
      },
      requestId: request.requestId,
      routeKey: '$default',
      stage: '$default',
      time: requestTime(request.timeMs),
      timeEpoch: request.timeMs,
    },
    ...(hasBody ? { body: asText ? new TextDecoder().decode(request.body) : toBase64(request.body) } : {}),
    isBase64Encoded: hasBody && !asText,
  };
}
