import { afterEach, describe, expect, it } from 'vitest';
import { type SandboxRuntimeApi, startSandboxRuntimeApi } from './runtime-api-server.ts';

let api: SandboxRuntimeApi | undefined;
afterEach(async () => {
  await api?.close();
  api = undefined;
});

const invocation = {
  requestId: 'req-1',
  payload: Buffer.from('{"n":1}'),
  deadlineMs: 1_900_000_000_000,
  invokedFunctionArn: 'arn:aws:lambda:us-east-1:000000000000:function:f:live',
  traceId: 'Root=1-00000000-000000000000000000000000;Parent=0000000000000000;Sampled=0',
  clientContext: '{"custom":{"a":1}}',
  cognitoIdentity: '{"cognitoIdentityId":"id-1"}',
};

describe('the Runtime API of one sandbox', () => {
  it('hands a waiting runtime its invocation with Lambda headers and takes the response', async () => {
    let nexts = 0;
    api = await startSandboxRuntimeApi({ onNext: () => (nexts += 1), onInitError: () => undefined });
    const base = `http://${api.address}/2018-06-01/runtime`;
    const next = fetch(`${base}/invocation/next`);
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(nexts).toBe(1);
    const answer = api.dispatch(invocation);
    const got = await next;
    expect(got.status).toBe(200);
    expect(await got.text()).toBe('{"n":1}');
    expect(got.headers.get('lambda-runtime-aws-request-id')).toBe('req-1');
    expect(got.headers.get('lambda-runtime-deadline-ms')).toBe('1900000000000');
    expect(got.headers.get('lambda-runtime-invoked-function-arn')).toBe(invocation.invokedFunctionArn);
    expect(got.headers.get('lambda-runtime-trace-id')).toBe(invocation.traceId);
    expect(got.headers.get('lambda-runtime-client-context')).toBe(invocation.clientContext);
    expect(got.headers.get('lambda-runtime-cognito-identity')).toBe(invocation.cognitoIdentity);

    const wrong = await fetch(`${base}/invocation/other/response`, { method: 'POST', body: '1' });
    expect(wrong.status).toBe(400);
    const posted = fetch(`${base}/invocation/req-1/response`, { method: 'POST', body: '{"ok":true}' });
    const result = await answer;
    expect(result.kind).toBe('response');
    expect(result.kind === 'response' && result.body.toString()).toBe('{"ok":true}');
    // The runtime hears its 202 only once the host has used the answer.
    let heard = false;
    void posted.then(() => (heard = true));
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(heard).toBe(false);
    if (result.kind === 'response') result.acknowledge();
    expect((await posted).status).toBe(202);
  });

  it('queues an invocation dispatched before the runtime asks, and reports errors with their type', async () => {
    api = await startSandboxRuntimeApi({ onNext: () => undefined, onInitError: () => undefined });
    const base = `http://${api.address}/2018-06-01/runtime`;
    const answer = api.dispatch({ ...invocation, requestId: 'req-2' });
    const got = await fetch(`${base}/invocation/next`);
    expect(got.headers.get('lambda-runtime-aws-request-id')).toBe('req-2');
    await got.arrayBuffer();
    const posted = fetch(`${base}/invocation/req-2/error`, {
      method: 'POST',
      headers: { 'lambda-runtime-function-error-type': 'Custom.Failure' },
      body: '{"errorType":"Custom.Failure","errorMessage":"x"}',
    });
    const result = await answer;
    expect(result).toMatchObject({ kind: 'error', errorType: 'Custom.Failure' });
    if (result.kind === 'error') result.acknowledge();
    expect((await posted).status).toBe(202);
  });

  it('passes an init error on', async () => {
    const seen: Array<string | undefined> = [];
    api = await startSandboxRuntimeApi({ onNext: () => undefined, onInitError: (_body, type) => seen.push(type) });
    const res = await fetch(`http://${api.address}/2018-06-01/runtime/init/error`, {
      method: 'POST',
      headers: { 'lambda-runtime-function-error-type': 'Runtime.ImportModuleError' },
      body: '{}',
    });
    expect(res.status).toBe(202);
    expect(seen).toEqual(['Runtime.ImportModuleError']);
  });
});
