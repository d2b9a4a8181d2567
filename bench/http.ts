// Function URL latency and throughput against the same workspace function invoked through the
// official SDK client (SigV4-signed Invoke on the local Lambda endpoint), in one run: the URL path
// adds building the event, reading function.json and checking the folder for saved code on every
// request (that is what makes "the next request runs the saved code" true), and mapping the answer.
// The studio runs in a process of its own, as every caller reaches it; samples of the two kinds are
// taken in interleaved blocks, so drift in the machine falls on both alike.
// Target: the URL path's p50 within 1.2x of the SDK path's p50.
// Run: node bench/http.ts [iterations]
import { InvokeCommand, LambdaClient } from '@aws-sdk/client-lambda';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { Agent, request } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startStudioServices } from '../electron/services/studio/studio-services.ts';
import { startHelperProcess } from './helper-process.ts';
import { type Figures, figuresOf } from './stats.ts';

const iterations = Number(process.argv[2] ?? 2000);
const blocks = 10;
const concurrency = 4;
const root = join(import.meta.dirname, '..');

interface Endpoints {
  functionUrls: string;
  lambdaEndpoint: string;
  region: string;
  credentials: { accessKeyId: string; secretAccessKey: string };
}

/** Run as `node bench/http.ts studio`: a workspace with one function behind a URL, and one JSON line saying how to reach it. */
async function serveStudio(): Promise<void> {
  const dir = await mkdtemp(join(tmpdir(), 'bench-http-'));
  const folder = join(dir, 'functions', 'bench');
  await mkdir(folder, { recursive: true });
  await writeFile(join(folder, 'index.mjs'), 'export const handler = async (event) => ({ n: JSON.parse(event.body ?? \'{"n":0}\').n + 1 });\n');
  await writeFile(join(folder, 'function.json'), JSON.stringify({ runtime: 'nodejs22.x', handler: 'index.handler', timeout: 10, triggers: { http: { enabled: true } } }));
  const services = await startStudioServices({ workspaceDir: dir, host: 'serve', version: '0.0.0', resourcesDir: join(root, 'resources'), nodeModulesDir: join(root, 'node_modules'), syncOnStart: false });
  const endpoints: Endpoints = { functionUrls: services.functionUrls.origin, lambdaEndpoint: services.lambda.endpoint, region: services.lambda.region, credentials: services.lambda.credentials };
  console.log(JSON.stringify(endpoints));
  const stop = () => void services.close().finally(() => void rm(dir, { recursive: true, force: true }).finally(() => process.exit(0)));
  process.on('SIGTERM', stop);
  process.on('SIGINT', stop);
}

type Call = (i: number) => Promise<void>;

async function interleaved(kinds: { label: string; once: Call }[], count: number): Promise<Figures[]> {
  for (const kind of kinds) for (let i = 0; i < Math.min(500, count); i++) await kind.once(i);
  const samples = kinds.map(() => [] as number[]);
  const perBlock = Math.ceil(count / blocks);
  for (let block = 0; block < blocks; block++) {
    for (const [k, kind] of kinds.entries()) {
      for (let i = 0; i < perBlock; i++) {
        const start = performance.now();
        await kind.once(i);
        samples[k]?.push(performance.now() - start);
      }
    }
  }
  return kinds.map((kind, k) => {
    const figures = figuresOf(samples[k] ?? []);
    console.log(`  ${kind.label.padEnd(40)} p50 ${figures.p50.toFixed(3)} ms   p99 ${figures.p99.toFixed(3)} ms   (n=${samples[k]?.length})`);
    return figures;
  });
}

async function throughput(label: string, count: number, call: Call): Promise<number> {
  let next = 0;
  const start = performance.now();
  await Promise.all(Array.from({ length: concurrency }, async () => {
    while (next < count) await call(next++);
  }));
  const perSecond = count / ((performance.now() - start) / 1000);
  console.log(`  ${label.padEnd(40)} ${perSecond.toFixed(0)} requests/s   (${concurrency} in flight, n=${count})`);
  return perSecond;
}

async function main(): Promise<void> {
  const helper = await startHelperProcess('http.ts', ['studio']);
  try {
    const studio = JSON.parse(helper.firstLine) as Endpoints;
    const client = new LambdaClient({ endpoint: studio.lambdaEndpoint, region: studio.region, credentials: studio.credentials, maxAttempts: 1 });
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
    )) as [Figures, Figures];
    const sdkRate = await throughput('SDK Invoke', iterations, viaSdk);
    const urlRate = await throughput('function URL', iterations, viaUrl);
    const ratio = http.p50 / sdk.p50;
    console.log(`function URL p50 / SDK p50: ${ratio.toFixed(2)}x (target <= 1.2x) ${ratio <= 1.2 ? 'OK' : 'OVER'}`);
    console.log(`function URL p99 / SDK p99: ${(http.p99 / sdk.p99).toFixed(2)}x; throughput ${(urlRate / sdkRate).toFixed(2)}x of the SDK path's`);
    agent.destroy();
  } finally {
    await helper.stop();
  }
}

if (process.argv[2] === 'studio') await serveStudio();
else await main();
