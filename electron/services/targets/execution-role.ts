import {
  AttachRolePolicyCommand,
  CreateRoleCommand,
  GetRoleCommand,
  type IAMClient,
  ListRolesCommand,
  PutRolePolicyCommand,
  type Role,
} from '@aws-sdk/client-iam';
import type { ExecutionRole } from '../../../shared/contract/targets.ts';

/** Lets Lambda assume the role, and nothing else. */
const TRUST_POLICY = JSON.stringify({
  Version: '2012-10-17',
  Statement: [{ Effect: 'Allow', Principal: { Service: 'lambda.amazonaws.com' }, Action: 'sts:AssumeRole' }],
});

/** CloudWatch Logs for the function's log group: what every Lambda function needs to write its log. */
export const BASIC_EXECUTION_POLICY_ARN = 'arn:aws:iam::aws:policy/service-role/AWSLambdaBasicExecutionRole';

/** The role name a created role gets: one per function, recognisable in the IAM console. */
export const roleNameFor = (functionName: string): string => `lambda-studio-${functionName}`.slice(0, 64);

/**
 * The durable SDK's own calls (checkpoint, read state), allowed on this function's executions only.
 * Every version (`:*`): execution ARNs carry the version, never the alias.
 */
export function durablePolicy(functionArnPrefix: string): string {
  return JSON.stringify({
    Version: '2012-10-17',
    Statement: [
      {
        Effect: 'Allow',
        Action: ['lambda:CheckpointDurableExecution', 'lambda:GetDurableExecutionState'],
        Resource: `${functionArnPrefix}:*`,
      },
    ],
  });
}

/** True when a role's trust policy names the Lambda service: only such roles can run a function. */
export function trustsLambda(role: Role): boolean {
  const document = role.AssumeRolePolicyDocument;
  if (document === undefined) return false;
  let text = document;
  try {
    text = decodeURIComponent(document);
  } catch {
    // already plain JSON
  }
  return text.includes('lambda.amazonaws.com');
}

/** The account's roles that Lambda may assume, by name. */
export async function listExecutionRoles(iam: IAMClient): Promise<ExecutionRole[]> {
  const roles: ExecutionRole[] = [];
  let marker: string | undefined;
  do {
    const page = await iam.send(new ListRolesCommand({ MaxItems: 1000, ...(marker === undefined ? {} : { Marker: marker }) }));
    for (const role of page.Roles ?? []) {
      if (role.Arn === undefined || role.RoleName === undefined || !trustsLambda(role)) continue;
      roles.push({
        arn: role.Arn,
        name: role.RoleName,
        ...(role.CreateDate === undefined ? {} : { createdAt: role.CreateDate.toISOString() }),
        ...(role.Description === undefined ? {} : { description: role.Description }),
      });
    }
    marker = page.IsTruncated === true ? page.Marker : undefined;
  } while (marker !== undefined);
  return roles.sort((a, b) => a.name.localeCompare(b.name));
}

/**
 * The function's own execution role, created when missing: Lambda may assume it, it may write
 * logs (the basic managed policy) and checkpoint its own durable executions (an inline policy
 * scoped to this function). An existing role of that name is reused and its policies put back.
 */
export async function ensureExecutionRole(iam: IAMClient, input: { functionName: string; region: string; partition?: string }): Promise<{ arn: string; created: boolean }> {
  const roleName = roleNameFor(input.functionName);
  let arn: string | undefined;
  let created = false;
  try {
    arn = (await iam.send(new GetRoleCommand({ RoleName: roleName }))).Role?.Arn;
  } catch (error) {
    if ((error as { name?: unknown }).name !== 'NoSuchEntityException') throw error;
  }
  if (arn === undefined) {
    const reply = await iam.send(
      new CreateRoleCommand({
        RoleName: roleName,
        AssumeRolePolicyDocument: TRUST_POLICY,
        Description: `Execution role of the Lambda function ${input.functionName}, created by Lambda Studio`,
      }),
    );
    arn = reply.Role?.Arn;
    created = true;
  }
  if (arn === undefined) throw new Error(`IAM created the role ${roleName} but did not say its ARN.`);
  const account = arn.split(':')[4] ?? '';
  const partition = input.partition ?? arn.split(':')[1] ?? 'aws';
  await iam.send(new AttachRolePolicyCommand({ RoleName: roleName, PolicyArn: BASIC_EXECUTION_POLICY_ARN }));
  await iam.send(
    new PutRolePolicyCommand({
      RoleName: roleName,
      PolicyName: 'durable-execution',
      PolicyDocument: durablePolicy(`arn:${partition}:lambda:${input.region}:${account}:function:${input.functionName}`),
    }),
  );
  return { arn, created };
}
