import { spawn } from 'node:child_process';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const ROOT = join(import.meta.dirname, '..', '..');

/** The README's "Command line" block, one command a line. */
async function readmeCommands(): Promise<string[]> {
  const readme = await readFile(join(ROOT, 'README.md'), 'utf8');
  const block = /## Command line\s+```sh\n([\s\S]*?)```/.exec(readme)?.[1];
  if (block === undefined) throw new Error('the README has no Command line block');
  return block
    .split('\n')
    .map((line) => line.replace(/\s+#.*$/, '').trim())
    .filter((line) => line !== '');
}

describe("the README's commands", () => {
  let workspace: string;
  beforeAll(async () => {
    workspace = await mkdtemp(join(tmpdir(), 'readme-commands-'));
  });
  afterAll(async () => {
    await rm(workspace, { recursive: true, force: true });
  });

  it("keep npm's banner off stdout, so what they print there is the command's own", async () => {
    const commands = await readmeCommands();
    expect(commands.length).toBeGreaterThan(5);
    expect(commands.filter((c) => c.startsWith('npm run') && !c.startsWith('npm run --silent '))).toEqual([]);
  });

  it('serve --no-ui as written prints exactly one JSON line on stdout first', async () => {
    const command = (await readmeCommands()).find((c) => c.includes('serve --no-ui'));
    if (command === undefined) throw new Error('the README lists no serve --no-ui command');
    const runnable = command.replace(/\s*\[[^\]]*\]/g, '').replace('DIR', workspace);
    // A group of its own: npm runs the studio as its child and does not pass a SIGTERM on, so the
    // whole group is stopped, or the studio outlives the test.
    const child = spawn('sh', ['-c', `exec ${runnable}`], { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'], detached: true });
    const gone = new Promise<void>((resolve) => child.once('exit', () => resolve()));
    try {
      const first = await new Promise<string>((resolve, reject) => {
        const timer = setTimeout(() => reject(new Error(`${runnable} printed nothing within 30 s`)), 30_000);
        createInterface({ input: child.stdout }).once('line', (line) => {
          clearTimeout(timer);
          resolve(line);
        });
        child.once('exit', (code) => reject(new Error(`${runnable} exited with ${String(code)}`)));
      });
      expect((JSON.parse(first) as { lambdaEndpoint?: unknown }).lambdaEndpoint).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    } finally {
      if (child.pid !== undefined) process.kill(-child.pid, 'SIGTERM');
      await gone;
    }
  }, 40_000);
});
