import { spawn } from 'node:child_process';
import { mkdtemp, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const cli = join(import.meta.dirname, 'cli.ts');
let temp: string;

beforeAll(async () => {
  temp = await mkdtemp(join(tmpdir(), 'studio-cli-'));
});

afterAll(() => rm(temp, { recursive: true, force: true }));

describe('cli serve', () => {
  it('prints one JSON line, serves the API with the token, and exits 0 on SIGTERM', async () => {
    const workspace = join(temp, 'new', 'workspace');
    const child = spawn(process.execPath, [cli, 'serve', '--workspace', workspace, '--port', '0', '--no-open'], {
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stderr = '';
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    const lines: string[] = [];
    const reader = createInterface({ input: child.stdout });
    const first = await new Promise<string>((resolve, reject) => {
      reader.on('line', (line) => {
        lines.push(line);
        if (lines.length === 1) resolve(line);
      });
      child.once('exit', (code) => reject(new Error(`exited early with ${code}: ${stderr}`)));
    });

    const printed = JSON.parse(first) as { ui: string; workspace: string; lambda: string };
    expect(Object.keys(printed).sort()).toEqual(['lambda', 'ui', 'workspace']);
    expect(printed.lambda).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    expect(printed.workspace).toBe(workspace);
    expect((await stat(join(workspace, 'functions'))).isDirectory()).toBe(true);
    const match = /^(http:\/\/127\.0\.0\.1:\d+)\/#token=(.+)$/.exec(printed.ui);
    expect(match).not.toBeNull();
    const [, origin, token] = match as RegExpExecArray;

    const info = await fetch(`${origin}/api/app.info`, {
      method: 'POST',
      headers: { authorization: `Bearer ${decodeURIComponent(token ?? '')}`, 'content-type': 'application/json' },
      body: '{}',
    });
    expect(info.status).toBe(200);
    expect(await info.json()).toMatchObject({ ok: true, value: { host: 'serve', workspace } });
    expect((await fetch(`${origin}/api/app.info`, { method: 'POST', body: '{}' })).status).toBe(401);

    const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
    child.kill('SIGTERM');
    expect(await exited).toBe(0);
    expect(lines).toHaveLength(1);
    expect(stderr).toContain('Lambda Studio is running at');
  });

  it('refuses a port that is not a number, saying why', async () => {
    const child = spawn(process.execPath, [cli, 'serve', '--workspace', temp, '--port', 'eighty', '--no-open'], { stdio: ['ignore', 'pipe', 'pipe'] });
    let stderr = '';
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    const code = await new Promise<number | null>((resolve) => child.once('exit', resolve));
    expect(code).not.toBe(0);
    expect(stderr).toMatch(/port is a whole number/);
  });
});
