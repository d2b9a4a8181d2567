import { spawn } from 'node:child_process';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { createLocalLambdaService } from '../lambda/lambda-service.ts';

/**
 * A studio killed in the middle of bundling a function must leave it runnable after a restart:
 * the registered bundle is the previous one or the new one, never a half-written one.
 */
const root = await mkdtemp(join(tmpdir(), 'rebuild-crash-'));
afterAll(async () => {
  await rm(root, { recursive: true, force: true });
});

/** Starts the host and SIGKILLs its process group as its `builds`-th rebuild starts (the first registers the function). */
async function killDuringBuild(stateDir: string, dir: string, builds: number): Promise<void> {
  const host = spawn(process.execPath, ['--disable-warning=ExperimentalWarning', join(import.meta.dirname, 'rebuild-host.ts'), stateDir, dir], { stdio: ['ignore', 'pipe', 'inherit'], detached: true });
  await new Promise<void>((resolve, reject) => {
    let out = '';
    host.stdout.on('data', (chunk: Buffer) => {
      out += chunk.toString();
      // The whole group, as when the app is killed: esbuild's own process must not finish the write.
      if (out.includes(`building ${builds}\n`) && host.pid !== undefined) process.kill(-host.pid, 'SIGKILL');
    });
    host.once('exit', (_code, signal) => (signal === 'SIGKILL' ? resolve() : reject(new Error(`host exited early with ${String(signal)}`))));
  });
}

describe('a kill in the middle of a build', () => {
  it('leaves the function runnable after a restart', async () => {
    const stateDir = join(root, 'state');
    const dir = join(root, 'workspace', 'functions', 'rebuilt');
    await mkdir(dir, { recursive: true });
    await writeFile(join(dir, 'index.ts'), `export const handler = async () => 'still here';\n`);
    const failures: string[] = [];
    for (let round = 0; round < 4; round++) {
      await killDuringBuild(stateDir, dir, 2 + round);
      // Restarted without syncing: the function must run from what the registry holds.
      const service = await createLocalLambdaService({ stateDir });
      try {
        // A registry entry whose folder vanished is dropped at load: the invoke then finds no function.
        const result = await service.invoke({ functionName: 'rebuilt', payload: '{}' }).catch((error: unknown) => error as Error);
        if (result instanceof Error) failures.push(`round ${round}: ${result.message}`);
        else if (result.errorType !== undefined) failures.push(`round ${round}: ${result.payload.toString().slice(0, 200)}`);
        else expect(JSON.parse(result.payload.toString())).toBe('still here');
      } finally {
        await service.close();
      }
    }
    expect(failures).toEqual([]);
  }, 20_000);
});
