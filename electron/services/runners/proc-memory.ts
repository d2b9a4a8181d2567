import { closeSync, openSync, readSync } from 'node:fs';

export interface MemorySample {
  rssMb: number;
  peakMb: number;
}

/** Reads memory figures of one process at a time from `/proc/<pid>/status` (Linux). */
export interface MemoryReader {
  /** Resident and peak resident memory in MB; `undefined` off Linux or once the process is gone. */
  read(pid: number): MemorySample | undefined;
  close(): void;
}

const kb = (status: string, field: string): number => Number(new RegExp(`^${field}:\\s+(\\d+) kB`, 'm').exec(status)?.[1] ?? 0);

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
        const status = buffer.toString('latin1', 0, size);
        return { rssMb: kb(status, 'VmRSS') / 1024, peakMb: kb(status, 'VmHWM') / 1024 };
      } catch {
        close();
        return undefined;
      }
    },
    close,
  };
}
