import { HttpRequest } from '@smithy/protocol-http';
import { SignatureV4 } from '@smithy/signature-v4';
import { createHash, timingSafeEqual } from 'node:crypto';
import { LambdaApiError } from './api-types.ts';
import type { StudioCredentials } from './credentials.ts';
import { NodeSha256 } from './node-sha256.ts';

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

function queryRecord(query: URLSearchParams): Record<string, string | string[]> {
  const out: Record<string, string | string[]> = {};
  for (const key of new Set(query.keys())) {
    const values = query.getAll(key);
    out[key] = values.length === 1 ? (values[0] as string) : values;
  }
  return out;
}

// One signer per credentials and region: it caches the derived signing key per day, which
// saves four HMACs on every request.
const signers = new WeakMap<StudioCredentials, Map<string, SignatureV4>>();
function signerFor(credentials: StudioCredentials, region: string): SignatureV4 {
  let byRegion = signers.get(credentials);
  if (byRegion === undefined) signers.set(credentials, (byRegion = new Map()));
  let signer = byRegion.get(region);
  if (signer === undefined) {
    signer = new SignatureV4({ credentials, region, service: 'lambda', sha256: NodeSha256, uriEscapePath: true, applyChecksum: false });
    byRegion.set(region, signer);
  }
  return signer;
}

/**
 * Checks a request's SigV4 signature by signing the same request again with the studio's
 * credentials (the official signer, so the canonical form is exactly AWS's) and comparing.
 * Throws a {@link LambdaApiError} in AWS's shape when the request is not signed by us.
 */
export async function verifySigV4(
  request: RawSignedRequest,
  credentials: StudioCredentials,
  region: string,
  now: Date = new Date(),
): Promise<void> {
  const authorization = request.headers['authorization'];
  if (authorization === undefined) {
    throw new LambdaApiError(403, 'MissingAuthenticationTokenException', 'Missing Authentication Token');
  }
  const match = AUTH_PATTERN.exec(authorization.trim());
  if (match === null) throw invalidToken();
  const [, accessKeyId, shortDate, scopeRegion, service, signedHeaderList, signature] = match as unknown as string[];
  if (accessKeyId !== credentials.accessKeyId) throw invalidToken();
  if (service !== 'lambda' || scopeRegion !== region) {
    throw badSignature(`Credential should be scoped to a valid region and the lambda service: this endpoint serves ${region}.`);
  }

  const amzDate = request.headers['x-amz-date'];
  const signingDate = parseAmzDate(amzDate);
  if (signingDate === undefined || !amzDate?.startsWith(shortDate as string)) {
    throw badSignature('The request must carry a valid X-Amz-Date matching the credential scope.');
  }
  if (Math.abs(now.getTime() - signingDate.getTime()) > MAX_CLOCK_SKEW_MS) {
    throw badSignature(`Signature expired: ${amzDate} is more than 5 minutes away from the studio's clock (${now.toISOString()}).`);
  }

  // The signer trusts X-Amz-Content-Sha256 when present, so it must really be the body's hash.
  const bodyHash = createHash('sha256').update(request.body).digest('hex');
  const declaredHash = request.headers['x-amz-content-sha256'];
  if (declaredHash !== undefined && declaredHash !== bodyHash) {
    throw badSignature('The request body does not match its signed X-Amz-Content-Sha256.');
  }

  const signedHeaders = (signedHeaderList as string).split(';');
  if (!signedHeaders.includes('host')) throw badSignature("The 'Host' header must be signed.");
  const headers: Record<string, string> = {};
  for (const name of signedHeaders) {
    const value = request.headers[name];
    if (value === undefined) throw badSignature(`The signed header '${name}' is missing from the request.`);
    headers[name] = value;
  }

  const resigned = await signerFor(credentials, region).sign(
    new HttpRequest({
      method: request.method,
      protocol: 'http:',
      hostname: headers['host'] ?? '',
      path: request.rawPath,
      query: queryRecord(request.query),
      headers,
      body: request.body,
    }),
    { signingDate, signingRegion: region, signingService: 'lambda', signableHeaders: new Set(signedHeaders) },
  );
  const expected = /Signature=([0-9a-f]{64})/.exec(String(resigned.headers['authorization']))?.[1] ?? '';
  const same = expected.length === 64 && timingSafeEqual(Buffer.from(expected), Buffer.from(signature as string));
  if (!same) {
    throw badSignature(
      'The request signature we calculated does not match the signature you provided. Check your AWS Secret Access Key and signing method.',
    );
  }
}
