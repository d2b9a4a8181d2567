// Function URL latency and throughput against the same workspace function invoked through the
// official SDK client (SigV4-signed Invoke on the local Lambda endpoint), in one run: the URL path
// adds building the event, reading function.json and checking the folder for saved code on every
// request (that is what makes "the next request runs the saved code" true), and mapping the answer.
// The studio runs in a process of its own, as every caller reaches it; samples of the two kinds are
// taken in interleaved blocks, so drift in the machine falls on both alike.
// Target: the URL path's p50 within 1.2x of the SDK path's p50.
// Run: node bench/http.ts [iterations]
import { InvokeCommand } from '@aws-sdk/client-lambda';
import { Agent, request } from 'node:http';
import { lambdaClientOf, startApart } from './bench-servers.ts';
import { type Call, interleaved, throughput } from './sampling.ts';
import type { Figures } from './stats.ts';

const iterations = Number(process.argv[2] ?? 2000);
const concurrency = 4;
const sampling = { warmUp: 500, labelWidth: 40 };
const rate = { concurrency, unit: 'requests', labelWidth: 40 };

async function main(): Promise<void> {
  const studio = await startApart('workspace');
  try {
    if (studio.functionUrls === undefined) throw new Error('the studio did not say where its function URLs are');
    const client = lambdaClientOf(studio);
    const agent = new Agent({ keepAlive: true, maxSockets: concurrency });
    const url = new URL(`${studio.functionUrls}/bench/`);
    const viaUrl: Call = (i) =>
      new Promise((resolve, reject) => {
        const body = JSON.stringify({ n: i });
        const req = request({ host: url.hostname, port: url.port, method: 'POST', path: url.pathname, agent, headers: { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body) } }, (res) => {
          const chunks: Buffer[] = [];
          res.on('data', (c: Buffer) => chunks.push(c));
          res.on('end', () => {
            const answer = JSON.parse(Buffer.concat(chunks).toString()) as { n: number };
            if (res.statusCode !== 200 || answer.n !== i + 1) reject(new Error(`unexpected answer ${res.statusCode}`));
            else resolve();
          });
        });
        req.on('error', reject);
        req.end(body);
      });
    // The same handler reads the body the URL event carries; the SDK path sends that event's body field.
    const viaSdk: Call = async (i) => {
      const out = await client.send(new InvokeCommand({ FunctionName: 'bench', Payload: JSON.stringify({ body: JSON.stringify({ n: i }) }) }));
      if (out.FunctionError !== undefined) throw new Error(new TextDecoder().decode(out.Payload));
    };
    await viaUrl(0); // registers and bundles the function
    console.log(`Function URL against SDK Invoke, same function, studio in its own process (${iterations} samples each)`);
    const [sdk, http] = (await interleaved(
      [
        { label: 'SDK Invoke -> Lambda API -> sandbox', once: viaSdk },
        { label: 'function URL -> event -> sandbox', once: viaUrl },
      ],
      iterations,
      sampling,
    )) as [Figures, Figures];
    const sdkRate = await throughput('SDK Invoke', iterations, viaSdk, rate);
    const urlRate = await throughput('function URL', iterations, viaUrl, rate);
    const ratio = http.p50 / sdk.p50;
    console.log(`function URL p50 / SDK p50: ${ratio.toFixed(2)}x (target <= 1.2x) ${ratio <= 1.2 ? 'OK' : 'OVER'}`);
    console.log(`function URL p99 / SDK p99: ${(http.p99 / sdk.p99).toFixed(2)}x; throughput ${(urlRate / sdkRate).toFixed(2)}x of the SDK path's`);
    agent.destroy();
  } finally {
    await studio.close();
  }
}

await main();
