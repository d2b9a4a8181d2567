import type { Command } from 'commander';
import { describeIssues, TargetInput, type Target } from '../../shared/contract/index.ts';
import { createTargetService } from '../services/targets/target-service.ts';
import { createTargetStore, defaultConfigDir } from '../services/targets/target-store.ts';
import { log } from './cli-support.ts';

/** The region the Local target is shown with here; the service itself is not started for these commands. */
const LOCAL_REGION = 'us-east-1';

function service() {
  return createTargetService({ store: createTargetStore(defaultConfigDir()), localRegion: () => LOCAL_REGION });
}

const describe = (t: Target): string =>
  t.kind === 'local' ? `${t.id}\tlocal\t(the studio's own Lambda service)` : `${t.id}\tprofile ${t.profile ?? 'default'}\t${t.region}${t.endpoint === undefined ? '' : `\t${t.endpoint}`}`;

/** Runs a command's body, turning a thrown error into a message and exit code 2. */
async function run(work: () => Promise<number>): Promise<never> {
  let code: number;
  try {
    code = await work();
  } catch (error) {
    log(error instanceof Error ? error.message : String(error));
    const details = (error as { details?: unknown }).details;
    if (typeof details === 'string') log(details);
    code = 2;
  }
  await new Promise<void>((resolve) => process.stdout.write('', () => resolve()));
  process.exit(code);
}

/** `targets add|list|test|remove`: the saved AWS targets (names, profiles, regions; never keys). */
export function addTargetsCommand(program: Command): void {
  const targets = program.command('targets').description(`AWS targets: a named profile of your AWS config and a region (saved in ${defaultConfigDir()}).`);
  targets
    .command('add')
    .description('Add an AWS target, or change the one with that name.')
    .argument('<name>', 'the target name (letters, digits, ., - and _)')
    .requiredOption('--profile <profile>', 'a profile of ~/.aws/config or ~/.aws/credentials')
    .requiredOption('--region <region>', 'e.g. eu-west-1')
    .option('--endpoint <url>', 'another endpoint than AWS itself (LocalStack-like services)')
    .action((name: string, options: { profile: string; region: string; endpoint?: string }) =>
      run(async () => {
        const parsed = TargetInput.safeParse({ name, profile: options.profile, region: options.region, ...(options.endpoint === undefined ? {} : { endpoint: options.endpoint }) });
        if (!parsed.success) {
          log(describeIssues(parsed.error));
          return 2;
        }
        const saved = await service().save(parsed.data);
        process.stdout.write(`${describe(saved)}\n`);
        return 0;
      }),
    );
  targets
    .command('list')
    .description('List the targets: Local first, then the AWS targets by name.')
    .option('--json', 'print them as one JSON array', false)
    .action((options: { json: boolean }) =>
      run(async () => {
        const all = await service().list();
        process.stdout.write(options.json ? `${JSON.stringify(all)}\n` : all.map((t) => `${describe(t)}\n`).join(''));
        return 0;
      }),
    );
  targets
    .command('test')
    .description("Check that a target's credentials work; prints the account id.")
    .argument('<name>')
    .action((name: string) =>
      run(async () => {
        const targetService = service();
        const result = await targetService.test(name);
        targetService.close();
        if (result.ok) {
          process.stdout.write(`ok${result.accountId === undefined ? '' : `\taccount ${result.accountId}`}\n`);
          return 0;
        }
        log(result.problem?.message ?? 'The target could not be reached.');
        if (result.problem?.command !== undefined) log(`Run: ${result.problem.command}`);
        return 1;
      }),
    );
  targets
    .command('remove')
    .description('Forget an AWS target (nothing in AWS changes).')
    .argument('<name>')
    .action((name: string) =>
      run(async () => {
        await service().remove(name);
        return 0;
      }),
    );
}
