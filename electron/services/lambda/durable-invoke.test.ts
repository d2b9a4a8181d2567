import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FunctionConfig } from '../../../shared/workspace/function-config.ts';
import { attachDurableEngine } from '../durable/attach.ts';
import type { DurableEngine } from '../durable/engine.ts';
import { decode, startTestService, zipOf, type TestService } from './test-support.ts';

let t: TestService;
let engine: DurableEngine;
beforeAll(async () => {
  t = await startTestService();
  engine = await attachDurableEngine(t.service, { stateDir: t.stateDir });
});
afterAll(async () => {
  engine.close();
  await t.close();
});

describe('a durable workspace function invoked directly', () => {
  it('runs as a durable execution with the official SDK checkpointing into the service', async () => {
    const dir = join(t.stateDir, 'ws', 'functions', 'steps');
    await mkdir(dir, { recursive: true });
    await writeFile(
      join(dir, 'index.ts'),
      `import { withDurableExecution } from '@aws/durable-execution-sdk-js';
export const handler = withDurableExecution(async (event: { n: number }, context) => {
  const doubled = await context.step('double', async () => event.n * 2);
  console.log('doubled', doubled);
  return { doubled, plusOne: await context.step('plus-one', async () => doubled + 1) };
});`,
    );
    const config = FunctionConfig.parse({ runtime: 'nodejs22.x', handler: 'index.handler', timeout: 10, durable: { enabled: true } });
    await t.service.syncWorkspaceFunction({ name: 'steps', dir, config });
    const out = await t.service.invoke({ functionName: 'steps', payload: '{"n":20}', durableExecutionName: 'run-1' });
    expect(out.errorType).toBeUndefined();
    expect(JSON.parse(out.payload.toString())).toEqual({ doubled: 40, plusOne: 41 });
    expect(out.durableExecutionArn).toMatch(/^arn:aws:lambda:us-east-1:000000000000:function:steps/);
    expect(out.logs.join('\n')).toContain('doubled 40');
  });
});

describe('a durable function invoked through an alias', () => {
  it('pins the execution to the version the alias points at', async () => {
    const { CreateAliasCommand, CreateFunctionCommand, GetDurableExecutionCommand, InvokeCommand, PublishVersionCommand } = await import('@aws-sdk/client-lambda');
    const source = (answer: string) => `import { withDurableExecution } from '@aws/durable-execution-sdk-js';
export const handler = withDurableExecution(async (event, context) => context.step('answer', async () => '${answer}'));`;
    await t.client.send(
      new CreateFunctionCommand({
        FunctionName: 'pinned',
        Runtime: 'nodejs22.x',
        Role: 'arn:aws:iam::000000000000:role/test',
        Handler: 'index.handler',
        Code: { ZipFile: zipOf({ 'index.mjs': source('one') }) },
        Timeout: 10,
        DurableConfig: { ExecutionTimeout: 60, RetentionPeriodInDays: 1 },
      }),
    );
    const published = await t.client.send(new PublishVersionCommand({ FunctionName: 'pinned' }));
    await t.client.send(new CreateAliasCommand({ FunctionName: 'pinned', Name: 'live', FunctionVersion: published.Version }));

    const out = await t.client.send(new InvokeCommand({ FunctionName: 'pinned', Qualifier: 'live', Payload: '{}' }));
    expect(out.ExecutedVersion).toBe(published.Version);
    expect(decode(out.Payload)).toBe('one');
    const execution = await t.client.send(new GetDurableExecutionCommand({ DurableExecutionArn: out.DurableExecutionArn }));
    expect(execution.Version).toBe(published.Version);
  });
});
