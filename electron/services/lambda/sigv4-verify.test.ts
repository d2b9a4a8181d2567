import { Sha256 } from '@aws-crypto/sha256-js';
import { HttpRequest } from '@smithy/protocol-http';
import { SignatureV4 } from '@smithy/signature-v4';
import { describe, expect, it } from 'vitest';
import { LambdaApiError } from './api-types.ts';
import { type RawSignedRequest, verifySigV4 } from './sigv4-verify.ts';

const credentials = { accessKeyId: 'AKIAABCDEFGHIJKLMNOP', secretAccessKey: 'secret-secret-secret-secret-secret-00' };

async function signed(
  options: {
    body?: string;
    date?: Date;
    region?: string;
    path?: string;
    query?: Record<string, string | string[]>;
    headers?: Record<string, string>;
    /** Sign without the Host header (it is added afterwards, unsigned). */
    hostUnsigned?: boolean;
    /** Sign without X-Amz-Content-Sha256 (the signer adds it, signed, by default). */
    noContentSha256?: boolean;
    /** Headers added after signing, as a tampering proxy would. */
    added?: Record<string, string>;
  } = {},
): Promise<RawSignedRequest> {
  const body = options.body ?? '{"a":1}';
  const signer = new SignatureV4({ credentials, region: options.region ?? 'us-east-1', service: 'lambda', sha256: Sha256, applyChecksum: options.noContentSha256 !== true });
  const request = await signer.sign(
    new HttpRequest({
      method: 'POST',
      protocol: 'http:',
      hostname: '127.0.0.1',
      port: 4000,
      path: options.path ?? '/2015-03-31/functions/arn%3Aaws%3Alambda%3Aus-east-1%3A000000000000%3Afunction%3Ax/invocations',
      query: options.query ?? { Qualifier: '$LATEST' },
      headers: { ...(options.hostUnsigned === true ? {} : { host: '127.0.0.1:4000' }), 'content-type': 'application/json', 'x-amz-invocation-type': 'RequestResponse', ...options.headers },
      body,
    }),
    { signingDate: options.date ?? new Date() },
  );
  const headers: Record<string, string> = {};
  for (const [name, value] of Object.entries({ ...request.headers, ...(options.hostUnsigned === true ? { host: '127.0.0.1:4000' } : {}), ...options.added })) headers[name.toLowerCase()] = String(value);
  // The query as a server sees it: parsed back from the URL the client would send.
  const sent = new URLSearchParams();
  for (const [key, value] of Object.entries(request.query ?? {})) for (const one of Array.isArray(value) ? value : [value]) if (one !== null) sent.append(key, one);
  return { method: 'POST', rawPath: request.path, query: new URLSearchParams(sent.toString()), headers, body: Buffer.from(body) };
}

async function rejection(promise: Promise<void>): Promise<LambdaApiError> {
  const error = await promise.then(() => undefined, (e: unknown) => e);
  expect(error).toBeInstanceOf(LambdaApiError);
  return error as LambdaApiError;
}

describe('SigV4 verification', () => {
  it('accepts a request signed with the studio credentials, including an encoded ARN path and a query', async () => {
    await expect(verifySigV4(await signed(), credentials, 'us-east-1')).resolves.toBeUndefined();
  });

  it('agrees with the official signer on awkward paths, queries and header values', async () => {
    const cases: Parameters<typeof signed>[0][] = [
      { path: '/2015-03-31/functions/my-fn/invocations/', query: {} },
      { path: '/2015-03-31/functions/a%20b%2Fc/./x/../invocations', query: { Qualifier: 'v 1*!()' } },
      { path: '/2015-03-31/functions/caf%C3%A9/aliases', query: { a: ['2', '1', ''], 'a-b': 'x', A: 'é=&', Marker: 'a+b/c==' } },
      { path: '/2015-03-31/functions', query: { FunctionVersion: 'ALL', MaxItems: '50' }, headers: { 'x-amz-client-context': '  spaced   value\twith  tabs ' } },
      { path: '/2015-03-31/functions/a.b~c_d%2Fe/.../invocations', query: {} },
      { path: '/2015-03-31//functions/x/invocations', query: {} },
      { body: '', query: {} },
      { body: '{"text":"λ€😀"}', query: { Qualifier: '$LATEST' } },
    ];
    for (const options of cases) {
      await expect(verifySigV4(await signed(options), credentials, 'us-east-1'), JSON.stringify(options)).resolves.toBeUndefined();
    }
  });

  it('rejects a body changed after signing', async () => {
    const request = await signed();
    const error = await rejection(verifySigV4({ ...request, body: Buffer.from('{"a":2}') }, credentials, 'us-east-1'));
    expect(error.type).toBe('InvalidSignatureException');
  });

  it('rejects a request whose Host header is not signed, though the rest of its signature holds', async () => {
    const request = await signed({ hostUnsigned: true });
    expect(request.headers['authorization']).not.toMatch(/SignedHeaders=[^,]*host/);
    const error = await rejection(verifySigV4(request, credentials, 'us-east-1'));
    expect(error.type).toBe('InvalidSignatureException');
    expect(error.message).toMatch(/'Host' header must be signed/);
  });

  it('rejects a declared X-Amz-Content-Sha256 that is not the body\'s hash, even when the header is not signed', async () => {
    const request = await signed({ noContentSha256: true, added: { 'x-amz-content-sha256': 'e'.repeat(64) } });
    expect(request.headers['authorization']).not.toMatch(/x-amz-content-sha256/);
    const error = await rejection(verifySigV4(request, credentials, 'us-east-1'));
    expect(error.type).toBe('InvalidSignatureException');
    expect(error.message).toMatch(/does not match its signed X-Amz-Content-Sha256/);
  });

  it('rejects a changed query or header', async () => {
    const request = await signed();
    const query = new URLSearchParams('Qualifier=1');
    expect((await rejection(verifySigV4({ ...request, query }, credentials, 'us-east-1'))).type).toBe('InvalidSignatureException');
    const headers = { ...request.headers, 'x-amz-invocation-type': 'Event' };
    expect((await rejection(verifySigV4({ ...request, headers }, credentials, 'us-east-1'))).status).toBe(403);
  });

  it('rejects a signature older than the allowed clock skew', async () => {
    const request = await signed({ date: new Date(Date.now() - 10 * 60_000) });
    const error = await rejection(verifySigV4(request, credentials, 'us-east-1'));
    expect(error.type).toBe('InvalidSignatureException');
    expect(error.message).toMatch(/Signature expired/);
  });

  it('rejects another region, an unknown key and a missing signature', async () => {
    expect((await rejection(verifySigV4(await signed({ region: 'eu-west-1' }), credentials, 'us-east-1'))).type).toBe('InvalidSignatureException');
    const other = await signed();
    const headers = { ...other.headers, authorization: (other.headers['authorization'] ?? '').replace(credentials.accessKeyId, 'AKIAZZZZZZZZZZZZZZZZ') };
    expect((await rejection(verifySigV4({ ...other, headers }, credentials, 'us-east-1'))).type).toBe('UnrecognizedClientException');
    const { authorization: _dropped, ...unsigned } = other.headers;
    expect((await rejection(verifySigV4({ ...other, headers: unsigned }, credentials, 'us-east-1'))).status).toBe(403);
  });
});
