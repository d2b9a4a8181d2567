import { randomUUID } from 'node:crypto';
import {
  CreateAliasCommand,
  CreateFunctionCommand,
  type FunctionConfiguration,
  GetAliasCommand,
  GetFunctionCommand,
  type LambdaClient,
  PublishVersionCommand,
  type Runtime,
  UpdateAliasCommand,
  UpdateFunctionCodeCommand,
  UpdateFunctionConfigurationCommand,
  waitUntilFunctionActiveV2,
  waitUntilFunctionUpdatedV2,
} from '@aws-sdk/client-lambda';
import { StudioError } from '../../../shared/contract/errors.ts';
import type { DeployProgress, DeployResult, DeployRole } from '../../../shared/contract/targets.ts';
import type { FunctionStore } from '../workspace/function-store.ts';
import { buildDeployPackage, type DeployPackage } from './deploy-package.ts';
import { createStepRunner, LIVE_ALIAS } from './deploy-steps.ts';
import { ensureExecutionRole } from './execution-role.ts';
import type { TargetService } from './target-service.ts';

/** What a deploy needs from the studio. */
export interface DeployDeps {
  targets: TargetService;
  functions: FunctionStore;
  /** Where deploy bundles are built (apart from the local runners' bundles). */
  buildDir: string;
  emit: (progress: DeployProgress) => void;
  /** Longest wait for the function to become active or updated, in seconds (default 300). */
  maxWaitSeconds?: number;
  /** Pauses between tries while a just-created role is not yet assumable (IAM is eventually consistent). */
  roleRetryDelaysMs?: readonly number[];
}

const ROLE_RETRY_DELAYS_MS = [2_000, 4_000, 6_000, 8_000];

/** Lambda's answer while IAM has not yet spread a new role to it. */
const roleNotReady = (error: unknown): boolean =>
  error instanceof StudioError && /role defined for the function cannot be assumed|cannot be assumed by Lambda/i.test(error.message);

function settingsOf(pkg: DeployPackage, roleArn: string | undefined) {
  const durable = pkg.config.durable?.enabled === true ? pkg.config.durable : undefined;
  return {
    Runtime: pkg.config.runtime as Runtime,
    Handler: pkg.handler,
    MemorySize: pkg.config.memorySize,
    Timeout: pkg.config.timeout,
    Environment: { Variables: pkg.config.environment },
    Description: pkg.config.description ?? '',
    ...(roleArn === undefined ? {} : { Role: roleArn }),
    ...(durable === undefined ? {} : { DurableConfig: { ExecutionTimeout: durable.executionTimeout, RetentionPeriodInDays: durable.retentionPeriodInDays } }),
  };
}

/**
 * Deploys a workspace function to an AWS target: bundle and zip, the execution role, create or
 * update (code, then settings, waiting for each to settle), publish a version, and point alias
 * `live` at it. Each step is announced through `emit`; a failure names the step and what to do.
 */
export async function deployFunction(
  deps: DeployDeps,
  input: {
    name: string;
    target: string;
    role?: DeployRole;
    /** Builds the package instead of the workspace function of that name (the workflow runner, part of the studio). */
    build?: () => Promise<DeployPackage>;
  },
): Promise<DeployResult> {
  const deployId = randomUUID();
  const { lambda, iam, target } = await deps.targets.awsClients(input.target);
  const step = createStepRunner({ deployId, functionName: input.name, target: target.id }, deps.emit);
  const send = <T>(action: string, work: () => Promise<T>) => deps.targets.attempt(target, action, work);
  const waiter = { client: lambda, maxWaitTime: deps.maxWaitSeconds ?? 300, minDelay: 1, maxDelay: 10 };

  const pkg = await step('bundle', 'Building the deployment package', () => input.build?.() ?? buildDeployPackage(deps.functions, input.name, deps.buildDir));

  const { existing, roleArn } = await step('role', 'Choosing the execution role', async () => {
    const found = await existingFunction(lambda, send, input.name);
    if (input.role !== undefined && 'arn' in input.role) return { existing: found, roleArn: input.role.arn };
    if (input.role !== undefined) {
      const created = await send('iam:CreateRole', () => ensureExecutionRole(iam, { functionName: input.name, region: target.region }));
      return { existing: found, roleArn: created.arn };
    }
    if (found?.Role !== undefined) return { existing: found, roleArn: undefined };
    throw new StudioError('BAD_INPUT', `${input.name} is not on ${target.name} yet, so it needs an execution role: give a role ARN or ask for one to be created.`);
  });

  if (existing === undefined) {
    if (roleArn === undefined) throw new StudioError('INTERNAL', 'A new function reached the create step without a role.');
    await step('create', 'Creating the function', async () => {
      const delays = input.role !== undefined && 'create' in input.role ? (deps.roleRetryDelaysMs ?? ROLE_RETRY_DELAYS_MS) : [];
      for (let attempt = 0; ; attempt += 1) {
        try {
          return await send('lambda:CreateFunction', () =>
            lambda.send(new CreateFunctionCommand({ FunctionName: input.name, Code: { ZipFile: pkg.zip }, Publish: false, ...settingsOf(pkg, roleArn), Role: roleArn })),
          );
        } catch (error) {
          const delay = delays[attempt];
          if (delay === undefined || !roleNotReady(error)) throw error;
          await new Promise((resolve) => setTimeout(resolve, delay));
        }
      }
    });
    await step('wait', 'Waiting for the function to become active', () =>
      send('lambda:GetFunction', () => waitUntilFunctionActiveV2(waiter, { FunctionName: input.name })),
    );
  } else {
    await step('update-code', 'Uploading the code', () =>
      send('lambda:UpdateFunctionCode', () => lambda.send(new UpdateFunctionCodeCommand({ FunctionName: input.name, ZipFile: pkg.zip }))),
    );
    await step('wait', 'Waiting for the code update to finish', () =>
      send('lambda:GetFunction', () => waitUntilFunctionUpdatedV2(waiter, { FunctionName: input.name })),
    );
    await step('update-config', 'Applying the settings', async () => {
      const settings = settingsOf(pkg, roleArn);
      const before = existing;
      // DurableConfig is sent only when it changes: it is the one setting Lambda may refuse to touch.
      const sameDurable =
        before.DurableConfig?.ExecutionTimeout === settings.DurableConfig?.ExecutionTimeout &&
        before.DurableConfig?.RetentionPeriodInDays === settings.DurableConfig?.RetentionPeriodInDays;
      const { DurableConfig, ...rest } = settings;
      await send('lambda:UpdateFunctionConfiguration', () =>
        lambda.send(new UpdateFunctionConfigurationCommand({ FunctionName: input.name, ...rest, ...(sameDurable || DurableConfig === undefined ? {} : { DurableConfig }) })),
      );
      await send('lambda:GetFunction', () => waitUntilFunctionUpdatedV2(waiter, { FunctionName: input.name }));
    });
  }

  const published = await step('publish', 'Publishing a version', () =>
    send('lambda:PublishVersion', () => lambda.send(new PublishVersionCommand({ FunctionName: input.name, CodeSha256: pkg.codeSha256 }))),
  );
  const version = published.Version;
  if (version === undefined || published.FunctionArn === undefined) throw new StudioError('INTERNAL', 'Lambda published a version without saying which.');

  const aliasArn = await step('alias', `Pointing alias ${LIVE_ALIAS} at version ${version}`, async () => {
    const current = await send('lambda:GetAlias', () => lambda.send(new GetAliasCommand({ FunctionName: input.name, Name: LIVE_ALIAS }))).catch((error: unknown) => {
      if (error instanceof StudioError && error.code === 'NOT_FOUND') return undefined;
      throw error;
    });
    const reply =
      current === undefined
        ? await send('lambda:CreateAlias', () => lambda.send(new CreateAliasCommand({ FunctionName: input.name, Name: LIVE_ALIAS, FunctionVersion: version })))
        : await send('lambda:UpdateAlias', () => lambda.send(new UpdateAliasCommand({ FunctionName: input.name, Name: LIVE_ALIAS, FunctionVersion: version })));
    if (reply.AliasArn === undefined) throw new StudioError('INTERNAL', `Lambda did not say the ARN of alias ${LIVE_ALIAS}.`);
    return reply.AliasArn;
  });

  // The unqualified ARN: the published one ends with the version.
  const functionArn = published.FunctionArn.replace(new RegExp(`:${version}$`), '');
  return { deployId, functionArn, version, aliasArn, roleArn: roleArn ?? existing?.Role ?? '', codeSha256: published.CodeSha256 ?? pkg.codeSha256 };
}

async function existingFunction(
  lambda: LambdaClient,
  send: <T>(action: string, work: () => Promise<T>) => Promise<T>,
  name: string,
): Promise<FunctionConfiguration | undefined> {
  try {
    return (await send('lambda:GetFunction', () => lambda.send(new GetFunctionCommand({ FunctionName: name })))).Configuration;
  } catch (error) {
    if (error instanceof StudioError && error.code === 'NOT_FOUND') return undefined;
    throw error;
  }
}
