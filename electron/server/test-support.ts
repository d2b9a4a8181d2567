import { type ChildProcess, type ChildProcessWithoutNullStreams, spawn } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { afterAll } from 'vitest';

/** The CLI's entry point, run with this Node as a user runs it. */
const cli = join(import.meta.dirname, 'cli.ts');

/** How a CLI command run to its end exited, and all it printed. */
export interface CliResult {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** Runs `cli.ts <args>` with this Node to its end, as a user types the command. */
export function runCli(args: string[]): Promise<CliResult> {
  const child = spawn(process.execPath, ['--disable-warning=ExperimentalWarning', cli, ...args], { stdio: ['ignore', 'pipe', 'pipe'] });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  return new Promise((resolve) => child.once('close', (code) => resolve({ code, stdout, stderr })));
}

/**
 * A fresh workspace folder in the system's temp folder, removed once the test file's tests are
 * done; called at the top of a test file, which is where it registers that clean-up.
 */
export async function tempWorkspace(prefix: string): Promise<string> {
  const workspace = await mkdtemp(join(tmpdir(), prefix));
  afterAll(() => rm(workspace, { recursive: true, force: true }));
  return workspace;
}

/** A port nothing listens on right now, for options that fix one. */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const address = probe.address();
      probe.close(() => (typeof address === 'object' && address !== null ? resolve(address.port) : reject(new Error('no port'))));
    });
  });
}

/** The first line a started process prints (its ready line); rejects with `earlyExit`'s error when it exits before. */
export function firstLine(child: ChildProcess, earlyExit: (code: number | string | null) => Error): Promise<string> {
  return new Promise((resolve, reject) => {
    if (child.stdout === null) throw new Error('the process has no stdout to read');
    createInterface({ input: child.stdout }).once('line', resolve);
    child.once('exit', (code, signal) => reject(earlyExit(code ?? signal)));
  });
}

/** What `serve` prints on its JSON line that the tests use: how to reach its local Lambda service. */
export interface ServeReady {
  lambdaEndpoint: string;
  region: string;
  accessKeyId: string;
  secretAccessKey: string;
}

/** The whole studio as `serve` runs it on one workspace, started and SIGKILLed as often as a test likes. */
export interface ServeProcess {
  /**
   * Starts `serve` in a process group of its own; settles on its JSON line, or rejects with the
   * studio's log when it exits before. A kill may come before the line: nobody has to await it.
   */
  start(): Promise<ServeReady>;
  /** SIGKILLs the studio's whole process group, as when the app is killed, and waits for it to be gone. */
  kill(): Promise<void>;
  /** What the studio wrote to stderr over all its starts. */
  log(): string;
}

/** `serve` on `workspace`, with its own config folder so the user's settings and targets stay out of the test. */
export function serveProcess(workspace: string, configDir: string): ServeProcess {
  let host: ChildProcessWithoutNullStreams | undefined;
  let log = '';
  return {
    start() {
      const child = spawn(process.execPath, ['--disable-warning=ExperimentalWarning', cli, 'serve', '--workspace', workspace, '--port', '0', '--no-open'], {
        detached: true,
        env: { ...process.env, LAMBDA_STUDIO_CONFIG_DIR: configDir },
      });
      host = child;
      child.stderr.on('data', (chunk: Buffer) => (log += chunk.toString()));
      const ready = firstLine(child, (code) => new Error(`the studio exited before it was ready (${code}): ${log}`)).then((line) => JSON.parse(line) as ServeReady);
      ready.catch(() => undefined);
      return ready;
    },
    async kill() {
      const child = host;
      if (child === undefined || child.exitCode !== null || child.signalCode !== null || child.pid === undefined) return;
      const gone = new Promise<void>((resolve) => child.once('exit', () => resolve()));
      process.kill(-child.pid, 'SIGKILL');
      await gone;
    },
    log: () => log,
  };
}
