import { createHash, createHmac } from 'node:crypto';

/** RFC 3986 escaping as SigV4 wants it: everything but unreserved characters, `!'()*` included. */
export function escapeUri(value: string): string {
  return encodeURIComponent(value).replace(/[!'()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
}

/**
 * The canonical URI of a non-S3 service: dot segments and empty segments removed, then the
 * (already encoded) path encoded once more, slashes kept.
 */
export function canonicalPath(rawPath: string): string {
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

/** Derives SigV4 signing keys, one HMAC chain per day, region and service. */
export function createSigningKeys(secretAccessKey: string): (shortDate: string, region: string, service: string) => Buffer {
  const cache = new Map<string, Buffer>();
  return (shortDate, region, service) => {
    const id = `${shortDate}/${region}/${service}`;
    let key = cache.get(id);
    if (key === undefined) {
      const date = createHmac('sha256', `AWS4${secretAccessKey}`).update(shortDate).digest();
      const inRegion = createHmac('sha256', date).update(region).digest();
      const inService = createHmac('sha256', inRegion).update(service).digest();
      key = createHmac('sha256', inService).update('aws4_request').digest();
      if (cache.size > 8) cache.clear();
      cache.set(id, key);
    }
    return key;
  };
}
