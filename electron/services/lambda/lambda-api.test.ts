import {
  CreateAliasCommand,
  CreateFunctionCommand,
  DeleteFunctionCommand,
  GetAliasCommand,
  GetFunctionCommand,
  GetFunctionConfigurationCommand,
  InvokeCommand,
  LambdaClient,
  ListFunctionsCommand,
  ListVersionsByFunctionCommand,
  PublishVersionCommand,
  UpdateAliasCommand,
  UpdateFunctionCodeCommand,
  UpdateFunctionConfigurationCommand,
} from '@aws-sdk/client-lambda';
import { stat } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CREDENTIALS_FILE } from './credentials.ts';
import { decode, startTestService, type TestService, zipOf } from './test-support.ts';

const handlerV1 = `export const handler = async (event, context) => {
  console.log('got', JSON.stringify(event));
  return { v: 1, echo: event, fn: context.functionName, version: context.functionVersion, arn: context.invokedFunctionArn, left: context.getRemainingTimeInMillis() > 0 };
};`;
const handlerV2 = handlerV1.replace('v: 1', 'v: 2');

let t: TestService;
beforeAll(async () => {
  t = await startTestService();
});
afterAll(async () => {
  await t.close();
});

async function expectError(promise: Promise<unknown>, name: string, status: number): Promise<Error> {
  const error = (await promise.then(
    () => undefined,
    (e: unknown) => e,
  )) as (Error & { $metadata?: { httpStatusCode?: number }; Type?: string }) | undefined;
  expect(error, `expected ${name}`).toBeInstanceOf(Error);
  expect(error?.name).toBe(name);
  expect(error?.$metadata?.httpStatusCode).toBe(status);
  return error as Error;
}

describe('the Lambda API with the official SDK', () => {
  it('keeps the credentials in a 0600 file', async () => {
    const info = await stat(join(t.stateDir, CREDENTIALS_FILE));
    expect(info.mode & 0o777).toBe(0o600);
    expect(t.service.credentials.accessKeyId).toMatch(/^AKIA[A-Z2-7]{16}$/);
  });

  it('deploys a zip with CreateFunction and invokes it', async () => {
    const created = await t.client.send(
      new CreateFunctionCommand({
        FunctionName: 'echo',
        Runtime: 'nodejs22.x',
        Role: 'arn:aws:iam::000000000000:role/x',
        Handler: 'index.handler',
        Code: { ZipFile: zipOf({ 'index.mjs': handlerV1 }) },
        Timeout: 2,
        Environment: { Variables: { GREETING: 'hi' } },
      }),
    );
    expect(created.FunctionArn).toBe('arn:aws:lambda:us-east-1:000000000000:function:echo');
    expect(created.Version).toBe('$LATEST');
    expect(created.State).toBe('Active');

    const out = await t.client.send(new InvokeCommand({ FunctionName: 'echo', Payload: JSON.stringify({ a: 1 }), LogType: 'Tail' }));
    expect(out.StatusCode).toBe(200);
    expect(out.FunctionError).toBeUndefined();
    expect(out.ExecutedVersion).toBe('$LATEST');
    expect(decode(out.Payload)).toEqual({ v: 1, echo: { a: 1 }, fn: 'echo', version: '$LATEST', arn: created.FunctionArn, left: true });
    const tail = Buffer.from(out.LogResult ?? '', 'base64').toString('utf8');
    expect(tail).toContain(`START RequestId: ${out.$metadata.requestId} Version: $LATEST`);
    expect(tail).toMatch(/\t[0-9a-f-]{36}\tINFO\tgot \{"a":1\}/);
    expect(tail).toMatch(/^END RequestId: /m);
    expect(tail).toMatch(/^REPORT RequestId: .*Duration: [\d.]+ ms\tBilled Duration: \d+ ms\tMemory Size: 128 MB\tMax Memory Used: \d+ MB\tInit Duration: [\d.]+ ms/m);
  });

  it('answers Event with 202 and DryRun with 204', async () => {
    const event = await t.client.send(new InvokeCommand({ FunctionName: 'echo', InvocationType: 'Event', Payload: '{}' }));
    expect(event.StatusCode).toBe(202);
    const dry = await t.client.send(new InvokeCommand({ FunctionName: 'echo', InvocationType: 'DryRun' }));
    expect(dry.StatusCode).toBe(204);
  });

  it('publishes versions, routes aliases and qualifiers', async () => {
    const v1 = await t.client.send(new PublishVersionCommand({ FunctionName: 'echo' }));
    expect(v1.Version).toBe('1');
    await t.client.send(new UpdateFunctionCodeCommand({ FunctionName: 'echo', ZipFile: zipOf({ 'index.mjs': handlerV2 }) }));
    const v2 = await t.client.send(new PublishVersionCommand({ FunctionName: 'echo', Description: 'second' }));
    expect(v2.Version).toBe('2');
    const versions = await t.client.send(new ListVersionsByFunctionCommand({ FunctionName: 'echo' }));
    expect(versions.Versions?.map((v) => v.Version)).toEqual(['$LATEST', '1', '2']);

    const alias = await t.client.send(new CreateAliasCommand({ FunctionName: 'echo', Name: 'live', FunctionVersion: '1' }));
    expect(alias.AliasArn).toBe('arn:aws:lambda:us-east-1:000000000000:function:echo:live');
    const viaAlias = await t.client.send(new InvokeCommand({ FunctionName: 'echo', Qualifier: 'live', Payload: '{}' }));
    expect(viaAlias.ExecutedVersion).toBe('1');
    expect(decode(viaAlias.Payload)).toMatchObject({ v: 1, arn: alias.AliasArn });
    const viaVersion = await t.client.send(new InvokeCommand({ FunctionName: 'echo:2', Payload: '{}' }));
    expect(viaVersion.ExecutedVersion).toBe('2');
    expect(decode(viaVersion.Payload)).toMatchObject({ v: 2 });

    await t.client.send(new UpdateAliasCommand({ FunctionName: 'echo', Name: 'live', FunctionVersion: '2' }));
    expect((await t.client.send(new GetAliasCommand({ FunctionName: 'echo', Name: 'live' }))).FunctionVersion).toBe('2');
    const viaArn = await t.client.send(new InvokeCommand({ FunctionName: `${alias.AliasArn}`, Payload: '{}' }));
    expect(decode(viaArn.Payload)).toMatchObject({ v: 2 });
  });

  it('reads and updates configuration', async () => {
    const updated = await t.client.send(new UpdateFunctionConfigurationCommand({ FunctionName: 'echo', Timeout: 5, MemorySize: 256, DurableConfig: { ExecutionTimeout: 60, RetentionPeriodInDays: 1 } }));
    expect(updated.MemorySize).toBe(256);
    const config = await t.client.send(new GetFunctionConfigurationCommand({ FunctionName: 'echo' }));
    expect(config.Timeout).toBe(5);
    expect(config.DurableConfig).toEqual({ ExecutionTimeout: 60, RetentionPeriodInDays: 1 });
    const fn = await t.client.send(new GetFunctionCommand({ FunctionName: 'echo', Qualifier: '1' }));
    expect(fn.Configuration?.Version).toBe('1');
    expect(fn.Configuration?.MemorySize).toBe(128);
    const list = await t.client.send(new ListFunctionsCommand({}));
    expect(list.Functions?.map((f) => f.FunctionName)).toContain('echo');
    await t.client.send(new UpdateFunctionConfigurationCommand({ FunctionName: 'echo', Timeout: 2, MemorySize: 128 }));
  });

  it('answers errors in AWS shapes', async () => {
    await expectError(t.client.send(new InvokeCommand({ FunctionName: 'nope' })), 'ResourceNotFoundException', 404);
    await expectError(t.client.send(new GetFunctionCommand({ FunctionName: 'echo', Qualifier: '99' })), 'ResourceNotFoundException', 404);
    await expectError(t.client.send(new GetAliasCommand({ FunctionName: 'echo', Name: 'missing' })), 'ResourceNotFoundException', 404);
    const conflict = await expectError(
      t.client.send(new CreateFunctionCommand({ FunctionName: 'echo', Runtime: 'nodejs22.x', Role: 'r', Handler: 'index.handler', Code: { ZipFile: zipOf({ 'index.mjs': handlerV1 }) } })),
      'ResourceConflictException',
      409,
    );
    expect(conflict.message).toContain('echo');
    await expectError(
      t.client.send(new CreateFunctionCommand({ FunctionName: 'bad', Runtime: 'cobol1.0' as 'nodejs22.x', Role: 'r', Handler: 'index.handler', Code: { ZipFile: zipOf({ 'a.js': '' }) } })),
      'InvalidParameterValueException',
      400,
    );
    await expectError(
      t.client.send(new CreateFunctionCommand({ FunctionName: 'badzip', Runtime: 'nodejs22.x', Role: 'r', Handler: 'index.handler', Code: { ZipFile: new Uint8Array([1, 2, 3]) } })),
      'InvalidParameterValueException',
      400,
    );
    await expectError(t.client.send(new CreateAliasCommand({ FunctionName: 'echo', Name: 'live', FunctionVersion: '1' })), 'ResourceConflictException', 409);
    const reserved = await expectError(
      t.client.send(new UpdateFunctionConfigurationCommand({ FunctionName: 'echo', Environment: { Variables: { AWS_REGION: 'eu-west-1' } } })),
      'InvalidParameterValueException',
      400,
    );
    expect(reserved.message).toContain('Reserved keys used in this request: AWS_REGION');
    await expectError(t.client.send(new InvokeCommand({ FunctionName: 'echo', Payload: 'not json' })), 'InvalidRequestContentException', 400);
  });

  it('rejects oversize payloads as Lambda does', async () => {
    const big = JSON.stringify({ s: 'x'.repeat(6 * 1024 * 1024) });
    await expectError(t.client.send(new InvokeCommand({ FunctionName: 'echo', Payload: big })), 'RequestEntityTooLargeException', 413);
    const medium = JSON.stringify({ s: 'x'.repeat(1024 * 1024 + 10) });
    await expectError(t.client.send(new InvokeCommand({ FunctionName: 'echo', InvocationType: 'Event', Payload: medium })), 'RequestEntityTooLargeException', 413);
  });

  it('answers a response over 6 MB with a function error', async () => {
    await t.client.send(
      new CreateFunctionCommand({
        FunctionName: 'big-answer',
        Runtime: 'nodejs22.x',
        Role: 'r',
        Handler: 'index.handler',
        Code: { ZipFile: zipOf({ 'index.mjs': "export const handler = async () => 'x'.repeat(7 * 1024 * 1024);" }) },
      }),
    );
    const out = await t.client.send(new InvokeCommand({ FunctionName: 'big-answer' }));
    expect(out.StatusCode).toBe(200);
    expect(out.FunctionError).toBe('Unhandled');
    expect(decode(out.Payload)).toMatchObject({ errorType: 'Function.ResponseSizeTooLarge' });
  });

  it('refuses requests not signed with the studio credentials', async () => {
    const wrongSecret = new LambdaClient({ endpoint: t.service.endpoint, region: 'us-east-1', maxAttempts: 1, credentials: { ...t.service.credentials, secretAccessKey: 'wrong-secret-wrong-secret-wrong' } });
    await expectError(wrongSecret.send(new ListFunctionsCommand({})), 'InvalidSignatureException', 403);
    const unknownKey = new LambdaClient({ endpoint: t.service.endpoint, region: 'us-east-1', maxAttempts: 1, credentials: { accessKeyId: 'AKIAUNKNOWNUNKNOWN00', secretAccessKey: 'x' } });
    await expectError(unknownKey.send(new DeleteFunctionCommand({ FunctionName: 'echo' })), 'UnrecognizedClientException', 403);
    const plain = await fetch(`${t.service.endpoint}/2015-03-31/functions/echo`, { method: 'DELETE' });
    expect(plain.status).toBe(403);
    expect(plain.headers.get('x-amzn-errortype')).toBe('MissingAuthenticationTokenException');
    wrongSecret.destroy();
    unknownKey.destroy();
    // None of them did anything.
    expect((await t.client.send(new GetFunctionCommand({ FunctionName: 'echo' }))).Configuration?.FunctionName).toBe('echo');
  });

  it('deletes a version, then the function', async () => {
    await expectError(t.client.send(new DeleteFunctionCommand({ FunctionName: 'echo', Qualifier: '2' })), 'ResourceConflictException', 409);
    await t.client.send(new DeleteFunctionCommand({ FunctionName: 'echo', Qualifier: '1' }));
    await t.client.send(new DeleteFunctionCommand({ FunctionName: 'echo' }));
    await expectError(t.client.send(new GetFunctionCommand({ FunctionName: 'echo' })), 'ResourceNotFoundException', 404);
  });
});

describe('restarting the service', () => {
  it('keeps deployed functions, versions and aliases, and the same credentials', async () => {
    const { createLocalLambdaService } = await import('./lambda-service.ts');
    const first = await startTestService();
    const keepDir = first.stateDir;
    await first.client.send(
      new CreateFunctionCommand({ FunctionName: 'kept', Runtime: 'nodejs22.x', Role: 'r', Handler: 'index.handler', Code: { ZipFile: zipOf({ 'index.mjs': 'export const handler = async () => "still here";' }) }, Publish: true }),
    );
    await first.client.send(new CreateAliasCommand({ FunctionName: 'kept', Name: 'prod', FunctionVersion: '1' }));
    const credentials = first.service.credentials;
    first.client.destroy();
    await first.service.close();

    const again = await createLocalLambdaService({ stateDir: keepDir });
    const client = new LambdaClient({ endpoint: again.endpoint, region: again.region, credentials: again.credentials, maxAttempts: 1 });
    try {
      expect(again.credentials).toEqual(credentials);
      const out = await client.send(new InvokeCommand({ FunctionName: 'kept', Qualifier: 'prod' }));
      expect(decode(out.Payload)).toBe('still here');
      expect(out.ExecutedVersion).toBe('1');
    } finally {
      client.destroy();
      await again.close();
      await first.close().catch(() => undefined);
    }
  });
});
