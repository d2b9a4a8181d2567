// Durable execution speed of the local engine: one execution of N sequential steps (the official
// SDK in a process sandbox, checkpointing over SigV4-signed HTTP into SQLite), printed as ratios
// against two references that run the same handler in this same run:
//   - the SDK floor: the same wrapped handler called in-process against a stub checkpoint
//     endpoint that answers at once (what the SDK itself costs per step), with the stub in this
//     process and, as a second figure, in a process of its own (the SDK plus the loopback hop
//     between two processes that any sandbox pays);
//   - the official in-process LocalDurableTestRunner (skipTime).
// Targets at N = 1000: within 1.6x of the SDK floor with the stub in its own process (1.3x of
// the in-process one, the older and stricter aim); time(1000)/time(100) at most 11.
// Each side is measured warm, after the same WARMUP runs: a studio is left open for hours, and the
// JIT of the studio, its sandbox and the SDK keeps speeding up over the first few thousand steps.
// Also prints the peak memory of the studio process (this process, which hosts the engine).
// Then 1,000 executions of 10 steps at once: steps per second through the studio against the
// SDK floor at the same concurrency, and the studio process's peak RSS meanwhile. Last, the
// executions list's latency on a store of 100,000 executions (bench:store has every query).
// Run: node bench/durable.ts [smallN] [largeN] [concurrent] [storeExecutions]
import { InvokeCommand, LambdaClient } from '@aws-sdk/client-lambda';
import { LocalDurableTestRunner } from '@aws/durable-execution-sdk-js-testing';
import { withDurableExecution } from '@aws/durable-execution-sdk-js';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createDurableEngine } from '../electron/services/durable/engine.ts';
import { openDurableStore } from '../electron/services/durable/store.ts';
import { createLocalLambdaService } from '../electron/services/lambda/lambda-service.ts';
import { deployModule } from './deploy.ts';
import { type ConcurrentFigures, floorConcurrent, studioConcurrent } from './durable-concurrent.ts';
import { type Body, durableFloor, expected } from './durable-floor.ts';
import { startHelperProcess } from './helper-process.ts';
import { figuresOf, medianMs } from './stats.ts';
import { fillExecutions } from './store-fill.ts';
import { startStubCheckpointServer } from './stub-checkpoint-server.ts';

const small = Number(process.argv[2] ?? 100);
const large = Number(process.argv[3] ?? 1000);
const sizes = [small, large];
/** Executions at once, and the steps each does, for the concurrency figures. */
const concurrent = Number(process.argv[4] ?? 1000);
const concurrentSteps = 10;
const storeExecutions = Number(process.argv[5] ?? 100_000);
const runsOf = (steps: number) => (steps >= 1000 ? 3 : 5);
const WARMUP = 3;

const source = `import { withDurableExecution } from '@aws/durable-execution-sdk-js';
export const handler = withDurableExecution(async (event, context) => {
  let sum = 0;
  for (let i = 0; i < event.steps; i++) sum += await context.step('s' + i, async () => i);
  return sum;
});`;
const body: Body = async (event, context) => {
  let sum = 0;
  for (let i = 0; i < event.steps; i++) sum += await context.step(`s${i}`, async () => i);
  return sum;
};
const mb = (bytes: number) => (bytes / 1024 / 1024).toFixed(0);

async function timeRuns(steps: number, once: () => Promise<void>, warmup = WARMUP): Promise<number> {
  for (let i = 0; i < warmup; i++) await once(); // warms the sandbox, the JIT and the connections
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
async function floorWith(port: number): Promise<Map<number, number>> {
  const floorRun = durableFloor(port, body);
  const figures = new Map<number, number>();
  for (const steps of sizes) {
    const arn = 'arn:aws:lambda:us-east-1:000000000000:function:bench:$LATEST/durable-execution/bench/00000000-0000-0000-0000-000000000000';
    figures.set(steps, await timeRuns(steps, () => floorRun.run(arn, steps)));
  }
  floorRun.destroy();
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
    }, 1), // its time per step is its own polling, not code warming up: one warm-up run, as before
  );
}
await LocalDurableTestRunner.teardownTestEnvironment();

// --- the executions list on a big store ------------------------------------------------------
const storeDir = await mkdtemp(join(tmpdir(), 'bench-durable-store-'));
const bigStore = openDurableStore(join(storeDir, 'durable.db'));
fillExecutions(bigStore, storeExecutions, Date.now());
const listFigures = {
  newest: medianMs(() => bigStore.executionPage({ limit: 100 })),
  failed: medianMs(() => bigStore.executionPage({ functionName: 'fn-7', statuses: ['FAILED'], limit: 100 })),
  counts: medianMs(() => bigStore.statusCounts({})),
  byFunction: medianMs(() => bigStore.listExecutions({ functionName: 'fn-7', oldestFirst: false, limit: 101 })),
};
bigStore.close();
await rm(storeDir, { recursive: true, force: true });

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
const apart = (studio.get(large) ?? NaN) / (floorApart.get(large) ?? NaN);
console.log(`target at N=${large}: studio/SDK floor with the stub in its own process <= 1.6: ${apart.toFixed(2)} ${apart <= 1.6 ? 'met' : 'OVER'} (in-process stub <= 1.3)`);
console.log(`peak memory of the studio process (engine, service, SDK client): ${mb(studioPeakRss)} MB RSS`);
console.log(
  `${concurrent} executions of ${concurrentSteps} steps at once: studio ${studioMany.stepsPerSecond.toFixed(0)} steps/s (${(studioMany.ms / 1000).toFixed(1)} s, peak RSS ${mb(studioMany.peakRss)} MB), ` +
    `SDK floor at the same concurrency ${floorMany.stepsPerSecond.toFixed(0)} steps/s (${(floorMany.ms / 1000).toFixed(1)} s): ratio ${(floorMany.stepsPerSecond / studioMany.stepsPerSecond).toFixed(2)}`,
);
console.log(
  `executions list on ${storeExecutions.toLocaleString('en')} executions (median of 25, target 50 ms): newest 100 ${listFigures.newest.toFixed(2)} ms, ` +
    `one function's FAILED ${listFigures.failed.toFixed(2)} ms, counts ${listFigures.counts.toFixed(2)} ms, ListDurableExecutionsByFunction first page ${listFigures.byFunction.toFixed(2)} ms`,
);
