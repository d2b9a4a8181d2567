import { CreateFunctionCommand, GetFunctionCommand, GetFunctionConfigurationCommand, PublishVersionCommand } from '@aws-sdk/client-lambda';
import { rm } from 'node:fs/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestService, type TestService, zipOf } from './test-support.ts';

const code = zipOf({ 'index.mjs': 'export const handler = async () => ({ ok: true });' });

let t: TestService;
beforeAll(async () => {
  t = await startTestService();
});
afterAll(async () => {
  await t.close();
});

describe('TenancyConfig', () => {
  it('is kept from CreateFunction and shown by GetFunction, GetFunctionConfiguration and published versions', async () => {
    const created = await t.client.send(
      new CreateFunctionCommand({
        FunctionName: 'tenanted',
        Runtime: 'nodejs22.x',
        Role: 'arn:aws:iam::000000000000:role/x',
        Handler: 'index.handler',
        Code: { ZipFile: code },
        TenancyConfig: { TenantIsolationMode: 'PER_TENANT' },
      }),
    );
    expect(created.TenancyConfig).toEqual({ TenantIsolationMode: 'PER_TENANT' });
    const fn = await t.client.send(new GetFunctionCommand({ FunctionName: 'tenanted' }));
    expect(fn.Configuration?.TenancyConfig).toEqual({ TenantIsolationMode: 'PER_TENANT' });
    const config = await t.client.send(new GetFunctionConfigurationCommand({ FunctionName: 'tenanted' }));
    expect(config.TenancyConfig).toEqual({ TenantIsolationMode: 'PER_TENANT' });
    const published = await t.client.send(new PublishVersionCommand({ FunctionName: 'tenanted' }));
    expect(published.TenancyConfig).toEqual({ TenantIsolationMode: 'PER_TENANT' });
  });

  it('is absent on a function created without it', async () => {
    await t.client.send(
      new CreateFunctionCommand({ FunctionName: 'shared', Runtime: 'nodejs22.x', Role: 'arn:aws:iam::000000000000:role/x', Handler: 'index.handler', Code: { ZipFile: code } }),
    );
    const config = await t.client.send(new GetFunctionConfigurationCommand({ FunctionName: 'shared' }));
    expect(config.TenancyConfig).toBeUndefined();
  });

  it('survives a restart of the service', async () => {
    const first = t;
    await first.service.close();
    first.client.destroy();
    // The second service reads the first one's state folder; closing it later removes that folder too.
    const again = await startTestService({ stateDir: first.stateDir });
    t = { ...again, close: async () => { await again.close(); await rm(first.stateDir, { recursive: true, force: true }); } };
    const config = await t.client.send(new GetFunctionConfigurationCommand({ FunctionName: 'tenanted' }));
    expect(config.TenancyConfig).toEqual({ TenantIsolationMode: 'PER_TENANT' });
  });
});
