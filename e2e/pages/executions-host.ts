import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { createApi, type Api } from '../../shared/contract/client.ts';
import { createHttpTransport } from '../../shared/transport/http-transport.ts';
import type { ServeHandle } from '../fixtures/serve.ts';

/** The contract from the test's side, as the page would call it, with the token `serve` printed. */
export function hostApi(serve: ServeHandle): Api {
  const url = new URL(serve.ui);
  const token = new URLSearchParams(url.hash.slice(1)).get('token');
  if (token === null) throw new Error(`serve printed no token in ${serve.ui}`);
  return createApi(createHttpTransport({ baseUrl: url.origin, token }));
}

/**
 * Makes the template's `process` step fail its first two attempts, so its retries show. The
 * step context's `attempt` counts from 1; the retry strategy tries up to five times.
 */
export async function makeProcessFlaky(serve: ServeHandle, functionName: string): Promise<void> {
  const file = join(serve.workspace, 'functions', functionName, 'index.ts');
  const source = await readFile(file, 'utf8');
  const marker = "    'process',\n    async () => {\n";
  if (!source.includes(marker)) throw new Error('the order approval template no longer has the process step this test edits');
  const flaky = source.replace(marker, "    'process',\n    async (step) => {\n      if (step.attempt < 3) throw new Error(`payment service unavailable (attempt ${step.attempt})`);\n");
  await writeFile(file, flaky);
}

/** Starts an order approval execution and returns its ARN (the invoke answers while it waits). */
export async function startOrder(api: Api, functionName: string, orderId: string, amount = 42.5): Promise<string> {
  const result = await api.call('invoke.run', { functionName, payload: JSON.stringify({ orderId, amount }) });
  if (result.durableExecutionArn === undefined) throw new Error(`invoking ${functionName} started no durable execution: ${result.payload}`);
  return result.durableExecutionArn;
}
