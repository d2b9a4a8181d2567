import { beforeEach, describe, expect, it } from 'vitest';
import { createApi, type Transport } from '../../shared/contract/client.ts';
import type { WorkflowGraph } from '../../shared/workflow/schema.ts';
import { setApi } from '../api/api.ts';
import { flushSave, reloadFromDisk, resetAutosave } from './autosave.ts';
import { canonicalJson } from './canonical-json.ts';
import { addBlock } from './graph-ops.ts';
import { loadWorkflow, redo, undo, useGraph } from './graph-store.ts';

const start: WorkflowGraph = {
  version: 1,
  blocks: [
    { id: 'input', type: 'input', position: { x: 0, y: 0 } },
    { id: 'output', type: 'output', position: { x: 0, y: 120 } },
  ],
  edges: [{ id: 'input->output', source: 'input', target: 'output' }],
};

/** A host with one workflow file whose text the test can change, as an editor outside would. */
let file = { text: JSON.stringify(start), graph: start as WorkflowGraph | null, error: undefined as string | undefined };
let saves: WorkflowGraph[] = [];

const host: Transport = {
  async invoke(method, input) {
    const detail = () => ({ name: 'orders', graph: file.graph, text: file.text, ...(file.error === undefined ? {} : { fileError: file.error }) });
    if (method === 'workflows.get') return { ok: true, value: detail() };
    if (method === 'workflows.save') {
      const { graph } = input as { graph: WorkflowGraph };
      saves.push(graph);
      file = { text: JSON.stringify(graph), graph, error: undefined };
      return { ok: true, value: detail() };
    }
    return { ok: false, error: { code: 'UNKNOWN_METHOD', message: method } };
  },
  subscribe: () => () => undefined,
};

beforeEach(async () => {
  setApi(createApi(host));
  file = { text: JSON.stringify(start), graph: start, error: undefined };
  saves = [];
  resetAutosave();
  await loadWorkflow('orders');
});

const edit = () => useGraph.getState().edit((g) => addBlock(g, 'wait', { x: 0, y: 60 }).graph);

describe('saving the open workflow', () => {
  it('opens saved, marks an edit unsaved, and writes it once', async () => {
    expect(useGraph.getState()).toMatchObject({ name: 'orders', save: 'saved', broken: null });
    edit();
    expect(useGraph.getState().save).toBe('pending');
    await flushSave();
    expect(useGraph.getState().save).toBe('saved');
    expect(saves).toHaveLength(1);
    expect(saves[0]?.blocks.map((b) => b.id)).toEqual(['input', 'output', 'wait']);
    await flushSave();
    expect(saves).toHaveLength(1);
  });

  it('undoes and redoes edits, and an undo back to the saved graph needs no second write', async () => {
    edit();
    undo();
    expect(useGraph.getState().graph?.blocks).toHaveLength(2);
    redo();
    expect(useGraph.getState().graph?.blocks).toHaveLength(3);
    // Selecting is not an edit: no undo step.
    useGraph.getState().select(['wait']);
    undo();
    expect(useGraph.getState().graph?.blocks).toHaveLength(2);
  });

  it('ignores the file event of its own save, and takes a change made outside', async () => {
    edit();
    await flushSave();
    const before = useGraph.getState().graph;
    await reloadFromDisk('orders');
    expect(useGraph.getState().graph).toBe(before);

    const outside = { ...start, description: 'edited by hand' };
    file = { text: JSON.stringify(outside), graph: outside, error: undefined };
    await reloadFromDisk('orders');
    expect(useGraph.getState().graph?.description).toBe('edited by hand');
    expect(useGraph.getState().save).toBe('saved');
    // Taking the file's content is not an edit: nothing to undo, nothing to write.
    expect(useGraph.temporal.getState().pastStates).toHaveLength(0);
  });

  it('keeps edits that are about to be written over a change on disk', async () => {
    edit();
    const outside = { ...start, description: 'edited by hand' };
    file = { text: JSON.stringify(outside), graph: outside, error: undefined };
    await reloadFromDisk('orders');
    expect(useGraph.getState().graph?.blocks).toHaveLength(3);
  });

  it('shows a broken file read-only and never writes it, until it is fixed', async () => {
    file = { text: '{ "blocks": [', graph: null, error: 'The file is not valid JSON at line 1, column 13' };
    await reloadFromDisk('orders');
    expect(useGraph.getState()).toMatchObject({ graph: null, broken: { error: 'The file is not valid JSON at line 1, column 13', text: '{ "blocks": [' } });
    edit();
    await flushSave();
    expect(saves).toHaveLength(0);

    file = { text: JSON.stringify(start), graph: start, error: undefined };
    await reloadFromDisk('orders');
    expect(useGraph.getState().broken).toBeNull();
    expect(canonicalJson(useGraph.getState().graph)).toBe(canonicalJson(start));
  });
});
