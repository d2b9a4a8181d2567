// Durable execution throughput of the local engine (official SDK in a process sandbox,
// checkpointing over SigV4-signed HTTP into SQLite) against a baseline: the official
// testing library's LocalDurableTestRunner running the same handler in-process.
// Run: node --disable-warning=ExperimentalWarning bench/durable.ts [steps] [runs]
import { CreateFunctionCommand, InvokeCommand, LambdaClient } from '@aws-sdk/client-lambda';
import { LocalDurableTestRunner } from '@aws/durable-execution-sdk-js-testing';
import { withDurableExecution } from '@aws/durable-execution-sdk-js';
import { zipSync } from 'fflate';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createDurableEngine } from '../electron/services/durable/engine.ts';
import { createLocalLambdaService } from '../electron/services/lambda/lambda-service.ts';

const steps = Number(process.argv[2] ?? 50);
const runs = Number(process.argv[3] ?? 5);
const source = `import { withDurableExecution } from '@aws/durable-execution-sdk-js';
export const handler = withDurableExecution(async (event, context) => {
  let sum = 0;
  for (let i = 0; i < event.steps; i++) sum += await context.step('s' + i, async () => i);
  return sum;
});`;
const inProcess = withDurableExecution(async (event: { steps: number }, context) => {
  let sum = 0;
  for (let i = 0; i < event.steps; i++) sum += await context.step(`s${i}`, async () => i);
  return sum;
});

const median = (xs: number[]): number => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? NaN;

const stateDir = await mkdtemp(join(tmpdir(), 'bench-durable-'));
const service = await createLocalLambdaService({ stateDir });
const engine = createDurableEngine({ dbPath: join(stateDir, 'durable.db'), invoker: service, region: service.region, accountId: service.accountId });
service.attachDurable(engine);
await engine.start();
const client = new LambdaClient({ endpoint: service.endpoint, region: service.region, credentials: service.credentials, maxAttempts: 1 });
try {
  await client.send(
    new CreateFunctionCommand({
      FunctionName: 'bench',
      Runtime: 'nodejs22.x',
      Role: 'arn:aws:iam::000000000000:role/bench',
      Handler: 'index.handler',
      Timeout: 60,
      Code: { ZipFile: zipSync({ 'index.mjs': new TextEncoder().encode(source) }) },
      DurableConfig: { ExecutionTimeout: 600, RetentionPeriodInDays: 1 },
    }),
  );
  const local: number[] = [];
  for (let i = 0; i <= runs; i++) {
    const start = performance.now();
    const out = await client.send(new InvokeCommand({ FunctionName: 'bench:$LATEST', Payload: JSON.stringify({ steps }) }));
    if (out.FunctionError !== undefined) throw new Error(new TextDecoder().decode(out.Payload));
    if (i > 0) local.push(performance.now() - start); // the first run warms the sandbox
  }
  await LocalDurableTestRunner.setupTestEnvironment({ skipTime: false });
  const baseline: number[] = [];
  for (let i = 0; i <= runs; i++) {
    const runner = new LocalDurableTestRunner({ handlerFunction: inProcess });
    const start = performance.now();
    await runner.run({ payload: { steps } });
    if (i > 0) baseline.push(performance.now() - start);
  }
  await LocalDurableTestRunner.teardownTestEnvironment();
  const l = median(local);
  const b = median(baseline);
  console.log(`engine (sandbox + HTTP + SQLite)        ${l.toFixed(1)} ms per ${steps}-step execution, ${(l / steps).toFixed(2)} ms per step (median of ${runs})`);
  console.log(`baseline: official LocalDurableTestRunner ${b.toFixed(1)} ms per ${steps}-step execution, ${(b / steps).toFixed(2)} ms per step`);
  console.log(`ratio engine/baseline: ${(l / b).toFixed(3)}`);
} finally {
  client.destroy();
  engine.close();
  await service.close();
  await rm(stateDir, { recursive: true, force: true });
}
