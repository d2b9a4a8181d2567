import { closeSync, openSync, readFileSync, readSync } from 'node:fs';

/** Reads, one process tree at a time, the memory Lambda's limit counts (Linux `/proc`). */
export interface MemoryReader {
  /**
   * Anonymous and shared memory (`RssAnon` + `RssShmem`) of `pid` and its descendants, in MB;
   * `undefined` off Linux or once the process is gone.
   */
  read(pid: number): number | undefined;
  close(): void;
}

const kb = (status: string, field: string): number => Number(new RegExp(`^${field}:\\s+(\\d+) kB`, 'm').exec(status)?.[1] ?? 0);

/**
 * Lambda's limit is a cgroup limit: file-backed pages (the binary, shared libraries, mapped
 * files) are reclaimed under pressure and never cause an out-of-memory kill, so only memory the
 * kernel cannot drop counts. A whole-RSS figure would kill handlers that Lambda runs.
 */
const unreclaimableKb = (status: string): number => kb(status, 'RssAnon') + kb(status, 'RssShmem');

/** Direct children of `pid` (needs CONFIG_PROC_CHILDREN; none when the kernel lacks it). */
function childrenOf(pid: number): number[] {
  try {
    return readFileSync(`/proc/${pid}/task/${pid}/children`, 'latin1').split(' ').filter(Boolean).map(Number);
  } catch {
    return [];
  }
}

/** The descendants' memory in kB: rare (a handler that spawns), so read without keeping files open. */
function descendantsKb(pid: number, depth = 0): number {
  // A fork bomb should not make the watcher recurse without end.
  if (depth > 8) return 0;
  let total = 0;
  for (const child of childrenOf(pid)) {
    try {
      total += unreclaimableKb(readFileSync(`/proc/${child}/status`, 'latin1'));
    } catch {
      continue;
    }
    total += descendantsKb(child, depth + 1);
  }
  return total;
}

/**
 * Keeps `/proc/<pid>/status` open and re-reads it from offset 0, which procfs regenerates:
 * one synchronous syscall of a few microseconds, where an asynchronous readFile costs five trips
 * through the thread pool on every invoke's REPORT.
 */
export function createMemoryReader(): MemoryReader {
  let open: { pid: number; fd: number } | undefined;
  const buffer = Buffer.alloc(8192);
  const close = () => {
    if (open === undefined) return;
    try {
      closeSync(open.fd);
    } catch {
      // Already closed with its process: nothing to release.
    }
    open = undefined;
  };
  return {
    read(pid) {
      try {
        if (open?.pid !== pid) {
          close();
          open = { pid, fd: openSync(`/proc/${pid}/status`, 'r') };
        }
        const size = readSync(open.fd, buffer, 0, buffer.length, 0);
        return (unreclaimableKb(buffer.toString('latin1', 0, size)) + descendantsKb(pid)) / 1024;
      } catch {
        close();
        return undefined;
      }
    },
    close,
  };
}
