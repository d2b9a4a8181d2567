import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { type AddressInfo, createServer, type Socket } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { afterAll, describe, expect, it } from 'vitest';
import type { FunctionVersion } from '../lambda/function-registry.ts';
import { defaultLauncherPaths, sandboxCommand } from './launchers.ts';

/**
 * A process sandbox ends itself once the studio that started it is gone (here, by its own watch
 * alone: the sandbox is started by a stand-in studio with plain spawn, no guardian involved).
 */
const paths = defaultLauncherPaths();
const held: Socket[] = [];
// A Runtime API that takes the runtime's request for work and never answers: left alone, the runtime waits for good.
const api = createServer((socket) => {
  held.push(socket);
  socket.on('error', () => undefined);
  socket.once('data', () => asked?.());
});
let asked: (() => void) | undefined;
await new Promise<void>((resolve) => api.listen(0, '127.0.0.1', resolve));
const runtimeApi = `127.0.0.1:${(api.address() as AddressInfo).port}`;
afterAll(() => {
  for (const socket of held) socket.destroy();
  api.close();
});

function processState(pid: number): string {
  try {
    return /\) (\w)/.exec(readFileSync(`/proc/${pid}/stat`, 'utf8'))?.[1] ?? 'gone';
  } catch {
    return 'gone';
  }
}

function version(runtime: string, handler: string, file: string, source: string): FunctionVersion {
  const codeDir = mkdtempSync(join(tmpdir(), 'exit-with-studio-'));
  writeFileSync(join(codeDir, file), source);
  return {
    functionName: 'orphan', version: '$LATEST', runtime: runtime as FunctionVersion['runtime'], handler, memorySize: 128, timeout: 10,
    environment: {}, description: '', role: 'arn:aws:iam::000000000000:role/x', codeDir, codeSha256: '', codeSize: 0,
    lastModified: new Date().toISOString(), revisionId: 'r1', origin: 'api',
  };
}

// The stand-in studio: starts the sandbox in a process group of its own, as the studio does, prints its pid, then idles.
const STUDIO = `const { spawn } = require('node:child_process');
const cmd = JSON.parse(process.env.SANDBOX_COMMAND);
const child = spawn(cmd.command, cmd.args, { cwd: cmd.cwd, env: cmd.env, stdio: 'ignore', detached: true });
console.log(child.pid);
setInterval(() => {}, 60000);`;

async function orphanEnds(v: FunctionVersion): Promise<void> {
  const host = { region: 'us-east-1', functionArn: 'arn:aws:lambda:us-east-1:000000000000:function:orphan', credentials: { accessKeyId: 'a', secretAccessKey: 's' }, lambdaEndpoint: 'http://127.0.0.1:9' };
  const command = sandboxCommand(v, { ...host, runtimeApi }, paths, 'studio');
  const runtimeAsked = new Promise<void>((resolve) => (asked = resolve));
  const studio = spawn(process.execPath, ['-e', STUDIO], { env: { ...process.env, SANDBOX_COMMAND: JSON.stringify(command) }, stdio: ['ignore', 'pipe', 'inherit'] });
  const pid = Number(await new Promise<string>((resolve) => createInterface({ input: studio.stdout }).once('line', resolve)));
  try {
    await runtimeAsked;
    expect(processState(pid)).not.toBe('gone');
    // Only the studio dies; the sandbox's own process group is not signalled.
    studio.kill('SIGKILL');
    await expect.poll(() => processState(pid), { timeout: 3_000, interval: 50 }).toMatch(/^(gone|Z)$/);
  } finally {
    studio.kill('SIGKILL');
    if (processState(pid) !== 'gone') process.kill(pid, 'SIGKILL');
  }
}

describe.skipIf(process.platform !== 'linux')('a process sandbox whose studio dies', () => {
  it('ends a Node runtime', async () => {
    await orphanEnds(version('nodejs22.x', 'index.handler', 'index.mjs', 'export const handler = async () => 1;'));
  });

  it.skipIf(paths.pythonBinary === undefined)('ends a Python runtime', async () => {
    await orphanEnds(version('python3.12', 'app.handler', 'app.py', 'def handler(event, context):\n    return 1\n'));
  });
});
