// Cold start and warm invoke latency of the docker runner (local base image) against the process
// runner, in the same run, through the official SDK client over SigV4-signed HTTP. Warm docker
// invokes are timed three ways, in interleaved rounds so a busy host weighs on all alike: frozen
// between invocations as the studio does it (the cgroup freezer where this host can write it),
// frozen with the engine's pause and unpause, and not frozen.
// Needs a Docker engine and the local base image (node scripts/docker-base-image.ts).
// Run: node bench/docker.ts [warm-iterations] [cold-iterations]
import { InvokeCommand, LambdaClient, UpdateFunctionConfigurationCommand } from '@aws-sdk/client-lambda';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createLocalLambdaService, type LocalLambdaService } from '../electron/services/lambda/lambda-service.ts';
import { openCgroupFreezer } from '../electron/services/runners/cgroup-freezer.ts';
import { type ContainerFreezeMode, LABELS } from '../electron/services/runners/docker-container.ts';
import { connectDockerEngine } from '../electron/services/runners/docker-engine.ts';
import { LOCAL_NODE_IMAGE } from '../electron/services/runners/docker-images.ts';
import { deployModule } from './deploy.ts';
import { type Figures, figuresOf } from './stats.ts';

const warmCount = Number(process.argv[2] ?? 200);
const ROUNDS = 5;
const coldCount = Number(process.argv[3] ?? 10);
const handler = 'export const handler = async (event) => ({ n: event.n + 1 });';

const delay = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
function report(label: string, samples: number[]): Figures {
  const result = figuresOf(samples);
  console.log(`${label.padEnd(48)} p50 ${result.p50.toFixed(2)} ms   p99 ${result.p99.toFixed(2)} ms   (n=${samples.length})`);
  return result;
}

const engine = connectDockerEngine();
const status = await engine.status();
if (status.state !== 'running') {
  console.error(`${status.message} ${status.fix ?? ''}`);
  process.exit(1);
}
if (!(await engine.docker.getImage(LOCAL_NODE_IMAGE).inspect().then(() => true, () => false))) {
  console.error(`The local base image ${LOCAL_NODE_IMAGE} is missing: build it with node scripts/docker-base-image.ts`);
  process.exit(1);
}

interface Bench {
  service: LocalLambdaService;
  client: LambdaClient;
  invoke(i: number): Promise<void>;
  close(): Promise<void>;
}

async function startBench(runner: 'process' | 'docker', freezeMode?: ContainerFreezeMode): Promise<Bench> {
  const stateDir = await mkdtemp(join(tmpdir(), `bench-${runner}-`));
  const service = await createLocalLambdaService({ stateDir, runner, ...(freezeMode === undefined ? {} : { docker: { freezeMode } }) });
  const client = new LambdaClient({ endpoint: service.endpoint, region: service.region, credentials: service.credentials, maxAttempts: 1 });
  await deployModule(client, 'bench', handler);
  return {
    service,
    client,
    async invoke(i) {
      const out = await client.send(new InvokeCommand({ FunctionName: 'bench', Payload: JSON.stringify({ n: i }) }));
      if (out.FunctionError !== undefined) throw new Error(new TextDecoder().decode(out.Payload));
    },
    async close() {
      client.destroy();
      await service.close();
      await rm(stateDir, { recursive: true, force: true });
    },
  };
}

async function warm(bench: Bench, count = warmCount, samples: number[] = []): Promise<number[]> {
  for (let i = 0; i < 20; i++) await bench.invoke(i);
  for (let i = 0; i < count; i++) {
    const start = performance.now();
    await bench.invoke(i);
    samples.push(performance.now() - start);
  }
  return samples;
}

/** Warm invokes of several benches, taken in turns of a few at a time. */
async function warmInTurns(benches: Bench[]): Promise<number[][]> {
  const samples = benches.map((): number[] => []);
  for (let round = 0; round < ROUNDS; round++) {
    for (const [index, bench] of benches.entries()) await warm(bench, Math.ceil(warmCount / ROUNDS), samples[index]);
  }
  return samples;
}

/** How the bench function's container is frozen, as the runner decides it. */
async function freezeRouteOf(bench: Bench): Promise<string> {
  const [listed] = await engine.docker.listContainers({ filters: { label: [`${LABELS.instance}=${bench.service.docker.instanceId}`] } });
  if (listed === undefined) return 'no container';
  const info = await engine.docker.getContainer(listed.Id).inspect();
  const freezer = openCgroupFreezer(info.State.Pid, info.Id);
  return 'reason' in freezer ? `the engine's pause (${freezer.reason})` : `the cgroup v${freezer.location.version} freezer`;
}

/** A configuration change retires the warm sandbox, so the timed invoke starts a new one (container create to first response). */
async function cold(bench: Bench): Promise<number[]> {
  const samples: number[] = [];
  for (let i = 0; i < coldCount; i++) {
    await bench.client.send(new UpdateFunctionConfigurationCommand({ FunctionName: 'bench', Description: `cold ${i}` }));
    await delay(300); // the retired container's removal is not part of the next start
    const start = performance.now();
    await bench.invoke(i);
    samples.push(performance.now() - start);
  }
  return samples;
}

/** A bare container (create, start, run `node -e 0`, wait, remove) on the same image, for reference. */
async function bareContainer(): Promise<number[]> {
  const samples: number[] = [];
  for (let i = 0; i < coldCount; i++) {
    const start = performance.now();
    const container = await engine.docker.createContainer({ Image: LOCAL_NODE_IMAGE, Entrypoint: ['/usr/bin/node', '-e', '0'], HostConfig: { NetworkMode: 'host' } });
    await container.start();
    await container.wait();
    samples.push(performance.now() - start);
    await container.remove({ force: true });
  }
  return samples;
}

const processBench = await startBench('process');
const dockerBench = await startBench('docker');
const engineFrozenBench = await startBench('docker', 'engine');
const unfrozenBench = await startBench('docker', 'none');
try {
  console.log(`Docker ${status.version ?? '?'} at ${status.socket}, image ${LOCAL_NODE_IMAGE}`);
  const [processSamples, dockerSamples, engineSamples, unfrozenSamples] = await warmInTurns([processBench, dockerBench, engineFrozenBench, unfrozenBench]);
  console.log(`docker containers freeze here through ${await freezeRouteOf(dockerBench)}`);
  const processWarm = report('process: warm invoke', processSamples ?? []);
  const dockerWarm = report('docker:  warm invoke (frozen, as the studio does)', dockerSamples ?? []);
  const engineWarm = report("docker:  warm invoke (frozen with the engine's pause)", engineSamples ?? []);
  const unfrozenWarm = report('docker:  warm invoke (not frozen)', unfrozenSamples ?? []);
  const processCold = report('process: cold invoke (new sandbox)', await cold(processBench));
  const dockerCold = report('docker:  cold invoke (container create -> reply)', await cold(dockerBench));
  const bare = report('docker:  bare container run (node -e 0)', await bareContainer());
  console.log(`ratio warm docker/process: p50 ${(dockerWarm.p50 / processWarm.p50).toFixed(3)}   p99 ${(dockerWarm.p99 / processWarm.p99).toFixed(3)}   (target p50 <= 1.5)`);
  console.log(`ratio warm docker/process, engine's pause: p50 ${(engineWarm.p50 / processWarm.p50).toFixed(3)}   not frozen: p50 ${(unfrozenWarm.p50 / processWarm.p50).toFixed(3)}`);
  console.log(`freezing costs a warm docker invoke: p50 ${(dockerWarm.p50 - unfrozenWarm.p50).toFixed(2)} ms (engine's pause: ${(engineWarm.p50 - unfrozenWarm.p50).toFixed(2)} ms)`);
  console.log(`ratio cold docker/process: p50 ${(dockerCold.p50 / processCold.p50).toFixed(3)}   p99 ${(dockerCold.p99 / processCold.p99).toFixed(3)}`);
  console.log(`ratio cold docker/bare container: p50 ${(dockerCold.p50 / bare.p50).toFixed(3)}`);
  console.log(`cold start p50 ${(dockerCold.p50 / 1000).toFixed(3)} s (target < 0.5 s): ${dockerCold.p50 < 500 ? 'met' : 'missed'}`);
} finally {
  await processBench.close();
  await dockerBench.close();
  await engineFrozenBench.close();
  await unfrozenBench.close();
}
