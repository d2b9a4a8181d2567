import { join } from 'node:path';
import { PutRolePolicyCommand } from '@aws-sdk/client-iam';
import type { DeployRole } from '../../../shared/contract/targets.ts';
import type { WorkflowDeployResult } from '../../../shared/contract/workflows.ts';
import { WORKFLOW_RUNNER_FUNCTION } from '../../../shared/workflow/runner-event.ts';
import { writeRunnerBundle } from '../export/runner-bundle.ts';
import { functionsOf, runnableGraph } from '../workflows/runnable-graph.ts';
import { RUNNER_CONFIG } from '../workflows/workflow-runner.ts';
import type { WorkflowStore } from '../workflows/workflow-store.ts';
import { type DeployDeps, deployFunction } from './deploy-function.ts';
import { type DeployPackage, zipFolder } from './deploy-package.ts';
import { roleNameFor } from './execution-role.ts';

/** What a workflow deploy needs besides a function deploy's needs. */
export interface WorkflowDeployDeps extends DeployDeps {
  workflows: WorkflowStore;
  /** The studio's resources folder, where the runner's source lives. */
  resourcesDir: string;
}

/** The inline policy that lets the runner call one workflow's functions; one per workflow, so deploying another leaves it alone. */
export const invokePolicyName = (workflow: string): string => `invoke-workflow-${workflow}`.slice(0, 128);

/** `lambda:InvokeFunction` on each function and its aliases (blocks call `<function>:live`). */
export function invokePolicy(functionArns: string[]): string {
  return JSON.stringify({
    Version: '2012-10-17',
    Statement: [{ Effect: 'Allow', Action: ['lambda:InvokeFunction'], Resource: functionArns.flatMap((arn) => [arn, `${arn}:*`]) }],
  });
}

/** The runner as a deploy package: its bundle is built from the studio's resources, not the workspace. */
async function runnerPackage(resourcesDir: string, buildDir: string): Promise<DeployPackage> {
  // A dot keeps this folder apart from any workspace function's (their names cannot start with one).
  const outDir = join(buildDir, '.workflow-runner');
  await writeRunnerBundle({ resourcesDir, outDir });
  return { ...(await zipFolder(outDir)), config: RUNNER_CONFIG, handler: RUNNER_CONFIG.handler };
}

/**
 * Deploys a workflow to an AWS target: every function its Lambda blocks call (as `deploy.function`
 * would), then the workflow runner `studio-workflow-runner`, one per target for every workflow (the
 * graph travels in each run's event). A role the studio made for the runner gets an inline policy per
 * workflow allowing it to invoke that workflow's functions; a role given by ARN is left as it is.
 */
export async function deployWorkflow(deps: WorkflowDeployDeps, input: { name: string; target: string; role?: DeployRole }): Promise<WorkflowDeployResult> {
  const graph = await runnableGraph({ workflows: deps.workflows, functions: deps.functions }, input.name, 'be deployed');
  const role = input.role === undefined ? {} : { role: input.role };
  const functions: WorkflowDeployResult['functions'] = [];
  const functionArns: string[] = [];
  // One after another: each waits on Lambda, and AWS throttles the control plane per account.
  for (const name of functionsOf(graph)) {
    const deployed = await deployFunction(deps, { name, target: input.target, ...role });
    functions.push({ name, version: deployed.version, aliasArn: deployed.aliasArn });
    functionArns.push(deployed.functionArn);
  }
  const runner = await deployFunction(deps, {
    name: WORKFLOW_RUNNER_FUNCTION,
    target: input.target,
    ...role,
    build: () => runnerPackage(deps.resourcesDir, deps.buildDir),
  });
  const studioRole = roleNameFor(WORKFLOW_RUNNER_FUNCTION);
  if (functionArns.length > 0 && runner.roleArn.endsWith(`:role/${studioRole}`)) {
    const { iam, target } = await deps.targets.awsClients(input.target);
    await deps.targets.attempt(target, 'iam:PutRolePolicy', () =>
      iam.send(new PutRolePolicyCommand({ RoleName: studioRole, PolicyName: invokePolicyName(input.name), PolicyDocument: invokePolicy(functionArns) })),
    );
  }
  return { runner: { functionArn: runner.functionArn, version: runner.version, aliasArn: runner.aliasArn }, functions };
}
