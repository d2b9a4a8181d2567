import { execFile } from 'node:child_process';
import { mkdir, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const cli = join(import.meta.dirname, 'cli.ts');
const run = promisify(execFile);
let workspace: string;

async function exportSam(...args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  try {
    const { stdout, stderr } = await run(process.execPath, [cli, 'export-sam', ...args, '--workspace', workspace]);
    return { code: 0, stdout, stderr };
  } catch (error) {
    const failed = error as { code: number; stdout: string; stderr: string };
    return { code: failed.code, stdout: failed.stdout, stderr: failed.stderr };
  }
}

beforeAll(async () => {
  workspace = await mkdtemp(join(tmpdir(), 'studio-export-cli-'));
  await mkdir(join(workspace, 'functions', 'greet'), { recursive: true });
  await writeFile(join(workspace, 'functions', 'greet', 'function.json'), JSON.stringify({ runtime: 'nodejs22.x', handler: 'index.handler' }));
  await writeFile(join(workspace, 'functions', 'greet', 'index.mjs'), 'export const handler = async () => "hi";\n');
  await mkdir(join(workspace, 'workflows'));
  const at = { x: 0, y: 0 };
  const graph = {
    blocks: [
      { id: 'in', type: 'input', position: at },
      { id: 'hello', type: 'lambda', position: at, function: 'greet' },
      { id: 'out', type: 'output', position: at },
    ],
    edges: [
      { id: 'a', source: 'in', target: 'hello' },
      { id: 'b', source: 'hello', target: 'out' },
    ],
  };
  await writeFile(join(workspace, 'workflows', 'hello.workflow.json'), JSON.stringify(graph));
});

afterAll(() => rm(workspace, { recursive: true, force: true }));

describe('cli export-sam', () => {
  it('prints a function\'s template on stdout and writes nothing', async () => {
    const { code, stdout } = await exportSam('function', 'greet');
    expect(code).toBe(0);
    expect(stdout).toMatch(/^# AWS SAM template for the function "greet"/);
    expect(stdout).toContain('Transform: AWS::Serverless-2016-10-31\n');
    expect(await readdir(workspace)).toEqual(expect.not.arrayContaining(['template.yaml']));
  });

  it('with --write saves a workflow\'s template and the runner bundle it points at', async () => {
    const { code, stdout } = await exportSam('workflow', 'hello', '--write');
    expect(code).toBe(0);
    expect(await readFile(join(workspace, 'template.yaml'), 'utf8')).toBe(stdout);
    expect(stdout).toContain('CodeUri: workflow-runner/\n');
    expect(await readdir(join(workspace, 'workflow-runner'))).toContain('index.mjs');
  }, 60_000);

  it('exits 2 with the reason on stderr when there is nothing to export', async () => {
    const { code, stdout, stderr } = await exportSam('function', 'nope');
    expect(code).toBe(2);
    expect(stdout).toBe('');
    expect(stderr).toContain('There is no function "nope" in this workspace.');
  });
});
