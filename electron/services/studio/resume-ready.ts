import type { DurableStore } from '../durable/store.ts';
import type { FunctionStore } from '../workspace/function-store.ts';
import type { FunctionSync } from '../local-run/function-sync.ts';

/**
 * Brings the bundle of every workspace function with an unfinished execution up to date before
 * the engine resumes them, so no execution is resumed against a bundle being rebuilt (or one a
 * killed studio left unregistered). A function that does not build keeps its previous bundle.
 */
export async function syncBeforeResume(store: DurableStore, functions: FunctionStore, sync: FunctionSync, log: (message: string) => void): Promise<void> {
  const resuming = new Set(store.runningExecutions().map((exec) => exec.functionName));
  if (resuming.size === 0) return;
  const inWorkspace = (await functions.list()).filter((f) => f.configError === undefined && resuming.has(f.name));
  await Promise.all(
    inWorkspace.map((f) => sync.sync(f.name).catch((error: unknown) => log(`${f.name} could not be rebuilt before its executions resume: ${error instanceof Error ? error.message : String(error)}`))),
  );
}
