// Durable execution speed of the local engine: one execution of N sequential steps (the official
// SDK in a process sandbox, checkpointing over SigV4-signed HTTP into SQLite), printed as ratios
// against two references that run the same handler in this same run:
//   - the SDK floor: the same wrapped handler called in-process against a stub checkpoint
//     endpoint that answers at once (what the SDK itself costs per step), with the stub in this
//     process and, as a second figure, in a process of its own (the SDK plus the loopback hop
//     between two processes that any sandbox pays);
//   - the official in-process LocalDurableTestRunner (skipTime).
// Targets at N = 1000: within 1.3x of the SDK floor; time(1000)/time(100) at most 11.
// Also prints the peak memory of the studio process (this process, which hosts the engine).
// Then 1,000 executions of 10 steps at once: steps per second through the studio against the
// SDK floor at the same concurrency, and the studio process's peak RSS meanwhile.
// Run: node bench/durable.ts [smallN] [largeN] [concurrent]
import { InvokeCommand, LambdaClient } from '@aws-sdk/client-lambda';
import { LocalDurableTestRunner } from '@aws/durable-execution-sdk-js-testing';
import { DurableExecutionApiClient, withDurableExecution } from '@aws/durable-execution-sdk-js';
import type { Context } from 'aws-lambda';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createDurableEngine } from '../electron/services/durable/engine.ts';
import { createLocalLambdaService } from '../electron/services/lambda/lambda-service.ts';
import { deployModule } from './deploy.ts';
import { type ConcurrentFigures, floorConcurrent, studioConcurrent } from './durable-concurrent.ts';
import { startHelperProcess } from './helper-process.ts';
import { figuresOf } from './stats.ts';
import { startStubCheckpointServer } from './stub-checkpoint-server.ts';

const small = Number(process.argv[2] ?? 100);
const large = Number(process.argv[3] ?? 1000);
const sizes = [small, large];
/** Executions at once, and the steps each does, for the concurrency figures. */
const concurrent = Number(process.argv[4] ?? 1000);
const concurrentSteps = 10;
const runsOf = (steps: number) => (steps >= 1000 ? 3 : 5);

const source = `import { withDurableExecution } from '@aws/durable-execution-sdk-js';
export const handler = withDurableExecution(async (event, context) => {
  let sum = 0;
  for (let i = 0; i < event.steps; i++) sum += await context.step('s' + i, async () => i);
  return sum;
});`;
const body = async (event: { steps: number }, context: { step: (name: string, fn: () => Promise<number>) => Promise<number> }) => {
  let sum = 0;
  for (let i = 0; i < event.steps; i++) sum += await context.step(`s${i}`, async () => i);
  return sum;
};
const expected = (steps: number) => (steps * (steps - 1)) / 2;
const mb = (bytes: number) => (bytes / 1024 / 1024).toFixed(0);

async function timeRuns(steps: number, once: () => Promise<void>): Promise<number> {
  await once(); // warms the sandbox, the JIT and the connections
  const times: number[] = [];
  for (let i = 0; i < runsOf(steps); i++) {
    const start = performance.now();
    await once();
    times.push(performance.now() - start);
  }
  return figuresOf(times).p50;
}

// --- the studio: real service, real engine, real sandbox ---------------------------------
const stateDir = await mkdtemp(join(tmpdir(), 'bench-durable-'));
const service = await createLocalLambdaService({ stateDir });
const engine = createDurableEngine({ dbPath: join(stateDir, 'durable.db'), invoker: service, region: service.region, accountId: service.accountId });
service.attachDurable(engine);
await engine.start();
const client = new LambdaClient({ endpoint: service.endpoint, region: service.region, credentials: service.credentials, maxAttempts: 1 });
const studio = new Map<number, number>();
let studioPeakRss: number;
let studioMany: ConcurrentFigures;
try {
  await deployModule(client, 'bench', source, { Timeout: 300, MemorySize: 1024, DurableConfig: { ExecutionTimeout: 3600, RetentionPeriodInDays: 1 } });
  for (const steps of sizes) {
    studio.set(
      steps,
      await timeRuns(steps, async () => {
        const out = await client.send(new InvokeCommand({ FunctionName: 'bench:$LATEST', Payload: JSON.stringify({ steps }) }));
        const text = new TextDecoder().decode(out.Payload);
        if (out.FunctionError !== undefined || Number(text) !== expected(steps)) throw new Error(`unexpected result: ${text}`);
      }),
    );
  }
  studioPeakRss = process.resourceUsage().maxRSS * 1024;
  studioMany = await studioConcurrent(service, engine, 'bench', concurrent, concurrentSteps);
} finally {
  client.destroy();
  engine.close();
  await service.close();
  await rm(stateDir, { recursive: true, force: true });
}

// --- the SDK floor: the wrapped handler in-process, a checkpoint endpoint that answers at once ---
// Measured twice: with the endpoint in this process (the SDK's cost alone), and in a process of
// its own (the SDK plus a real loopback hop between processes, as the studio's sandbox pays).
const lambdaContext = { awsRequestId: 'bench', getRemainingTimeInMillis: () => 300_000 } as unknown as Context;
async function floorWith(port: number): Promise<Map<number, number>> {
  const stubClient = new LambdaClient({ endpoint: `http://127.0.0.1:${port}`, region: 'us-east-1', credentials: { accessKeyId: 'bench', secretAccessKey: 'bench' }, maxAttempts: 1 });
  const wrapped = withDurableExecution(body, { durableExecutionClient: new DurableExecutionApiClient(stubClient) });
  const figures = new Map<number, number>();
  for (const steps of sizes) {
    figures.set(
      steps,
      await timeRuns(steps, async () => {
        const arn = 'arn:aws:lambda:us-east-1:000000000000:function:bench:$LATEST/durable-execution/bench/00000000-0000-0000-0000-000000000000';
        const out = await wrapped(
          {
            DurableExecutionArn: arn,
            CheckpointToken: 't0',
            InitialExecutionState: {
              Operations: [{ Id: 'execution', Type: 'EXECUTION', Status: 'STARTED', StartTimestamp: new Date(), ExecutionDetails: { InputPayload: JSON.stringify({ steps }) } }],
            },
          } as unknown as Parameters<typeof wrapped>[0],
          lambdaContext,
        );
        if (out.Status !== 'SUCCEEDED' || Number(out.Result) !== expected(steps)) throw new Error(`unexpected floor output: ${JSON.stringify(out).slice(0, 300)}`);
      }),
    );
  }
  stubClient.destroy();
  return figures;
}
const inProcessStub = await startStubCheckpointServer();
const floor = await floorWith(inProcessStub.port);
const floorMany = await floorConcurrent(inProcessStub.port, body, concurrent, concurrentSteps);
inProcessStub.server.close();
const stubProcess = await startHelperProcess('stub-checkpoint-server.ts');
const floorApart = await floorWith(Number(stubProcess.firstLine));
await stubProcess.stop();

// --- the official LocalDurableTestRunner (in-process, skipTime) ---------------------------
await LocalDurableTestRunner.setupTestEnvironment({ skipTime: true });
const runner = new Map<number, number>();
for (const steps of sizes) {
  runner.set(
    steps,
    await timeRuns(steps, async () => {
      const test = new LocalDurableTestRunner({ handlerFunction: withDurableExecution(body) });
      const result = await test.run({ payload: { steps } });
      if (result.getResult() !== expected(steps)) throw new Error('unexpected LocalDurableTestRunner result');
    }),
  );
}
await LocalDurableTestRunner.teardownTestEnvironment();

const line = (label: string, figures: Map<number, number>) =>
  console.log(`${label.padEnd(44)} ${sizes.map((n) => `N=${n}: ${(figures.get(n) ?? NaN).toFixed(0).padStart(6)} ms (${((figures.get(n) ?? NaN) / n).toFixed(2)} ms/step)`).join('   ')}`);
line('studio (sandbox + HTTP + SQLite)', studio);
line('SDK floor (stub endpoint in this process)', floor);
line('SDK floor (stub endpoint in its own process)', floorApart);
line('official LocalDurableTestRunner (skipTime)', runner);
console.log('');
for (const n of sizes) {
  const s = studio.get(n) ?? NaN;
  console.log(
    `N=${n}: ratio studio/SDK floor ${(s / (floor.get(n) ?? NaN)).toFixed(2)} (stub apart: ${(s / (floorApart.get(n) ?? NaN)).toFixed(2)})   ratio studio/LocalDurableTestRunner ${(s / (runner.get(n) ?? NaN)).toFixed(2)}`,
  );
}
console.log(`linearity: studio time(${large})/time(${small}) = ${((studio.get(large) ?? NaN) / (studio.get(small) ?? NaN)).toFixed(2)} (target <= ${((large / small) * 1.1).toFixed(0)})`);
console.log(`target at N=${large}: studio/SDK floor <= 1.3`);
console.log(`peak memory of the studio process (engine, service, SDK client): ${mb(studioPeakRss)} MB RSS`);
console.log(
  `${concurrent} executions of ${concurrentSteps} steps at once: studio ${studioMany.stepsPerSecond.toFixed(0)} steps/s (${(studioMany.ms / 1000).toFixed(1)} s, peak RSS ${mb(studioMany.peakRss)} MB), ` +
    `SDK floor at the same concurrency ${floorMany.stepsPerSecond.toFixed(0)} steps/s (${(floorMany.ms / 1000).toFixed(1)} s): ratio ${(floorMany.stepsPerSecond / studioMany.stepsPerSecond).toFixed(2)}`,
);
