import type { Command } from 'commander';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { OutgoingMessage } from '../../shared/contract/queues.ts';
import { messageBodies } from '../../shared/queues/message-text.ts';
import { openQueueStore } from '../services/queues/queue-store.ts';
import { readFunctionConfig } from '../services/workspace/config-file.ts';
import { openWorkspace } from '../services/workspace/layout.ts';
import { log, workspaceFrom, WORKSPACE_HELP } from './cli-support.ts';

interface SendOptions {
  workspace?: string;
  body: string;
  each: boolean;
  attribute: string[];
}

const collect = (value: string, previous: string[]): string[] => [...previous, value];

/** `Name=value` as a String message attribute. */
function parseAttribute(text: string): [string, { dataType: 'String'; stringValue: string }] {
  const at = text.indexOf('=');
  if (at <= 0) throw new Error(`A message attribute is Name=value, not "${text}".`);
  return [text.slice(0, at), { dataType: 'String', stringValue: text.slice(at + 1) }];
}

/**
 * Puts messages on the function's queue by writing them to the workspace's queue store, so it
 * works whether or not the studio runs: a running studio delivers them within its poll interval,
 * one started later delivers them then. Exit codes: 0 sent, 2 nothing sent.
 */
async function send(functionName: string, options: SendOptions): Promise<number> {
  const layout = await openWorkspace(workspaceFrom(options.workspace));
  const text = await readFile(join(layout.functions, functionName, 'function.json'), 'utf8').catch(() => undefined);
  if (text === undefined) {
    log(`The workspace ${layout.root} has no function ${functionName}.`);
    return 2;
  }
  const reading = readFunctionConfig(text);
  if (reading.config === null) {
    log(`${functionName}'s function.json is broken: ${reading.error}`);
    return 2;
  }
  if (reading.config.triggers?.queue === undefined) {
    log(`${functionName} has no queue. Add triggers.queue to its function.json (or use its Queue view) first.`);
    return 2;
  }
  const attributes = Object.fromEntries(options.attribute.map(parseAttribute));
  const messages = [];
  for (const [index, body] of messageBodies(options.body, options.each).entries()) {
    const checked = OutgoingMessage.safeParse({ body, ...(options.attribute.length === 0 ? {} : { messageAttributes: attributes }) });
    if (!checked.success) {
      const issue = checked.error.issues[0];
      log(`Nothing was sent: message ${index + 1}'s ${issue?.path.join('.') ?? 'body'} ${issue?.message ?? 'is wrong'}.`);
      return 2;
    }
    messages.push(checked.data);
  }
  const store = openQueueStore(join(layout.state, 'queues.db'));
  try {
    const sent = store.send(functionName, messages, Date.now());
    for (const message of sent) process.stdout.write(`${JSON.stringify(message)}\n`);
    if (!reading.config.triggers.queue.enabled) log(`${functionName}'s queue is off: the messages wait until it is turned on.`);
    return 0;
  } finally {
    store.close();
  }
}

/** `queue`: the functions' local queues. */
export function addQueueCommand(program: Command): void {
  const queue = program.command('queue').description("Work with a function's local queue (triggers.queue in its function.json).");
  queue
    .command('send')
    .description('Put messages on a function\'s queue; prints each one\'s {"messageId","md5OfBody"} on stdout.')
    .argument('<function>', 'the function (a folder under functions/)')
    .requiredOption('-b, --body <text>', 'the message body (any text; JSON is usual)')
    .option('--each', 'send each item of a JSON array body as a message of its own', false)
    .option('-a, --attribute <Name=value>', 'a String message attribute (repeatable)', collect, [])
    .option('-w, --workspace <dir>', WORKSPACE_HELP)
    .action(async (functionName: string, options: SendOptions) => {
      let code: number;
      try {
        code = await send(functionName, options);
      } catch (error) {
        log(`Nothing was sent to ${functionName}'s queue`, error);
        code = 2;
      }
      await new Promise<void>((resolve) => process.stdout.write('', () => resolve()));
      process.exit(code);
    });
}
