import type { UrlCors } from '../../../shared/workspace/url-cors.ts';

/** Request headers, lower-cased, as node:http hands them over. */
type RequestHeaders = Record<string, string | string[] | undefined>;

function single(value: string | string[] | undefined): string | undefined {
  return Array.isArray(value) ? value.join(',') : value;
}

/** The request's Origin when the settings allow it; `*` allows any. Origins compare without regard to case, as hosts do. */
function allowedOrigin(cors: UrlCors, headers: RequestHeaders): string | undefined {
  const origin = single(headers.origin);
  if (origin === undefined || origin === '') return undefined;
  const match = cors.allowOrigins.some((allowed) => allowed === '*' || allowed.toLowerCase() === origin.toLowerCase());
  return match ? origin : undefined;
}

/** A browser's CORS preflight: OPTIONS naming the method it means to send. */
export function isPreflight(method: string | undefined, headers: RequestHeaders): boolean {
  return method === 'OPTIONS' && single(headers.origin) !== undefined && single(headers['access-control-request-method']) !== undefined;
}

/**
 * The answer to a preflight, given by the URL itself as Lambda gives it: for an allowed origin,
 * the origin (echoed, so credentials work with `*` too), the methods and headers allowed, the max
 * age and credentials; for any other origin no CORS header at all, which the browser takes as a no.
 * A `*` among the methods or headers answers with what the browser asked for, which it accepts
 * with and without credentials.
 */
export function preflightHeaders(cors: UrlCors, headers: RequestHeaders): Record<string, string> {
  const out: Record<string, string> = { vary: 'Origin' };
  const origin = allowedOrigin(cors, headers);
  if (origin === undefined) return out;
  out['access-control-allow-origin'] = origin;
  const asked = single(headers['access-control-request-method']) ?? '';
  const methods = cors.allowMethods.includes('*') ? asked : cors.allowMethods.join(', ');
  if (methods !== '') out['access-control-allow-methods'] = methods;
  const askedHeaders = single(headers['access-control-request-headers']) ?? '';
  const allowHeaders = cors.allowHeaders.includes('*') ? askedHeaders : cors.allowHeaders.join(', ');
  if (allowHeaders !== '') out['access-control-allow-headers'] = allowHeaders;
  out['access-control-max-age'] = String(cors.maxAge);
  if (cors.allowCredentials) out['access-control-allow-credentials'] = 'true';
  return out;
}

/**
 * The CORS headers Lambda adds to the function's answer: for an allowed origin, the origin, the
 * headers the page may read and credentials; nothing for another origin. `Vary: Origin` goes on
 * every answer, since it depends on the origin.
 */
export function responseCorsHeaders(cors: UrlCors, headers: RequestHeaders): Record<string, string> {
  const out: Record<string, string> = { vary: 'Origin' };
  const origin = allowedOrigin(cors, headers);
  if (origin === undefined) return out;
  out['access-control-allow-origin'] = origin;
  if (cors.exposeHeaders.length > 0) out['access-control-expose-headers'] = cors.exposeHeaders.join(', ');
  if (cors.allowCredentials) out['access-control-allow-credentials'] = 'true';
  return out;
}

/**
 * The function's own headers with the CORS ones laid over them: the URL's settings decide the
 * `Access-Control-*` headers of an allowed origin, and `Vary` keeps what the function said as well.
 */
export function withCorsHeaders(own: Record<string, string>, cors: Record<string, string>): Record<string, string> {
  const merged: Record<string, string> = {};
  const overridden = new Set(Object.keys(cors).filter((name) => name.startsWith('access-control-')));
  let vary = cors.vary;
  for (const [name, value] of Object.entries(own)) {
    const lower = name.toLowerCase();
    if (overridden.has(lower)) continue;
    if (lower === 'vary' && vary !== undefined) {
      vary = value.split(',').some((part) => part.trim().toLowerCase() === 'origin') ? value : `${value}, ${vary}`;
      continue;
    }
    merged[name] = value;
  }
  for (const [name, value] of Object.entries(cors)) if (name !== 'vary') merged[name] = value;
  if (vary !== undefined) merged.vary = vary;
  return merged;
}
