import { Command } from 'commander';
import { addInvokeCommand } from './invoke-command.ts';
import { projectVersion } from './project-paths.ts';
import { addServeCommand } from './serve-command.ts';

const program = new Command()
  .name('lambda-studio')
  .description('Lambda Studio without a window: serve the studio to a browser, run functions, and more.')
  .version(projectVersion());

addServeCommand(program);
addInvokeCommand(program);

await program.parseAsync(process.argv);
