// The servers the invoke bench measures against, each runnable in the bench's own process
// (import) or as a process of its own (node this-file floor|studio), where it prints one JSON
// line saying how to reach it.
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { StudioCredentials } from '../electron/services/lambda/credentials.ts';
import { createLocalLambdaService } from '../electron/services/lambda/lambda-service.ts';

export interface Reachable {
  endpoint: string;
  region?: string;
  credentials?: StudioCredentials;
  close(): Promise<void>;
}

/** Answers every request at once with a small JSON body, as Invoke would: the client's floor. */
export async function startFloorServer(): Promise<Reachable> {
  const server: Server = createServer((req, res) => {
    req.resume();
    req.on('end', () => {
      res.writeHead(200, { 'content-type': 'application/json', 'content-length': '7', 'x-amz-executed-version': '$LATEST' });
      res.end('{"n":1}');
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    endpoint: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

/** The local Lambda service on a fresh state directory. */
export async function startStudio(): Promise<Reachable> {
  const stateDir = await mkdtemp(join(tmpdir(), 'bench-studio-'));
  const service = await createLocalLambdaService({ stateDir });
  return {
    endpoint: service.endpoint,
    region: service.region,
    credentials: service.credentials,
    close: async () => {
      await service.close();
      await rm(stateDir, { recursive: true, force: true });
    },
  };
}

if (import.meta.main) {
  const started = process.argv[2] === 'studio' ? await startStudio() : await startFloorServer();
  console.log(JSON.stringify({ endpoint: started.endpoint, region: started.region, credentials: started.credentials }));
  const stop = () => void started.close().finally(() => process.exit(0));
  process.on('SIGTERM', stop);
  process.on('SIGINT', stop);
}
