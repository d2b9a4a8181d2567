import { join } from 'node:path';
import type { LocalLambdaService } from '../lambda/lambda-service.ts';
import { createDurableEngine, type DurableEngine, type DurableEngineOptions } from './engine.ts';

/** The engine's database file inside the studio's state folder. */
export const DURABLE_DB_FILE = 'durable.db';

/**
 * Wires the durable engine into a running local Lambda service: the engine runs handlers
 * through the service's sandboxes, the service mounts the engine's API routes and sends
 * Invoke of durable functions to it. Unfinished executions resume before this resolves.
 */
export async function attachDurableEngine(
  service: LocalLambdaService,
  options: { stateDir: string } & Partial<Omit<DurableEngineOptions, 'dbPath' | 'invoker' | 'region' | 'accountId'>>,
): Promise<DurableEngine> {
  const { stateDir, ...rest } = options;
  const engine = createDurableEngine({ ...rest, dbPath: join(stateDir, DURABLE_DB_FILE), invoker: service, region: service.region, accountId: service.accountId });
  service.attachDurable(engine);
  await engine.start();
  return engine;
}
