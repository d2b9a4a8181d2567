import { Command } from 'commander';
import { projectVersion } from './project-paths.ts';

// node:sqlite (the durable engine's store) announces itself as experimental on every run; that
// notice is not for users. Filtered before the commands, and with them the engine, are loaded.
const emitWarning = process.emitWarning.bind(process) as (warning: string | Error, ...rest: unknown[]) => void;
process.emitWarning = ((warning: string | Error, ...rest: unknown[]) => {
  const text = typeof warning === 'string' ? warning : warning.message;
  if (text.startsWith('SQLite is an experimental feature')) return;
  emitWarning(warning, ...rest);
}) as typeof process.emitWarning;

const { addServeCommand } = await import('./serve-command.ts');
const { addInvokeCommand } = await import('./invoke-command.ts');
const { addWorkflowCommand } = await import('./workflow-command.ts');
const { addTargetsCommand } = await import('./targets-command.ts');
const { addDeployCommand, addExecutionsCommand } = await import('./deploy-command.ts');
const { addExportCommand } = await import('./export-command.ts');
const { addHttpCommand } = await import('./http-command.ts');

const program = new Command()
  .name('lambda-studio')
  .description('Lambda Studio without a window: serve the studio to a browser, run functions, and more.')
  .version(projectVersion());

addServeCommand(program);
addInvokeCommand(program);
addWorkflowCommand(program);
addTargetsCommand(program);
addDeployCommand(program);
addExecutionsCommand(program);
addExportCommand(program);
addHttpCommand(program);

await program.parseAsync(process.argv);
