import type { Command } from 'commander';
import type { DeployProgress, DeployResult, ExecutionSummary } from '../../shared/contract/index.ts';
import type { StudioServices } from '../services/studio/studio-services.ts';
import { log, WORKSPACE_HELP } from './cli-support.ts';
import { openCommandServices } from './command-services.ts';

/** Opens the services, runs one contract call, prints what `print` makes of it; 2 when the call fails. */
async function once(workspace: string | undefined, work: (services: StudioServices) => Promise<number>): Promise<never> {
  let code = 2;
  let services: StudioServices | undefined;
  try {
    services = await openCommandServices(workspace);
    code = await work(services);
  } catch (error) {
    log(error instanceof Error ? error.message : String(error));
  } finally {
    await services?.close();
  }
  await new Promise<void>((resolve) => process.stdout.write('', () => resolve()));
  process.exit(code);
}

function refused(error: { message: string; details?: string | undefined }): number {
  log(error.message);
  if (error.details !== undefined) log(error.details);
  return 2;
}

/** `deploy <function> --target <name>`: the workspace function to an AWS target, with each step on stderr. */
export function addDeployCommand(program: Command): void {
  program
    .command('deploy')
    .description('Deploy a workspace function to an AWS target: publish a version and point alias live at it. Prints the version and the alias ARN.')
    .argument('<function>', 'the function (a folder under functions/)')
    .requiredOption('-t, --target <name>', 'an AWS target (see targets list)')
    .option('--role <arn>', 'the execution role; with it no IAM call is made')
    .option('--create-role', 'create (or reuse) a role for the function with the least a durable function needs', false)
    .option('-w, --workspace <dir>', WORKSPACE_HELP)
    .action((name: string, options: { target: string; role?: string; createRole: boolean; workspace?: string }) =>
      once(options.workspace, async (services) => {
        const stop = services.events.subscribe((event, payload) => {
          if (event !== 'deploy.progress') return;
          const p = payload as DeployProgress;
          if (p.status !== 'running') log(`${p.step}: ${p.status}${p.message === undefined ? '' : ` (${p.message})`}`);
        });
        const role = options.role !== undefined ? { arn: options.role } : options.createRole ? { create: true as const } : undefined;
        const result = await services.dispatch('deploy.function', { name, target: options.target, ...(role === undefined ? {} : { role }) });
        stop();
        if (!result.ok) return refused(result.error);
        const value = result.value as DeployResult;
        process.stdout.write(`version ${value.version}\n${value.aliasArn}\n`);
        return 0;
      }),
    );
}

/** `executions list --target <name>`: durable executions on a target, newest first. */
export function addExecutionsCommand(program: Command): void {
  const executions = program.command('executions').description('Durable executions, locally or on an AWS target.');
  executions
    .command('list')
    .description('List durable executions, newest first: status, start time, name and ARN, tab-separated.')
    .option('-t, --target <name>', 'local (default) or an AWS target', 'local')
    .option('-f, --function <name>', "only this function's executions")
    .option('--json', 'print them as one JSON array', false)
    .option('-w, --workspace <dir>', WORKSPACE_HELP)
    .action((options: { target: string; function?: string; json: boolean; workspace?: string }) =>
      once(options.workspace, async (services) => {
        const result = await services.dispatch('executions.list', { target: options.target, ...(options.function === undefined ? {} : { functionName: options.function }) });
        if (!result.ok) return refused(result.error);
        const { items } = result.value as { items: ExecutionSummary[] };
        process.stdout.write(
          options.json
            ? `${JSON.stringify(items)}\n`
            : items.map((e) => `${e.Status}\t${new Date(e.StartTimestamp * 1000).toISOString()}\t${e.DurableExecutionName}\t${e.DurableExecutionArn}\n`).join(''),
        );
        return 0;
      }),
    );
}
