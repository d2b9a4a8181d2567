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

type AddCommand = (program: Command) => void;
/**
 * Each command's module by the command's name. Only the module of the command typed is loaded
 * (the others pull in the whole studio), so `serve --no-ui` in a CI job starts in well under a
 * second; help without a command loads them all to list them.
 */
const commands: Record<string, () => Promise<AddCommand[]>> = {
  serve: async () => [(await import('./serve-command.ts')).addServeCommand],
  invoke: async () => [(await import('./invoke-command.ts')).addInvokeCommand],
  workflow: async () => [(await import('./workflow-command.ts')).addWorkflowCommand],
  targets: async () => [(await import('./targets-command.ts')).addTargetsCommand],
  deploy: async () => [(await import('./deploy-command.ts')).addDeployCommand],
  executions: async () => [(await import('./deploy-command.ts')).addExecutionsCommand],
  'export-sam': async () => [(await import('./export-command.ts')).addExportCommand],
  http: async () => [(await import('./http-command.ts')).addHttpCommand],
  queue: async () => [(await import('./queue-command.ts')).addQueueCommand],
};

const program = new Command()
  .name('lambda-studio')
  .description('Lambda Studio without a window: serve the studio to a browser, run functions, and more.')
  .version(projectVersion());

const typed = process.argv[2];
const load = typed !== undefined && Object.hasOwn(commands, typed) ? [commands[typed]!] : Object.values(commands);
for (const loader of load) for (const add of await loader()) add(program);

await program.parseAsync(process.argv);
