// Warm invoke latency and throughput of the local Lambda service (process runner, official SDK
// client over SigV4-signed HTTP), printed as ratios to two floors measured in the same run:
//   - bare HTTP: one keep-alive request/response on loopback, nothing else;
//   - client floor: the same SDK Invoke call answered at once by a trivial HTTP server, i.e.
//     what the SDK itself costs (signing, serializing, parsing).
// Measured twice: with the studio and the floor's server each in a process of its own, as every
// caller reaches the studio (the headline figures), and with all of them inside this process.
// Samples of the kinds being compared are taken in interleaved blocks, so drift in the machine
// (frequency, other load) falls on all of them alike.
// Target: warm p50 within 1.5x of the client floor. Also prints the cold start.
// Run: node bench/invoke.ts [iterations]
import { InvokeCommand, type LambdaClient, UpdateFunctionConfigurationCommand } from '@aws-sdk/client-lambda';
import { Agent, request } from 'node:http';
import { lambdaClientOf, type Reachable, startApart, startFloorServer, startStudio } from './bench-servers.ts';
import { deployModule } from './deploy.ts';
import { type Call, interleaved, throughput } from './sampling.ts';
import { type Figures, figuresOf } from './stats.ts';

const iterations = Number(process.argv[2] ?? 2000);
const concurrency = 4;
const handler = 'export const handler = async (event) => ({ n: event.n + 1 });';

const sampling = { warmUp: 1000, labelWidth: 44 };
const rate = { concurrency, unit: 'invocations', labelWidth: 44 };

interface Setup {
  floor: Reachable;
  studio: Reachable;
}

async function measure(title: string, setup: Setup, withThroughputAndCold: boolean): Promise<void> {
  const { floor, studio } = setup;
  const client = lambdaClientOf(studio);
  // The floor takes the studio's signing, so the SDK does the same work for both.
  const floorClient = lambdaClientOf({ ...studio, endpoint: floor.endpoint });
  const agent = new Agent({ keepAlive: true, maxSockets: concurrency });
  const floorUrl = new URL(floor.endpoint);
  const bare: Call = (i) =>
    new Promise((resolve, reject) => {
      const body = JSON.stringify({ n: i });
      const req = request(
        { host: floorUrl.hostname, port: floorUrl.port, method: 'POST', path: '/2015-03-31/functions/bench/invocations', agent, headers: { 'content-length': Buffer.byteLength(body) } },
        (res) => {
          res.resume();
          res.on('end', resolve);
        },
      );
      req.on('error', reject);
      req.end(body);
    });
  const invokeWith =
    (target: LambdaClient): Call =>
    async (i) => {
      const out = await target.send(new InvokeCommand({ FunctionName: 'bench', Payload: JSON.stringify({ n: i }) }));
      if (out.FunctionError !== undefined) throw new Error(new TextDecoder().decode(out.Payload));
    };
  try {
    await deployModule(client, 'bench', handler);
    console.log(title);
    const [bareFigures, floorFigures, warm] = (await interleaved(
      [
        { label: 'floor: bare HTTP round trip', once: bare },
        { label: 'floor: SDK Invoke answered at once', once: invokeWith(floorClient) },
        { label: 'studio: SDK Invoke -> Lambda API -> sandbox', once: invokeWith(client) },
      ],
      iterations,
      sampling,
    )) as [Figures, Figures, Figures];
    let rates: [number, number] | undefined;
    let cold: Figures | undefined;
    if (withThroughputAndCold) {
      rates = [await throughput('floor: SDK Invoke answered at once', iterations, invokeWith(floorClient), rate), await throughput('studio: SDK Invoke -> sandbox', iterations, invokeWith(client), rate)];
      // A configuration change retires the warm sandboxes, so every invoke here starts a new one.
      const samples: number[] = [];
      for (let i = 0; i < Math.max(10, Math.floor(iterations / 100)); i++) {
        const start = performance.now();
        await client.send(new UpdateFunctionConfigurationCommand({ FunctionName: 'bench', Description: `cold ${i}` }));
        await invokeWith(client)(i);
        samples.push(performance.now() - start);
      }
      cold = figuresOf(samples);
      console.log(`  ${'studio: cold invoke (new sandbox each time)'.padEnd(44)} p50 ${cold.p50.toFixed(1)} ms   p99 ${cold.p99.toFixed(1)} ms   (n=${samples.length})`);
    }
    console.log(`  ratio warm/client floor:  p50 ${(warm.p50 / floorFigures.p50).toFixed(2)}   p99 ${(warm.p99 / floorFigures.p99).toFixed(2)}   (target p50 <= 1.5)`);
    console.log(`  ratio warm/bare HTTP:     p50 ${(warm.p50 / bareFigures.p50).toFixed(2)}   p99 ${(warm.p99 / bareFigures.p99).toFixed(2)}`);
    console.log(`  ratio client floor/bare:  p50 ${(floorFigures.p50 / bareFigures.p50).toFixed(2)}`);
    console.log(`  studio adds over the client floor: p50 ${(warm.p50 - floorFigures.p50).toFixed(3)} ms`);
    if (rates !== undefined) console.log(`  ratio throughput studio/client floor: ${(rates[1] / rates[0]).toFixed(2)}`);
    if (cold !== undefined) console.log(`  cold start: p50 ${cold.p50.toFixed(1)} ms (includes the UpdateFunctionConfiguration call)`);
    console.log('');
  } finally {
    client.destroy();
    floorClient.destroy();
    agent.destroy();
  }
}

const apart: Setup = { floor: await startApart('floor'), studio: await startApart('studio') };
try {
  await measure('The studio and the floor server each in a process of their own, as callers reach the studio:', apart, true);
} finally {
  await Promise.all([apart.floor.close(), apart.studio.close()]);
}
const inside: Setup = { floor: await startFloorServer(), studio: await startStudio() };
try {
  await measure('The studio and the floor server inside this process (the client shares their thread):', inside, false);
} finally {
  await Promise.all([inside.floor.close(), inside.studio.close()]);
}
