import { type ChildProcess, spawn } from 'node:child_process';
import { once } from 'node:events';
import { join } from 'node:path';
import { createInterface } from 'node:readline';

/** A bench helper running in a process of its own, and the first line it printed (how to reach it). */
export interface HelperProcess {
  child: ChildProcess;
  firstLine: string;
  stop(): Promise<void>;
}

/** Starts `bench/<script> ...args` with this Node and waits for its first line of output. */
export async function startHelperProcess(script: string, args: string[] = []): Promise<HelperProcess> {
  const child = spawn(process.execPath, ['--disable-warning=ExperimentalWarning', join(import.meta.dirname, script), ...args], { stdio: ['ignore', 'pipe', 'inherit'] });
  const [firstLine] = (await once(createInterface({ input: child.stdout }), 'line')) as [string];
  return {
    child,
    firstLine,
    async stop() {
      child.kill('SIGTERM');
      await once(child, 'exit');
    },
  };
}
