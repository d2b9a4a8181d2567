import { LambdaClient } from '@aws-sdk/client-lambda';
import { zipSync } from 'fflate';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createLocalLambdaService, type LocalLambdaService, type LocalLambdaServiceOptions } from './lambda-service.ts';

/** A deployment package built in memory, as a user's build tool would. */
export function zipOf(files: Record<string, string>): Uint8Array {
  const entries: Record<string, Uint8Array> = {};
  for (const [name, text] of Object.entries(files)) entries[name] = new TextEncoder().encode(text);
  return zipSync(entries);
}

export interface TestService {
  service: LocalLambdaService;
  client: LambdaClient;
  stateDir: string;
  close(): Promise<void>;
}

/** A local Lambda service in a temporary state folder, with the official SDK client pointed at it. */
export async function startTestService(options: Partial<LocalLambdaServiceOptions> = {}): Promise<TestService> {
  const stateDir = await mkdtemp(join(tmpdir(), 'lambda-service-'));
  const service = await createLocalLambdaService({ stateDir, idleSandboxMs: 60_000, ...options });
  const client = new LambdaClient({ endpoint: service.endpoint, region: service.region, credentials: service.credentials, maxAttempts: 1 });
  return {
    service,
    client,
    stateDir,
    async close() {
      client.destroy();
      await service.close();
      await rm(stateDir, { recursive: true, force: true });
    },
  };
}

export const decode = (payload: Uint8Array | undefined): unknown => JSON.parse(new TextDecoder().decode(payload ?? new Uint8Array()));
