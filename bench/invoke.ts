// Warm invoke latency of the local Lambda service (process runner, official SDK client over
// SigV4-signed HTTP) against a baseline of spawning one Node process per invocation.
// Run: node bench/invoke.ts [iterations]
import { CreateFunctionCommand, InvokeCommand, LambdaClient, UpdateFunctionConfigurationCommand } from '@aws-sdk/client-lambda';
import { zipSync } from 'fflate';
import { execFile } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { createLocalLambdaService } from '../electron/services/lambda/lambda-service.ts';

const iterations = Number(process.argv[2] ?? 200);
const handler = 'export const handler = async (event) => ({ n: event.n + 1 });';
const run = promisify(execFile);

const percentile = (sorted: number[], p: number): number => sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? NaN;
async function measure(label: string, count: number, once: (i: number) => Promise<void>): Promise<{ p50: number; p99: number }> {
  const samples: number[] = [];
  for (let i = 0; i < count; i++) {
    const start = performance.now();
    await once(i);
    samples.push(performance.now() - start);
  }
  samples.sort((a, b) => a - b);
  const result = { p50: percentile(samples, 50), p99: percentile(samples, 99) };
  console.log(`${label.padEnd(44)} p50 ${result.p50.toFixed(2)} ms   p99 ${result.p99.toFixed(2)} ms   (n=${count})`);
  return result;
}

const stateDir = await mkdtemp(join(tmpdir(), 'bench-invoke-'));
const service = await createLocalLambdaService({ stateDir });
const client = new LambdaClient({ endpoint: service.endpoint, region: service.region, credentials: service.credentials, maxAttempts: 1 });
try {
  await client.send(
    new CreateFunctionCommand({
      FunctionName: 'bench',
      Runtime: 'nodejs22.x',
      Role: 'arn:aws:iam::000000000000:role/bench',
      Handler: 'index.handler',
      Code: { ZipFile: zipSync({ 'index.mjs': new TextEncoder().encode(handler) }) },
    }),
  );
  const invoke = async (i: number) => {
    const out = await client.send(new InvokeCommand({ FunctionName: 'bench', Payload: JSON.stringify({ n: i }) }));
    if (out.FunctionError !== undefined) throw new Error(new TextDecoder().decode(out.Payload));
  };
  for (let i = 0; i < 20; i++) await invoke(i); // warm up
  const warm = await measure('warm invoke (SDK -> Lambda API -> sandbox)', iterations, invoke);
  const direct = await measure('warm invoke (service.invoke, no HTTP)', iterations, async (i) => {
    await service.invoke({ functionName: 'bench', payload: JSON.stringify({ n: i }) });
  });

  const script = join(stateDir, 'direct.mjs');
  await writeFile(join(stateDir, 'index.mjs'), handler);
  await writeFile(script, `import { handler } from './index.mjs'; console.log(JSON.stringify(await handler({ n: Number(process.argv[2]) })));`);
  const spawnCount = Math.max(10, Math.floor(iterations / 10));
  const baseline = await measure('baseline: spawn node per invocation', spawnCount, async (i) => {
    await run(process.execPath, [script, String(i)]);
  });
  // A configuration change retires the warm sandboxes, so every invoke here starts a new one.
  const cold = await measure('cold invoke (new sandbox each time)', spawnCount, async (i) => {
    await client.send(new UpdateFunctionConfigurationCommand({ FunctionName: 'bench', Description: `cold ${i}` }));
    await invoke(i);
  });
  console.log(`ratio cold/baseline: p50 ${(cold.p50 / baseline.p50).toFixed(3)}   p99 ${(cold.p99 / baseline.p99).toFixed(3)}`);
  console.log(`ratio warm/baseline: p50 ${(warm.p50 / baseline.p50).toFixed(3)}   p99 ${(warm.p99 / baseline.p99).toFixed(3)}`);
  console.log(`ratio direct/baseline: p50 ${(direct.p50 / baseline.p50).toFixed(3)}   p99 ${(direct.p99 / baseline.p99).toFixed(3)}`);
} finally {
  client.destroy();
  await service.close();
  await rm(stateDir, { recursive: true, force: true });
}
