import { mkdtemp, readdir, readFile, rm, stat, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { StudioError } from '../../../shared/contract/errors.ts';
import { createTemplates } from '../templates/templates.ts';
import { createFunctionStore, type FunctionStore } from './function-store.ts';
import { openWorkspace, type WorkspaceLayout } from './layout.ts';

const templatesDir = join(import.meta.dirname, '..', '..', '..', 'resources', 'templates');

let layout: WorkspaceLayout;
let store: FunctionStore;

beforeEach(async () => {
  layout = await openWorkspace(join(await mkdtemp(join(tmpdir(), 'studio-ws-')), 'workspace'));
  store = createFunctionStore({ layout, templates: createTemplates(templatesDir) });
});

afterEach(async () => {
  await rm(join(layout.root, '..'), { recursive: true, force: true });
});

async function codeOf(promise: Promise<unknown>): Promise<string> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof StudioError) return error.code;
    throw error;
  }
  throw new Error('expected the call to fail');
}

async function isDirectoryAt(path: string): Promise<boolean> {
  return stat(path).then(
    (s) => s.isDirectory(),
    () => false,
  );
}

describe('workspace layout', () => {
  it('creates the folders and a .studio/.gitignore that ignores everything', async () => {
    expect((await readdir(layout.root)).sort()).toEqual(['.studio', 'events', 'functions', 'workflows']);
    expect(await readFile(join(layout.state, '.gitignore'), 'utf8')).toMatch(/^\*$/m);
  });

  it('refuses a file where the workspace folder should be, saying so', async () => {
    const file = join(layout.root, 'events', 'not-a-folder.json');
    await writeFile(file, '{}');
    await expect(openWorkspace(file)).rejects.toThrow(/is a file, not a folder/);
  });

  it('leaves an existing .gitignore alone when opened again', async () => {
    await writeFile(join(layout.state, '.gitignore'), '*\n!keep\n');
    await openWorkspace(layout.root);
    expect(await readFile(join(layout.state, '.gitignore'), 'utf8')).toBe('*\n!keep\n');
  });
});

describe('function store', () => {
  it('creates a function from a template and lists it', async () => {
    const created = await store.create('orders', 'durable-ts');
    expect(created.config?.durable).toEqual({ enabled: true, executionTimeout: 86_400, retentionPeriodInDays: 14 });
    expect(created.config?.description).toContain('orders');
    expect(created.files).toEqual(['function.json', 'index.ts']);
    expect(await store.list()).toEqual([{ name: 'orders', runtime: 'nodejs22.x', durable: true }]);
    // Nothing is left behind in the staging area.
    expect(await readdir(join(layout.state, 'tmp'))).toEqual([]);
  });

  it('refuses an existing name and an invalid one', async () => {
    await store.create('orders', 'node-ts');
    expect(await codeOf(store.create('orders', 'node-js'))).toBe('CONFLICT');
    expect(await codeOf(store.create('../escape', 'node-js'))).toBe('BAD_INPUT');
    expect(await readFile(join(layout.functions, 'orders', 'index.ts'), 'utf8')).toContain('Handler');
  });

  it('saves a first test event the handler understands, and moves events along on rename', async () => {
    await store.create('orders', 'durable-ts');
    const sample = JSON.parse(await readFile(join(layout.events, 'orders', 'example.json'), 'utf8')) as { orderId: string; amount: number };
    expect(sample.orderId).toBeTruthy();
    expect(sample.amount).toBeGreaterThan(0);
    await writeFile(join(layout.events, 'orders', 'big-order.json'), '{"orderId":"o-9","amount":9999}\n');
    await store.rename('orders', 'approvals');
    expect((await readdir(join(layout.events, 'approvals'))).sort()).toEqual(['big-order.json', 'example.json']);
    await expect(readdir(join(layout.events, 'orders'))).rejects.toThrow(/ENOENT/);
  });

  it('renames a function, refusing a name that is taken', async () => {
    await store.create('a', 'node-ts');
    await store.create('b', 'python');
    expect(await codeOf(store.rename('a', 'b'))).toBe('CONFLICT');
    const renamed = await store.rename('a', 'c');
    expect(renamed.name).toBe('c');
    expect((await store.list()).map((f) => f.name)).toEqual(['b', 'c']);
    expect(await codeOf(store.rename('a', 'd'))).toBe('NOT_FOUND');
  });

  it('moves a deleted function to the trash instead of losing it', async () => {
    await store.create('gone', 'node-js');
    await store.writeFile('gone', 'index.mjs', 'export const handler = async () => 42;\n');
    await store.remove('gone');
    expect(await store.list()).toEqual([]);
    const [trashed] = await readdir(layout.trash);
    expect(trashed).toMatch(/^gone-\d{4}-/);
    expect(await readFile(join(layout.trash, trashed ?? '', 'index.mjs'), 'utf8')).toContain('42');
    expect(await codeOf(store.remove('gone'))).toBe('NOT_FOUND');
  });

  it('moves the saved test events of a deleted function to the trash beside it, so a new function of that name starts with its own', async () => {
    await store.create('gone', 'node-js');
    await store.remove('gone');
    expect(await isDirectoryAt(join(layout.events, 'gone'))).toBe(false);
    const trashed = await readdir(layout.trash);
    const events = trashed.find((entry) => entry.endsWith('-events'));
    expect(events).toMatch(/^gone-\d{4}-.*-events$/);
    expect(await readdir(join(layout.trash, events ?? ''))).toEqual(['example.json']);
    // The function's own folder in the trash is the one without the suffix.
    expect(trashed.filter((entry) => entry !== events)).toEqual([events?.replace(/-events$/, '')]);
  });

  it('writes files atomically into new folders and reads them back', async () => {
    await store.create('f', 'node-ts');
    await store.writeFile('f', 'lib/deep/util.ts', 'export const x = 1;\n');
    expect(await store.readFile('f', 'lib/deep/util.ts')).toBe('export const x = 1;\n');
    expect((await store.get('f')).files).toEqual(['function.json', 'index.ts', 'lib/deep/util.ts']);
    expect((await readdir(join(layout.functions, 'f', 'lib', 'deep'))).filter((n) => n.includes('tmp'))).toEqual([]);
    expect(await codeOf(store.readFile('f', 'missing.ts'))).toBe('NOT_FOUND');
  });

  it('refuses paths that leave the function folder, including through a link', async () => {
    await store.create('f', 'node-ts');
    await store.create('other', 'node-ts');
    expect(await codeOf(store.readFile('f', '../other/index.ts'))).toBe('BAD_INPUT');
    expect(await codeOf(store.writeFile('f', '/etc/passwd', 'x'))).toBe('BAD_INPUT');
    expect(await codeOf(store.writeFile('f', 'a/../../other/index.ts', 'x'))).toBe('BAD_INPUT');
    await symlink(join(layout.functions, 'other'), join(layout.functions, 'f', 'link'));
    expect(await codeOf(store.writeFile('f', 'link/index.ts', 'overwritten'))).toBe('BAD_INPUT');
    expect(await readFile(join(layout.functions, 'other', 'index.ts'), 'utf8')).not.toBe('overwritten');
  });

  it('saves a config pretty-printed with a final newline', async () => {
    const created = await store.create('f', 'node-ts');
    const config = { ...created.config!, memorySize: 512, environment: { STAGE: 'dev' } };
    const saved = await store.saveConfig('f', config);
    expect(saved.config?.memorySize).toBe(512);
    const text = await readFile(join(layout.functions, 'f', 'function.json'), 'utf8');
    expect(text).toBe(`${JSON.stringify(config, null, 2)}\n`);
    expect(text).toContain('\n  "memorySize": 512,\n');
  });

  it('refuses an invalid config without touching the file', async () => {
    await store.create('f', 'node-ts');
    const before = await readFile(join(layout.functions, 'f', 'function.json'));
    const bad = { runtime: 'nodejs22.x', handler: 'index.handler', memorySize: 1, timeout: 3, environment: {}, runner: 'process' } as const;
    expect(await codeOf(store.saveConfig('f', bad))).toBe('INVALID_CONFIG');
    expect(await readFile(join(layout.functions, 'f', 'function.json'))).toEqual(before);
  });
});

describe('a broken function.json', () => {
  const malformed = '{\n  "runtime": "nodejs22.x",\n  "handler": "index.handler"\n  "timeout": 5\n}\n';
  const badField = '{ "runtime": "nodejs22.x", "handler": "index.handler", "memorySize": "lots" }\n';

  it('reports malformed JSON with its line, keeps the text and never changes the file', async () => {
    await store.create('f', 'node-ts');
    await writeFile(join(layout.functions, 'f', 'function.json'), malformed);
    const detail = await store.get('f');
    expect(detail.config).toBeNull();
    expect(detail.configText).toBe(malformed);
    expect(detail.configError).toMatch(/not valid JSON at line 4, column 3/);
    expect((await store.list())[0]?.configError).toMatch(/not valid JSON/);
    await store.writeFile('f', 'index.ts', 'export const handler = async () => 1;\n');
    expect(await readFile(join(layout.functions, 'f', 'function.json'), 'utf8')).toBe(malformed);
  });

  it('names the field that is wrong', async () => {
    await store.create('f', 'node-ts');
    await writeFile(join(layout.functions, 'f', 'function.json'), badField);
    const detail = await store.get('f');
    expect(detail.config).toBeNull();
    expect(detail.configError).toMatch(/memorySize: .*number/);
    expect(await readFile(join(layout.functions, 'f', 'function.json'), 'utf8')).toBe(badField);
  });

  it('reports a missing function.json', async () => {
    await store.create('f', 'node-ts');
    await rm(join(layout.functions, 'f', 'function.json'));
    const detail = await store.get('f');
    expect(detail).toMatchObject({ config: null, configText: '' });
    expect(detail.configError).toMatch(/missing/);
  });
});
