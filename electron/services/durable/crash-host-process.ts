import { LambdaClient } from '@aws-sdk/client-lambda';
import { type ChildProcess, spawn } from 'node:child_process';
import { join } from 'node:path';
import { firstLine } from '../../server/test-support.ts';

/** Test-only: a running `crash-host.ts` and a Lambda client pointed at it. */
export interface CrashHost {
  client: LambdaClient;
  /** SIGKILLs the host (no chance to write anything more) and waits for it to be gone. */
  kill(): Promise<void>;
}

/** Starts `crash-host.ts` on `stateDir` with the given test handler and waits for its ready line. */
export async function startCrashHost(stateDir: string, handler = 'crash'): Promise<CrashHost> {
  const host: ChildProcess = spawn(process.execPath, ['--disable-warning=ExperimentalWarning', join(import.meta.dirname, 'crash-host.ts'), stateDir, handler], {
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const kill = async (): Promise<void> => {
    if (host.exitCode !== null || host.signalCode !== null) return;
    await new Promise<void>((resolve) => {
      host.once('exit', () => resolve());
      host.kill('SIGKILL');
    });
  };
  try {
    const line = await firstLine(host, (code) => new Error(`host exited early with ${code}`));
    const info = JSON.parse(line) as { endpoint: string; accessKeyId: string; secretAccessKey: string };
    const client = new LambdaClient({ endpoint: info.endpoint, region: 'us-east-1', credentials: { accessKeyId: info.accessKeyId, secretAccessKey: info.secretAccessKey }, maxAttempts: 1 });
    return {
      client,
      kill: async () => {
        client.destroy();
        await kill();
      },
    };
  } catch (error) {
    await kill();
    throw error;
  }
}
