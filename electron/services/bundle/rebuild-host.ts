/**
 * Test-only: registers a workspace function with the local Lambda service on a state folder,
 * then bundles it again and again, printing `building <n>` as each build starts, so a test can
 * SIGKILL this process in the middle of a build. Usage: rebuild-host.ts <stateDir> <functionDir>
 */
import { utimes } from 'node:fs/promises';
import { join } from 'node:path';
import { FunctionConfig } from '../../../shared/workspace/function-config.ts';
import { createLocalLambdaService } from '../lambda/lambda-service.ts';

const [stateDir, dir] = process.argv.slice(2);
if (stateDir === undefined || dir === undefined) throw new Error('usage: rebuild-host.ts <stateDir> <functionDir>');
const service = await createLocalLambdaService({ stateDir });
const config = FunctionConfig.parse({ runtime: 'nodejs22.x', handler: 'index.handler' });
for (let n = 0; ; n++) {
  const when = new Date(Date.now() + n);
  await utimes(join(dir, 'index.ts'), when, when);
  const building = service.syncWorkspaceFunction({ name: 'rebuilt', dir, config });
  process.stdout.write(`building ${n}\n`);
  await building;
}
