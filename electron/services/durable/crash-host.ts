/**
 * Test-only: hosts the local Lambda service and the durable engine on a state folder, so a
 * test can SIGKILL this process at any moment and start it again on the same folder.
 * Deploys `test-handlers/<handler>.mjs` (crash by default) as a durable function of that name.
 * Prints one JSON line `{endpoint, accessKeyId, secretAccessKey}` when ready.
 */
import { CreateFunctionCommand, LambdaClient } from '@aws-sdk/client-lambda';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { createLocalLambdaService } from '../lambda/lambda-service.ts';
import { zipOf } from '../lambda/test-support.ts';
import { createDurableEngine } from './engine.ts';

const stateDir = process.argv[2];
const handlerName = process.argv[3] ?? 'crash';
if (stateDir === undefined) throw new Error('usage: crash-host.ts <stateDir> [handler]');
const service = await createLocalLambdaService({ stateDir, idleSandboxMs: 60_000 });
const engine = createDurableEngine({ dbPath: join(stateDir, 'durable.db'), invoker: service, region: service.region, accountId: service.accountId, log: (m) => process.stderr.write(`${m}\n`) });
service.attachDurable(engine);
const client = new LambdaClient({ endpoint: service.endpoint, region: service.region, credentials: service.credentials, maxAttempts: 1 });
const source = readFileSync(join(import.meta.dirname, 'test-handlers', `${handlerName}.mjs`), 'utf8');
await client
  .send(
    new CreateFunctionCommand({
      FunctionName: handlerName,
      Runtime: 'nodejs22.x',
      Role: 'arn:aws:iam::000000000000:role/x',
      Handler: 'index.handler',
      Code: { ZipFile: zipOf({ 'index.mjs': source }) },
      Timeout: 30,
      DurableConfig: { ExecutionTimeout: 600, RetentionPeriodInDays: 1 },
    }),
  )
  .catch((error: unknown) => {
    if ((error as Error).name !== 'ResourceConflictException') throw error;
  });
await engine.start();
process.stdout.write(`${JSON.stringify({ endpoint: service.endpoint, ...service.credentials })}\n`);
