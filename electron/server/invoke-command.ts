import type { Command } from 'commander';
import type { InvokeResult } from '../../shared/contract/invoke.ts';
import { log, WORKSPACE_HELP } from './cli-support.ts';
import { openCommandServices } from './command-services.ts';

interface InvokeOptions {
  workspace?: string;
  payload?: string;
  event?: string;
  target?: string;
  json: boolean;
}

/** Exit codes: 0 ran and succeeded, 1 the function failed, 2 it could not be run at all. */
async function invoke(functionName: string, options: InvokeOptions): Promise<number> {
  if (options.payload !== undefined && options.event !== undefined) {
    log('Give either --payload or --event, not both.');
    return 2;
  }
  const services = await openCommandServices(options.workspace);
  try {
    let payload = options.payload ?? '{}';
    if (options.event !== undefined) {
      const listed = await services.dispatch('testEvents.list', { functionName });
      const saved = listed.ok ? (listed.value as { name: string; payload: string }[]).find((e) => e.name === options.event) : undefined;
      if (saved === undefined) {
        log(`${functionName} has no saved test event "${options.event}" (events/${functionName}/${options.event}.json).`);
        return 2;
      }
      payload = saved.payload;
    }
    const result = await services.dispatch('invoke.run', { functionName, payload, ...(options.target === undefined ? {} : { target: options.target }) });
    if (!result.ok) {
      log(result.error.message);
      if (result.error.details !== undefined) log(result.error.details);
      return 2;
    }
    const value = result.value as InvokeResult;
    for (const line of value.logs) log(line);
    process.stdout.write(`${options.json ? JSON.stringify(value) : value.payload}\n`);
    return value.functionError === undefined ? 0 : 1;
  } finally {
    await services.close();
  }
}

/** `invoke`: runs a workspace function once, as the studio's Invoke panel does. */
export function addInvokeCommand(program: Command): void {
  program
    .command('invoke')
    .description("Run a workspace function once; prints its response on stdout and its log on stderr.")
    .argument('<function>', 'the function (a folder under functions/)')
    .option('-w, --workspace <dir>', WORKSPACE_HELP)
    .option('--payload <json>', 'the event as JSON text (default: {})')
    .option('-e, --event <name>', 'a saved test event of the function (events/<function>/<name>.json)')
    .option('-t, --target <name>', 'run the function deployed to this AWS target (through alias live) instead of locally')
    .option('--json', 'print the whole result (status, logs, figures, execution ARN) as one JSON line', false)
    .action(async (functionName: string, options: InvokeOptions) => {
      let code: number;
      try {
        code = await invoke(functionName, options);
      } catch (error) {
        log(`${functionName} could not be run`, error);
        code = 2;
      }
      // Everything is closed; a leftover timer elsewhere must not hold the answer back. Let stdout drain first.
      await new Promise<void>((resolve) => process.stdout.write('', () => resolve()));
      process.exit(code);
    });
}
