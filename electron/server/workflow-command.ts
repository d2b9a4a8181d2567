import type { Command } from 'commander';
import { join } from 'node:path';
import type { ExecutionDetail } from '../../shared/contract/executions.ts';
import type { OpenCallback } from '../../shared/executions/pending-callbacks.ts';
import { type DeployProgress, LOCAL_TARGET_ID, type Target } from '../../shared/contract/targets.ts';
import type { WorkflowDeployResult } from '../../shared/contract/workflows.ts';
import { RunnerEvent, WORKFLOW_RUNNER_FUNCTION } from '../../shared/workflow/runner-event.ts';
import type { StudioServices } from '../services/studio/studio-services.ts';
import { CREDENTIALS_FILE } from '../services/lambda/credentials.ts';
import { log, parsePort, WORKSPACE_HELP } from './cli-support.ts';
import { openCommandServices } from './command-services.ts';
import { waitForExecution } from './workflow-wait.ts';

interface WorkflowOptions {
  workspace?: string;
  payload?: string;
  lambdaPort?: number;
  /** An AWS target to run on, where the workflow has been deployed. */
  target?: string;
}

interface WorkflowDeployOptions {
  workspace?: string;
  target: string;
  role?: string;
  createRole: boolean;
}

function open(options: WorkflowOptions): Promise<StudioServices> {
  return openCommandServices(options.workspace, options.lambdaPort === undefined ? {} : { lambdaPort: options.lambdaPort });
}

/** Prints a contract error (message, then its details) and gives the "could not start" exit code. */
function refused(error: { message: string; details?: string }): number {
  log(error.message);
  if (error.details !== undefined) log(error.details);
  return 2;
}

/** One line a person can act on: the approval, its callback id, and the command that approves it. */
function approvalLine(services: StudioServices, callback: OpenCallback, instructions: string | undefined): string {
  const { endpoint, region } = services.lambda;
  const what = callback.operationName === undefined ? 'A callback' : `"${callback.operationName}"`;
  const note = instructions === undefined || instructions === '' ? '' : ` (${instructions.replaceAll('\n', ' ')})`;
  return (
    `${what} waits for approval${note}, callback id ${callback.callbackId}. Approve with: ` +
    `aws lambda send-durable-execution-callback-success --endpoint-url ${endpoint} --region ${region} --callback-id ${callback.callbackId} --result '{"approved":true}' ` +
    `(keys in ${join(services.layout.state, CREDENTIALS_FILE)}; send-durable-execution-callback-failure rejects)`
  );
}

/** The same line for a run on an AWS target: the command goes to the target's profile, region and endpoint. */
function targetApprovalLine(target: Target, callback: OpenCallback, instructions: string | undefined): string {
  const what = callback.operationName === undefined ? 'A callback' : `"${callback.operationName}"`;
  const note = instructions === undefined || instructions === '' ? '' : ` (${instructions.replaceAll('\n', ' ')})`;
  const endpoint = target.endpoint === undefined ? '' : ` --endpoint-url ${target.endpoint}`;
  return (
    `${what} waits for approval${note} on ${target.name}, callback id ${callback.callbackId}. Approve with: ` +
    `aws lambda send-durable-execution-callback-success --profile ${target.profile ?? 'default'} --region ${target.region}${endpoint} --callback-id ${callback.callbackId} --result '{"approved":true}' ` +
    `(send-durable-execution-callback-failure rejects)`
  );
}

/** Each Approval block's instructions, from the graph the run started with (its event), by block id. */
async function approvalInstructions(services: StudioServices, arn: string, target: string | undefined): Promise<Map<string, string>> {
  const instructions = new Map<string, string>();
  const execution = await services.dispatch('executions.get', { arn, ...(target === undefined ? {} : { target }) });
  if (!execution.ok) return instructions;
  const input = (execution.value as ExecutionDetail).InputPayload;
  let event: unknown;
  try {
    event = JSON.parse(input ?? 'null');
  } catch {
    return instructions;
  }
  const parsed = RunnerEvent.safeParse(event);
  if (!parsed.success) return instructions;
  for (const block of parsed.data.graph.blocks) if (block.type === 'approval') instructions.set(block.id, block.instructions);
  return instructions;
}

/** Exit codes: 0 the run succeeded, 1 it failed (or stopped, or timed out), 2 it could not start, 130 interrupted while waiting. */
async function runWorkflow(name: string, options: WorkflowOptions): Promise<number> {
  const services = await open(options);
  const interrupted = new AbortController();
  const onSignal = () => interrupted.abort();
  process.once('SIGINT', onSignal);
  process.once('SIGTERM', onSignal);
  try {
    const target = await awsTarget(services, options.target);
    if (target === null) return 2;
    const started = await services.dispatch('workflows.run', {
      name,
      ...(options.payload === undefined ? {} : { payload: options.payload }),
      ...(target === undefined ? {} : { target: target.id }),
    });
    if (!started.ok) return refused(started.error);
    const { executionArn } = started.value as { executionArn: string; executionName: string };
    process.stdout.write(`${executionArn}\n`);

    const instructions = await approvalInstructions(services, executionArn, target?.id);
    const closed = await waitForExecution(
      services,
      executionArn,
      (callback) => {
        const text = callback.operationName === undefined ? undefined : instructions.get(callback.operationName);
        log(target === undefined ? approvalLine(services, callback, text) : targetApprovalLine(target, callback, text));
      },
      interrupted.signal,
      target?.id,
    );
    if (closed === undefined) {
      log(
        target === undefined
          ? `Stopped waiting. The run goes on whenever the studio runs on this workspace: ${executionArn}`
          : `Stopped waiting. The run goes on on ${target.name}: ${executionArn}`,
      );
      return 130;
    }
    if (closed.Status === 'SUCCEEDED') {
      process.stdout.write(`${closed.Result ?? 'null'}\n`);
      return 0;
    }
    const error = closed.Error;
    const reason = error === undefined ? '' : `: ${[error.ErrorType, error.ErrorMessage].filter((part) => part !== undefined && part !== '').join(': ')}`;
    log(`The workflow "${name}" ${closed.Status === 'FAILED' ? 'failed' : closed.Status === 'TIMED_OUT' ? 'timed out' : 'was stopped'}${reason}`);
    return 1;

  } finally {
    process.off('SIGINT', onSignal);
    process.off('SIGTERM', onSignal);
    await services.close();
  }
}

/**
 * The AWS target `--target` names: undefined for local (or none given), null when there is no such
 * target (already reported).
 */
async function awsTarget(services: StudioServices, id: string | undefined): Promise<Target | undefined | null> {
  if (id === undefined || id === LOCAL_TARGET_ID) return undefined;
  const listed = await services.dispatch('targets.list', {});
  if (!listed.ok) {
    refused(listed.error);
    return null;
  }
  const target = (listed.value as Target[]).find((t) => t.id === id);
  if (target === undefined) {
    log(`There is no target named "${id}". Add it with: npm run cli -- targets add ${id} --profile PROFILE --region REGION`);
    return null;
  }
  return target;
}

/** Exit codes: 0 deployed (each function and the runner on stdout), 2 it could not be deployed. */
async function deployWorkflow(name: string, options: WorkflowDeployOptions): Promise<number> {
  const services = await open(options);
  const stop = services.events.subscribe((event, payload) => {
    if (event !== 'deploy.progress') return;
    const p = payload as DeployProgress;
    if (p.status !== 'running') log(`${p.functionName} ${p.step}: ${p.status}${p.message === undefined ? '' : ` (${p.message})`}`);
  });
  try {
    const role = options.role !== undefined ? { arn: options.role } : options.createRole ? { create: true as const } : undefined;
    const deployed = await services.dispatch('workflows.deploy', { name, target: options.target, ...(role === undefined ? {} : { role }) });
    if (!deployed.ok) return refused(deployed.error);
    const { runner, functions } = deployed.value as WorkflowDeployResult;
    for (const f of functions) process.stdout.write(`${f.name}\tversion ${f.version}\t${f.aliasArn}\n`);
    process.stdout.write(`${WORKFLOW_RUNNER_FUNCTION}\tversion ${runner.version}\t${runner.aliasArn}\n`);
    return 0;
  } finally {
    stop();
    await services.close();
  }
}

/** Exit codes: 0 printed, 2 the workflow could not be exported (missing, broken, invalid). */
async function exportWorkflow(name: string, options: WorkflowOptions): Promise<number> {
  const services = await open(options);
  try {
    const exported = await services.dispatch('workflows.export', { name });
    if (!exported.ok) return refused(exported.error);
    const { code } = exported.value as { fileName: string; code: string };
    process.stdout.write(code.endsWith('\n') ? code : `${code}\n`);
    return 0;
  } finally {
    await services.close();
  }
}

/** Runs a command's work and exits with its code once stdout has drained. */
async function exitWith(work: () => Promise<number>, what: string): Promise<never> {
  let code: number;
  try {
    code = await work();
  } catch (error) {
    log(`${what} failed`, error);
    code = 2;
  }
  // Everything is closed; a leftover timer elsewhere must not hold the answer back.
  await new Promise<void>((resolve) => process.stdout.write('', () => resolve()));
  process.exit(code);
}

/** `workflow run` and `workflow export`: a saved workflow without the window. */
export function addWorkflowCommand(program: Command): void {
  const workflow = program.command('workflow').description('Run, deploy or export a workflow of the workspace (workflows/<name>.workflow.json).');
  workflow
    .command('run')
    .description(
      'Run a workflow: prints the execution ARN at once, then the output JSON when the run ends (stdout); approvals it waits for and errors go to stderr. ' +
        'Exits 0 when the run succeeded, 1 when it failed, 2 when it could not start.',
    )
    .argument('<name>', 'the workflow (workflows/<name>.workflow.json)')
    .option('-w, --workspace <dir>', WORKSPACE_HELP)
    .option('--payload <json>', "the workflow's input as JSON text (default: the Input block's sample, else {})")
    .option('--lambda-port <port>', 'port of the local Lambda API that approvals are sent to; 0 picks a free one (default: 0)', parsePort)
    .option('-t, --target <name>', 'run on an AWS target the workflow has been deployed to (default: local)')
    .action((name: string, options: WorkflowOptions) => exitWith(() => runWorkflow(name, options), `Running the workflow "${name}"`));
  workflow
    .command('deploy')
    .description(
      'Deploy a workflow to an AWS target: each function its Lambda blocks call, then the workflow runner, each published with alias live. ' +
        'Prints one line per function and one for the runner: name, version, alias ARN. Exits 0 when deployed, 2 when not.',
    )
    .argument('<name>', 'the workflow (workflows/<name>.workflow.json)')
    .requiredOption('-t, --target <name>', 'an AWS target (see targets list)')
    .option('--role <arn>', 'the execution role of every function and the runner; with it no IAM call is made')
    .option('--create-role', 'create (or reuse) a role per function and one for the runner, allowed to invoke them', false)
    .option('-w, --workspace <dir>', WORKSPACE_HELP)
    .action((name: string, options: WorkflowDeployOptions) => exitWith(() => deployWorkflow(name, options), `Deploying the workflow "${name}"`));
  workflow
    .command('export')
    .description('Print the TypeScript durable handler that does what the workflow does.')
    .argument('<name>', 'the workflow (workflows/<name>.workflow.json)')
    .option('-w, --workspace <dir>', WORKSPACE_HELP)
    .action((name: string, options: WorkflowOptions) => exitWith(() => exportWorkflow(name, options), `Exporting the workflow "${name}"`));
}
