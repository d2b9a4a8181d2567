import { mkdtemp, readdir, readFile, rm, stat, utimes, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { WorkflowGraphInput } from '../../../shared/workflow/schema.ts';
import { validateWorkflow } from '../../../shared/workflow/validate.ts';
import { openWorkspace, type WorkspaceLayout } from '../workspace/layout.ts';
import { createWorkflowStore, type WorkflowStore } from './workflow-store.ts';

let layout: WorkspaceLayout;
let store: WorkflowStore;

const fileOf = (name: string) => join(layout.workflows, `${name}.workflow.json`);

beforeEach(async () => {
  layout = await openWorkspace(await mkdtemp(join(tmpdir(), 'studio-workflows-')));
  store = createWorkflowStore(layout);
});

afterEach(() => rm(layout.root, { recursive: true, force: true }));

const twoBlocks: WorkflowGraphInput = {
  description: 'Doubles',
  blocks: [
    { id: 'input', type: 'input', position: { x: 0, y: 0 }, sample: { n: 2 } },
    { id: 'double', type: 'transform', position: { x: 0, y: 100 }, expression: 'data.n * 2' },
    { id: 'output', type: 'output', position: { x: 0, y: 200 } },
  ],
  edges: [
    { id: 'a', source: 'input', target: 'double' },
    { id: 'b', source: 'double', target: 'output' },
  ],
};

describe('workflow store', () => {
  it('creates a starter workflow that can run, and refuses a name that is taken', async () => {
    const created = await store.create('orders');
    expect(created.fileError).toBeUndefined();
    expect(created.graph?.blocks.map((b) => `${b.id}:${b.type}`)).toEqual(['input:input', 'output:output']);
    expect(created.graph?.edges).toEqual([{ id: 'input-output', source: 'input', target: 'output' }]);
    expect(validateWorkflow(created.graph ?? { version: 1, blocks: [], edges: [] })).toEqual([]);
    expect(created.text).toBe(await readFile(fileOf('orders'), 'utf8'));
    await expect(store.create('orders')).rejects.toMatchObject({ code: 'CONFLICT' });
    await expect(store.create('../x')).rejects.toMatchObject({ code: 'BAD_INPUT' });
  });

  it('saves with stable key order and writes nothing when the bytes are the same', async () => {
    const saved = await store.save('double', twoBlocks);
    expect(saved.graph?.blocks).toHaveLength(3);
    expect(saved.text.startsWith('{\n  "version": 1,\n  "description": "Doubles",\n  "blocks": [\n    {\n      "id": "input",\n      "type": "input",')).toBe(true);
    expect(saved.text.endsWith('}\n')).toBe(true);
    // An old modification time shows whether the file was written again.
    await utimes(fileOf('double'), 1_000, 1_000);
    const again = await store.save('double', JSON.parse(saved.text) as WorkflowGraphInput);
    expect(again.text).toBe(saved.text);
    expect((await stat(fileOf('double'))).mtimeMs).toBe(1_000_000);
  });

  it('lists workflows with their block counts, broken files with what is wrong', async () => {
    await store.save('double', twoBlocks);
    await store.create('empty');
    await writeFile(fileOf('broken'), '{ "blocks": [ }');
    await writeFile(fileOf('misfit'), JSON.stringify({ blocks: [{ id: 'x', type: 'lambda', position: { x: 0, y: 0 }, function: 1 }] }));
    await writeFile(join(layout.workflows, 'notes.txt'), 'not a workflow');
    await writeFile(join(layout.workflows, 'bad name.workflow.json'), '{}');
    const list = await store.list();
    expect(list.map((w) => w.name)).toEqual(['broken', 'double', 'empty', 'misfit']);
    expect(list[1]).toEqual({ name: 'double', description: 'Doubles', blockCount: 3 });
    expect(list[2]).toEqual({ name: 'empty', blockCount: 2 });
    expect(list[0]?.fileError).toMatch(/not valid JSON at line 1, column 15/);
    expect(list[3]?.fileError).toMatch(/blocks\.0\.function: /);
  });

  it('reads a broken file as it is, never rewriting it, until a new graph is saved', async () => {
    const text = '{\n  "blocks": [\n    { "id": "l", "type": "lambda", "position": { "x": 0, "y": 0 }, "function": 7 }\n  ]\n}\n';
    await writeFile(fileOf('broken'), text);
    const detail = await store.get('broken');
    expect(detail).toMatchObject({ name: 'broken', graph: null, text });
    expect(detail.fileError).toMatch(/blocks\.0\.function: /);

    const renamed = await store.rename('broken', 'still-broken');
    expect(renamed.text).toBe(text);
    const copy = await store.duplicate('still-broken', 'copy');
    expect(copy.text).toBe(text);
    expect(await readFile(fileOf('still-broken'), 'utf8')).toBe(text);

    const fixed = await store.save('still-broken', twoBlocks);
    expect(fixed.fileError).toBeUndefined();
    expect(fixed.graph?.blocks).toHaveLength(3);
  });

  it('refuses a graph outside the schema without touching the file', async () => {
    await store.save('double', twoBlocks);
    const bad = { blocks: [{ id: '1abc', type: 'input', position: { x: 0, y: 0 } }] } as WorkflowGraphInput;
    await expect(store.save('double', bad)).rejects.toMatchObject({ code: 'INVALID_CONFIG' });
    expect((await store.get('double')).graph?.blocks).toHaveLength(3);
  });

  it('renames and duplicates, refusing names that are taken or missing', async () => {
    await store.create('a');
    await store.create('b');
    await expect(store.rename('a', 'b')).rejects.toMatchObject({ code: 'CONFLICT' });
    await expect(store.duplicate('a', 'b')).rejects.toMatchObject({ code: 'CONFLICT' });
    await expect(store.rename('ghost', 'c')).rejects.toMatchObject({ code: 'NOT_FOUND' });
    await expect(store.get('ghost')).rejects.toMatchObject({ code: 'NOT_FOUND' });
    expect((await store.rename('a', 'c')).name).toBe('c');
    expect((await store.duplicate('c', 'd')).graph?.blocks).toHaveLength(2);
    expect((await store.list()).map((w) => w.name)).toEqual(['b', 'c', 'd']);
    expect(await store.exists('a')).toBe(false);
  });

  it('moves a deleted workflow to the trash', async () => {
    await store.save('double', twoBlocks);
    await store.remove('double');
    expect(await store.exists('double')).toBe(false);
    const trashed = await readdir(layout.trash);
    expect(trashed).toHaveLength(1);
    expect(trashed[0]).toMatch(/^double-.*\.workflow\.json$/);
    expect(await readFile(join(layout.trash, trashed[0] ?? ''), 'utf8')).toContain('"Doubles"');
    await expect(store.remove('double')).rejects.toMatchObject({ code: 'NOT_FOUND' });
  });
});
