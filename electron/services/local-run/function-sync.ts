import { readdir, stat } from 'node:fs/promises';
import { join } from 'node:path';
import type { LocalLambdaService } from '../lambda/lambda-service.ts';
import type { FunctionStore } from '../workspace/function-store.ts';

/**
 * Keeps the local Lambda service's `$LATEST` of each workspace function in step with its folder,
 * so outside tools (`aws lambda invoke --endpoint-url …`) always run the code on disk.
 * Syncs of one function run one after another: two bundles never write the same folder at once.
 */
export interface FunctionSync {
  /** Syncs now (after any sync of the same function already running); throws what the sync threw. */
  sync(name: string): Promise<void>;
  /** Syncs after edits settle; failures are only logged (the next invoke reports them). */
  schedule(name: string): void;
  /** Syncs every function with a valid config, in the background. */
  syncAll(): Promise<void>;
  /** Forgets a function that was deleted or renamed away. */
  remove(name: string): void;
  /** Stops scheduling and waits for syncs already running, so nothing writes after it. */
  close(): Promise<void>;
}

/**
 * What a function folder looks like right now: every file's path, size and modification time,
 * plus the time node_modules last changed (a package added or removed). Equal prints mean the
 * last bundle is still current, so its warm sandboxes can keep serving.
 */
export async function folderFingerprint(dir: string): Promise<string> {
  const parts: string[] = [];
  const walk = async (folder: string, prefix: string): Promise<void> => {
    for (const entry of await readdir(folder, { withFileTypes: true })) {
      const path = join(folder, entry.name);
      const rel = `${prefix}${entry.name}`;
      if (entry.name === 'node_modules') {
        // Only whether packages came or went; walking a dependency tree on every invoke costs too much.
        parts.push(`${rel}:${(await stat(path)).mtimeMs}`);
      } else if (entry.isDirectory() && entry.name !== '__pycache__') {
        await walk(path, `${rel}/`);
      } else if (entry.isFile()) {
        const info = await stat(path).catch(() => undefined);
        if (info !== undefined) parts.push(`${rel}:${info.size}:${info.mtimeMs}`);
      }
    }
  };
  await walk(dir, '');
  return parts.sort().join('\n');
}

export function createFunctionSync(options: {
  functions: FunctionStore;
  lambda: LocalLambdaService;
  debounceMs?: number;
  log?: (message: string, error?: unknown) => void;
}): FunctionSync {
  const { functions, lambda } = options;
  const log = options.log ?? (() => {});
  const chains = new Map<string, Promise<void>>();
  /** The fingerprint each function had when it was last bundled. */
  const synced = new Map<string, string>();
  const timers = new Map<string, ReturnType<typeof setTimeout>>();
  let closed = false;

  const syncOnce = async (name: string) => {
    const dir = await functions.folderOf(name);
    // Taken before bundling: an edit made meanwhile changes the print, so the next sync catches it.
    const print = await folderFingerprint(dir);
    if (synced.get(name) === print) return;
    const detail = await functions.get(name);
    if (detail.config === null) return;
    synced.delete(name);
    await lambda.syncWorkspaceFunction({ name, dir, config: detail.config });
    synced.set(name, print);
  };

  const sync = (name: string): Promise<void> => {
    if (closed) return Promise.reject(new Error('The studio is shutting down.'));
    const previous = chains.get(name) ?? Promise.resolve();
    const next = previous.catch(() => {}).then(() => syncOnce(name));
    chains.set(name, next);
    void next.finally(() => {
      if (chains.get(name) === next) chains.delete(name);
    }).catch(() => {});
    return next;
  };

  const quietly = (name: string) =>
    sync(name).catch((error: unknown) => {
      if (!closed) log(`${name} is not runnable yet: ${error instanceof Error ? error.message : String(error)}`);
    });

  return {
    sync,
    schedule(name) {
      if (closed) return;
      const pending = timers.get(name);
      if (pending !== undefined) clearTimeout(pending);
      timers.set(
        name,
        setTimeout(() => {
          timers.delete(name);
          functions.folderOf(name).then(
            () => quietly(name),
            () => {
              synced.delete(name);
              lambda.removeWorkspaceFunction(name);
            },
          );
        }, options.debounceMs ?? 500),
      );
    },
    async syncAll() {
      const list = await functions.list();
      for (const summary of list) {
        if (closed) return;
        if (summary.configError === undefined) await quietly(summary.name);
      }
    },
    remove(name) {
      const pending = timers.get(name);
      if (pending !== undefined) clearTimeout(pending);
      timers.delete(name);
      synced.delete(name);
      lambda.removeWorkspaceFunction(name);
    },
    async close() {
      closed = true;
      for (const timer of timers.values()) clearTimeout(timer);
      timers.clear();
      await Promise.allSettled([...chains.values()]);
    },
  };
}
