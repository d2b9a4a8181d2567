// Warm invoke latency and throughput of the local Lambda service (process runner, official SDK
// client over SigV4-signed HTTP), printed as ratios to two floors measured in the same run:
//   - bare HTTP: one keep-alive request/response on loopback, nothing else;
//   - client floor: the same SDK Invoke call answered at once by a trivial HTTP server, i.e.
//     what the SDK itself costs (signing, serializing, parsing).
// Target: warm p50 within 1.5x of the client floor. Also prints the cold start.
// Run: node bench/invoke.ts [iterations]
import { InvokeCommand, LambdaClient, UpdateFunctionConfigurationCommand } from '@aws-sdk/client-lambda';
import { Agent, createServer, request } from 'node:http';
import type { AddressInfo } from 'node:net';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createLocalLambdaService } from '../electron/services/lambda/lambda-service.ts';
import { deployModule } from './deploy.ts';
import { type Figures, figuresOf } from './stats.ts';

const iterations = Number(process.argv[2] ?? 2000);
const concurrency = 4;
const handler = 'export const handler = async (event) => ({ n: event.n + 1 });';


async function latency(label: string, count: number, once: (i: number) => Promise<void>): Promise<Figures> {
  for (let i = 0; i < Math.min(200, count); i++) await once(i); // warm the JIT and the connections
  const samples: number[] = [];
  for (let i = 0; i < count; i++) {
    const start = performance.now();
    await once(i);
    samples.push(performance.now() - start);
  }
  const result = figuresOf(samples);
  console.log(`${label.padEnd(46)} p50 ${result.p50.toFixed(3)} ms   p99 ${result.p99.toFixed(3)} ms   (n=${count})`);
  return result;
}

/** Invocations per second with `concurrency` callers in flight. */
async function throughput(label: string, count: number, once: (i: number) => Promise<void>): Promise<number> {
  let next = 0;
  const start = performance.now();
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (next < count) await once(next++);
    }),
  );
  const perSecond = count / ((performance.now() - start) / 1000);
  console.log(`${label.padEnd(46)} ${perSecond.toFixed(0)} invocations/s   (${concurrency} in flight, n=${count})`);
  return perSecond;
}

// The floors' server answers every request at once with a small JSON body, as Invoke would.
const floorServer = createServer((req, res) => {
  req.resume();
  req.on('end', () => {
    res.writeHead(200, { 'content-type': 'application/json', 'content-length': '7', 'x-amz-executed-version': '$LATEST' });
    res.end('{"n":1}');
  });
});
await new Promise<void>((resolve) => floorServer.listen(0, '127.0.0.1', resolve));
const floorPort = (floorServer.address() as AddressInfo).port;
const agent = new Agent({ keepAlive: true, maxSockets: concurrency });
const bareRoundTrip = (i: number): Promise<void> =>
  new Promise((resolve, reject) => {
    const body = JSON.stringify({ n: i });
    const req = request({ host: '127.0.0.1', port: floorPort, method: 'POST', path: '/2015-03-31/functions/bench/invocations', agent, headers: { 'content-length': Buffer.byteLength(body) } }, (res) => {
      res.resume();
      res.on('end', resolve);
    });
    req.on('error', reject);
    req.end(body);
  });

const stateDir = await mkdtemp(join(tmpdir(), 'bench-invoke-'));
const service = await createLocalLambdaService({ stateDir });
const clientOptions = { region: service.region, credentials: service.credentials, maxAttempts: 1 };
const client = new LambdaClient({ ...clientOptions, endpoint: service.endpoint });
const floorClient = new LambdaClient({ ...clientOptions, endpoint: `http://127.0.0.1:${floorPort}` });
const invokeWith = (target: LambdaClient) => async (i: number) => {
  const out = await target.send(new InvokeCommand({ FunctionName: 'bench', Payload: JSON.stringify({ n: i }) }));
  if (out.FunctionError !== undefined) throw new Error(new TextDecoder().decode(out.Payload));
};
try {
  await deployModule(client, 'bench', handler);
  const bare = await latency('floor: bare HTTP round trip', iterations, bareRoundTrip);
  const floor = await latency('floor: SDK Invoke answered at once', iterations, invokeWith(floorClient));
  const warm = await latency('studio: SDK Invoke -> Lambda API -> sandbox', iterations, invokeWith(client));
  const floorRate = await throughput('floor: SDK Invoke answered at once', iterations, invokeWith(floorClient));
  const warmRate = await throughput('studio: SDK Invoke -> sandbox', iterations, invokeWith(client));

  // A configuration change retires the warm sandboxes, so every invoke here starts a new one.
  const coldCount = Math.max(10, Math.floor(iterations / 100));
  const cold = await latency('studio: cold invoke (new sandbox each time)', coldCount, async (i) => {
    await client.send(new UpdateFunctionConfigurationCommand({ FunctionName: 'bench', Description: `cold ${i}` }));
    await invokeWith(client)(i);
  });

  console.log('');
  console.log(`ratio warm/client floor:  p50 ${(warm.p50 / floor.p50).toFixed(2)}   p99 ${(warm.p99 / floor.p99).toFixed(2)}   (target p50 <= 1.5)`);
  console.log(`ratio warm/bare HTTP:     p50 ${(warm.p50 / bare.p50).toFixed(2)}   p99 ${(warm.p99 / bare.p99).toFixed(2)}`);
  console.log(`ratio client floor/bare:  p50 ${(floor.p50 / bare.p50).toFixed(2)}`);
  console.log(`studio adds over the client floor: p50 ${(warm.p50 - floor.p50).toFixed(3)} ms`);
  console.log(`ratio throughput studio/client floor: ${(warmRate / floorRate).toFixed(2)}`);
  console.log(`cold start: p50 ${cold.p50.toFixed(1)} ms (includes the UpdateFunctionConfiguration call)`);
} finally {
  client.destroy();
  floorClient.destroy();
  agent.destroy();
  floorServer.close();
  await service.close();
  await rm(stateDir, { recursive: true, force: true });
}
