import { createHmac, timingSafeEqual } from 'node:crypto';
import { LambdaApiError } from './api-types.ts';
import type { StudioCredentials } from './credentials.ts';
import { canonicalRequest, sha256Hex, signingKey } from './sigv4-canonical.ts';

/** The request as it arrived on the wire: path still URI-encoded, header names lower-cased. */
export interface RawSignedRequest {
  method: string;
  /** Encoded path, exactly as in the request line. */
  rawPath: string;
  query: URLSearchParams;
  headers: Record<string, string>;
  body: Buffer;
}

/** How far a request's `X-Amz-Date` may be from the clock, as AWS allows. */
export const MAX_CLOCK_SKEW_MS = 5 * 60_000;

const AUTH_PATTERN = /^AWS4-HMAC-SHA256 Credential=([^/,\s]+)\/(\d{8})\/([^/]+)\/([^/]+)\/aws4_request,\s*SignedHeaders=([a-z0-9;_.-]+),\s*Signature=([0-9a-f]{64})$/;

const invalidToken = (): LambdaApiError =>
  new LambdaApiError(403, 'UnrecognizedClientException', 'The security token included in the request is invalid.');
const badSignature = (message: string): LambdaApiError => new LambdaApiError(403, 'InvalidSignatureException', message);

function parseAmzDate(value: string | undefined): Date | undefined {
  const match = value === undefined ? null : /^(\d{4})(\d{2})(\d{2})T(\d{2})(\d{2})(\d{2})Z$/.exec(value);
  if (match === null) return undefined;
  const [, y, mo, d, h, mi, s] = match.map(Number) as [number, number, number, number, number, number, number];
  return new Date(Date.UTC(y, mo - 1, d, h, mi, s));
}

/** The parts of an `Authorization: AWS4-HMAC-SHA256 …` header. */
export interface SigV4Authorization {
  shortDate: string;
  scopeRegion: string;
  service: string;
  signedHeaderList: string;
  signature: string;
}

/**
 * Checks what can be checked from the headers alone (a signature header is there, well formed,
 * with the studio's access key), so a request that can never pass is refused before its body
 * is read. Throws a {@link LambdaApiError} in AWS's shape.
 */
export function checkAuthorization(headers: Record<string, string>, credentials: StudioCredentials): SigV4Authorization {
  const authorization = headers['authorization'];
  if (authorization === undefined) {
    throw new LambdaApiError(403, 'MissingAuthenticationTokenException', 'Missing Authentication Token');
  }
  const match = AUTH_PATTERN.exec(authorization.trim());
  if (match === null) throw invalidToken();
  const [, accessKeyId = '', shortDate = '', scopeRegion = '', service = '', signedHeaderList = '', signature = ''] = match;
  if (accessKeyId !== credentials.accessKeyId) throw invalidToken();
  return { shortDate, scopeRegion, service, signedHeaderList, signature };
}

/**
 * Checks a request's SigV4 signature by computing it again from the request as it arrived,
 * with the studio's credentials, and comparing. (The official signer gives the same answer —
 * the tests check that — but costs about 70 µs a request, most of a checkpoint's budget.)
 * Throws a {@link LambdaApiError} in AWS's shape when the request is not signed by us.
 */
export async function verifySigV4(
  request: RawSignedRequest,
  credentials: StudioCredentials,
  region: string,
  now: Date = new Date(),
): Promise<void> {
  const { shortDate, scopeRegion, service, signedHeaderList, signature } = checkAuthorization(request.headers, credentials);
  if (service !== 'lambda' || scopeRegion !== region) {
    throw badSignature(`Credential should be scoped to a valid region and the lambda service: this endpoint serves ${region}.`);
  }

  const amzDate = request.headers['x-amz-date'];
  const signingDate = parseAmzDate(amzDate);
  if (signingDate === undefined || !amzDate?.startsWith(shortDate)) {
    throw badSignature('The request must carry a valid X-Amz-Date matching the credential scope.');
  }
  if (Math.abs(now.getTime() - signingDate.getTime()) > MAX_CLOCK_SKEW_MS) {
    throw badSignature(`Signature expired: ${amzDate} is more than 5 minutes away from the studio's clock (${now.toISOString()}).`);
  }

  // The signer trusts X-Amz-Content-Sha256 when present, so it must really be the body's hash.
  const bodyHash = sha256Hex(request.body);
  const declaredHash = request.headers['x-amz-content-sha256'];
  if (declaredHash !== undefined && declaredHash !== bodyHash) {
    throw badSignature('The request body does not match its signed X-Amz-Content-Sha256.');
  }

  const signedHeaders = signedHeaderList.split(';');
  if (!signedHeaders.includes('host')) throw badSignature("The 'Host' header must be signed.");
  const headers: Record<string, string> = {};
  for (const name of signedHeaders) {
    const value = request.headers[name];
    if (value === undefined) throw badSignature(`The signed header '${name}' is missing from the request.`);
    headers[name] = value;
  }

  const canonical = canonicalRequest(request.method, request.rawPath, request.query, headers, signedHeaders, bodyHash);
  const stringToSign = `AWS4-HMAC-SHA256\n${amzDate}\n${shortDate}/${region}/lambda/aws4_request\n${sha256Hex(canonical)}`;
  const expected = createHmac('sha256', signingKey(credentials.secretAccessKey, shortDate, region, 'lambda')).update(stringToSign).digest('hex');
  const same = expected.length === 64 && timingSafeEqual(Buffer.from(expected), Buffer.from(signature));
  if (!same) {
    throw badSignature(
      'The request signature we calculated does not match the signature you provided. Check your AWS Secret Access Key and signing method.',
    );
  }
}
