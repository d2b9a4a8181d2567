/**
 * Test-only: hosts the local Lambda service, the durable engine and the workflow runner on a
 * state folder, so a test can SIGKILL this process mid-run and start it again on the same
 * folder. Block functions append one line per invocation to the record file.
 * Prints one JSON line `{endpoint, accessKeyId, secretAccessKey}` when ready.
 */
import { LambdaClient } from '@aws-sdk/client-lambda';
import { join } from 'node:path';
import { WORKFLOW_RUNNER_FUNCTION } from '../../../shared/workflow/runner-event.ts';
import { createDurableEngine } from '../durable/engine.ts';
import { createLocalLambdaService } from '../lambda/lambda-service.ts';
import { deployBlockFunction, RESOURCES_DIR } from './test-support.ts';
import { createWorkflowRunner } from './workflow-runner.ts';

const [stateDir, recordFile] = process.argv.slice(2);
if (stateDir === undefined || recordFile === undefined) throw new Error('usage: workflow-crash-host.ts <stateDir> <recordFile>');
const service = await createLocalLambdaService({ stateDir, idleSandboxMs: 60_000 });
const engine = createDurableEngine({ dbPath: join(stateDir, 'durable.db'), invoker: service, region: service.region, accountId: service.accountId, log: (m) => process.stderr.write(`${m}\n`) });
service.attachDurable(engine);
const client = new LambdaClient({ endpoint: service.endpoint, region: service.region, credentials: service.credentials, maxAttempts: 1 });
// Registered before the engine resumes the run, as the studio does on start.
await createWorkflowRunner({ lambda: service, resourcesDir: RESOURCES_DIR, buildDir: join(stateDir, 'build', WORKFLOW_RUNNER_FUNCTION) }).ready();
for (const name of ['step-a', 'step-b', 'step-each', 'step-c']) {
  await deployBlockFunction(client, name, 'echo.mjs', { RECORD_FILE: recordFile, DELAY_MS: '150' }).catch((error: unknown) => {
    if ((error as Error).name !== 'ResourceConflictException') throw error;
  });
}
await engine.start();
process.stdout.write(`${JSON.stringify({ endpoint: service.endpoint, ...service.credentials })}\n`);
