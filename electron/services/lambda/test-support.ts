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

/**
 * The runner the suites run their functions in: `process` unless LAMBDA_STUDIO_TEST_RUNNER
 * says `docker` (the vitest project that runs the same suites again in containers sets it).
 */
export const TEST_RUNNER: 'process' | 'docker' = process.env['LAMBDA_STUDIO_TEST_RUNNER'] === 'docker' ? 'docker' : 'process';

export interface TestService {
  service: LocalLambdaService;
  client: LambdaClient;
  stateDir: string;
  close(): Promise<void>;
}

/** A local Lambda service in a temporary state folder, with the official SDK client pointed at it. */
export async function startTestService(options: Partial<LocalLambdaServiceOptions> = {}): Promise<TestService> {
  const stateDir = await mkdtemp(join(tmpdir(), 'lambda-service-'));
  const service = await createLocalLambdaService({
    stateDir,
    idleSandboxMs: 60_000,
    runner: TEST_RUNNER,
    // Some test handlers keep counters in files under the host's temp folder; containers share it.
    ...(TEST_RUNNER === 'docker' ? { docker: { binds: [`${tmpdir()}:${tmpdir()}`] } } : {}),
    ...options,
  });
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

/** Deploys a function from in-memory files through CreateFunction, as an outside tool would. */
export async function deploy(
  t: TestService,
  name: string,
  files: Record<string, string>,
  settings: { runtime?: string; handler?: string; timeout?: number; memorySize?: number; environment?: Record<string, string> } = {},
): Promise<void> {
  const { CreateFunctionCommand } = await import('@aws-sdk/client-lambda');
  await t.client.send(
    new CreateFunctionCommand({
      FunctionName: name,
      Runtime: (settings.runtime ?? 'nodejs22.x') as 'nodejs22.x',
      Role: 'arn:aws:iam::000000000000:role/test',
      Handler: settings.handler ?? 'index.handler',
      Code: { ZipFile: zipOf(files) },
      Timeout: settings.timeout ?? 2,
      MemorySize: settings.memorySize ?? 128,
      Environment: { Variables: settings.environment ?? {} },
    }),
  );
}

/** Invokes through the API and returns what a caller sees. */
export async function invoke(t: TestService, name: string, payload: unknown = {}): Promise<{ functionError?: string; body: Record<string, unknown>; log: string }> {
  const { InvokeCommand } = await import('@aws-sdk/client-lambda');
  const out = await t.client.send(new InvokeCommand({ FunctionName: name, Payload: JSON.stringify(payload), LogType: 'Tail' }));
  const body = decode(out.Payload) as Record<string, unknown>;
  const log = Buffer.from(out.LogResult ?? '', 'base64').toString('utf8');
  return out.FunctionError === undefined ? { body, log } : { functionError: out.FunctionError, body, log };
}
