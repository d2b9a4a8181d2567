import { createHash, createHmac } from 'node:crypto';

/** RFC 3986 escaping as SigV4 wants it: everything but unreserved characters, `!'()*` included. */
export function escapeUri(value: string): string {
  return encodeURIComponent(value).replace(/[!'()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
}

const PLAIN_PATH = /^(?:\/(?!\.\.?(?:\/|$))[A-Za-z0-9\-._~%]+)+$/;

/**
 * The canonical URI of a non-S3 service: dot segments and empty segments removed, then the
 * (already encoded) path encoded once more, slashes kept.
 */
export function canonicalPath(rawPath: string): string {
  // The common case (an SDK's path: no dot or empty segments, nothing to escape but the
  // escapes themselves) needs only its '%' encoded once more.
  if (PLAIN_PATH.test(rawPath)) return rawPath.replaceAll('%', '%25');
  const segments: string[] = [];
  for (const segment of rawPath.split('/')) {
    if (segment === '' || segment === '.') continue;
    if (segment === '..') segments.pop();
    else segments.push(segment);
  }
  const normalized = `${rawPath.startsWith('/') ? '/' : ''}${segments.join('/')}${segments.length > 0 && rawPath.endsWith('/') ? '/' : ''}`;
  return escapeUri(normalized).replace(/%2F/g, '/');
}

/** Sorted `key=value` pairs of the decoded query, each side escaped; a presigned URL's own signature left out. */
export function canonicalQuery(query: URLSearchParams): string {
  if (query.size === 0) return '';
  const byKey = new Map<string, string>();
  for (const key of new Set(query.keys())) {
    if (key.toLowerCase() === 'x-amz-signature') continue;
    const encodedKey = escapeUri(key);
    const pairs = query.getAll(key).map((value) => `${encodedKey}=${escapeUri(value)}`);
    byKey.set(encodedKey, pairs.sort().join('&'));
  }
  return [...byKey.keys()]
    .sort()
    .map((key) => byKey.get(key))
    .join('&');
}

/** The canonical request for the signed headers (lower-case names), in the order SigV4 defines. */
export function canonicalRequest(method: string, rawPath: string, query: URLSearchParams, headers: Record<string, string>, signedHeaders: readonly string[], payloadHash: string): string {
  const names = [...signedHeaders].sort();
  const lines = names.map((name) => `${name}:${(headers[name] ?? '').trim().replace(/\s+/g, ' ')}`);
  return `${method}\n${canonicalPath(rawPath)}\n${canonicalQuery(query)}\n${lines.join('\n')}\n\n${names.join(';')}\n${payloadHash}`;
}

export const sha256Hex = (data: string | Buffer): string => createHash('sha256').update(data).digest('hex');

const signingKeys = new Map<string, Buffer>();

/** The SigV4 signing key for a day, region and service: the HMAC chain runs once, then the key is kept. */
export function signingKey(secretAccessKey: string, shortDate: string, region: string, service: string): Buffer {
  const id = `${secretAccessKey}/${shortDate}/${region}/${service}`;
  let key = signingKeys.get(id);
  if (key === undefined) {
    const date = createHmac('sha256', `AWS4${secretAccessKey}`).update(shortDate).digest();
    const inRegion = createHmac('sha256', date).update(region).digest();
    const inService = createHmac('sha256', inRegion).update(service).digest();
    key = createHmac('sha256', inService).update('aws4_request').digest();
    if (signingKeys.size > 8) signingKeys.clear();
    signingKeys.set(id, key);
  }
  return key;
}
