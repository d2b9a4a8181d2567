import { watch } from 'chokidar';
import { relative, sep } from 'node:path';
import type { WorkspaceChanged } from '../../../shared/contract/events.ts';
import { TEMP_SUFFIX } from './atomic-write.ts';
import type { WorkspaceLayout } from './layout.ts';

/** A running watcher over a workspace. */
export interface WorkspaceWatcher {
  /** Resolves once the initial scan is done and changes are being reported. */
  ready: Promise<void>;
  close(): Promise<void>;
}

type Kind = WorkspaceChanged['kind'];

/** Parts of a path that are never reported: the studio's own state, dependencies, version control. */
const IGNORED_PARTS = new Set(['.studio', 'node_modules', '.git', '__pycache__']);

/** Within one burst, a file that appeared and then changed is still simply new. */
function merge(previous: Kind | undefined, next: Kind): Kind {
  if (previous === 'add' && next === 'change') return 'add';
  return next;
}

/**
 * Watches a workspace for changes by anyone (the studio, an editor, `git pull`) and reports
 * them in bursts: events for the same path within `debounceMs` collapse into one.
 */
export function watchWorkspace(
  layout: WorkspaceLayout,
  onChange: (change: WorkspaceChanged) => void,
  options: { debounceMs?: number; onError?: (error: unknown) => void } = {},
): WorkspaceWatcher {
  const debounceMs = options.debounceMs ?? 75;
  const pending = new Map<string, Kind>();
  let timer: ReturnType<typeof setTimeout> | undefined;
  let closed = false;

  const toRelative = (path: string) => relative(layout.root, path).split(sep).join('/');

  const isIgnored = (path: string) => {
    const rel = toRelative(path);
    if (rel === '' || rel.startsWith('..')) return false;
    return rel.endsWith(TEMP_SUFFIX) || rel.split('/').some((part) => IGNORED_PARTS.has(part));
  };

  const flush = () => {
    timer = undefined;
    const batch = [...pending];
    pending.clear();
    for (const [path, kind] of batch) {
      const parts = path.split('/');
      const functionName = parts[0] === 'functions' && parts[1] !== undefined ? parts[1] : undefined;
      try {
        onChange(functionName === undefined ? { kind, path } : { kind, path, functionName });
      } catch (error) {
        options.onError?.(error);
      }
    }
  };

  const watcher = watch(layout.root, {
    ignoreInitial: true,
    ignored: isIgnored,
    // Editors that save by renaming a temporary file should look like one change.
    atomic: true,
  });

  watcher.on('all', (event, path) => {
    if (closed) return;
    const rel = toRelative(path);
    if (rel === '') return;
    pending.set(rel, merge(pending.get(rel), event as Kind));
    timer ??= setTimeout(flush, debounceMs);
  });
  watcher.on('error', (error) => options.onError?.(error));

  const ready = new Promise<void>((resolve) => watcher.once('ready', () => resolve()));

  return {
    ready,
    async close() {
      closed = true;
      if (timer !== undefined) clearTimeout(timer);
      pending.clear();
      await watcher.close();
    },
  };
}
