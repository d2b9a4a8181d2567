import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { deploy, invoke, startTestService, type TestService } from '../lambda/test-support.ts';
import { ensureRuntimeClient, runtimeClientInstalled } from './runtime-client.ts';

let t: TestService;
beforeAll(async () => {
  // The test setup (scripts/install-test-deps.sh) installs it ahead; compiling it here takes minutes.
  await ensureRuntimeClient();
  t = await startTestService({ nodeBootstrap: 'aws-lambda-ric' });
}, 600_000);
afterAll(async () => {
  await t.close();
});

describe('the official runtime interface client as the sandbox', () => {
  it('has its native client built', () => {
    expect(runtimeClientInstalled()).toBe(true);
  });

  it('pulls invocations from the Runtime API and answers them', async () => {
    await deploy(t, 'ric', {
      'index.mjs': `export const handler = async (event, context) => {
        console.log('from the ric');
        if (event.fail) throw new SyntaxError('nope');
        return { got: event.n, id: context.awsRequestId, fn: context.functionName, arn: context.invokedFunctionArn };
      };`,
    });
    const first = await invoke(t, 'ric', { n: 7 });
    expect(first.functionError).toBeUndefined();
    expect(first.body).toMatchObject({ got: 7, fn: 'ric', arn: 'arn:aws:lambda:us-east-1:000000000000:function:ric' });
    expect(first.log).toContain('from the ric');
    expect(first.log).toMatch(/Init Duration/);
    const second = await invoke(t, 'ric', { n: 8 });
    expect(second.body['got']).toBe(8);
    expect(second.body['id']).not.toBe(first.body['id']);
    const failed = await invoke(t, 'ric', { fail: true });
    expect(failed.functionError).toBe('Unhandled');
    expect(failed.body).toMatchObject({ errorType: 'SyntaxError', errorMessage: 'nope' });
  });

  it('reports a missing handler through /init/error', async () => {
    await deploy(t, 'ric-missing', { 'index.mjs': 'export const other = async () => 1;' });
    const out = await invoke(t, 'ric-missing');
    expect(out.functionError).toBe('Unhandled');
    expect(out.body['errorType']).toBe('Runtime.HandlerNotFound');
  });
});
