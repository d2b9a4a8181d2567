import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { WorkspaceChanged } from '../../../shared/contract/events.ts';
import { writeFileAtomic } from './atomic-write.ts';
import { openWorkspace, type WorkspaceLayout } from './layout.ts';
import { watchWorkspace, type WorkspaceWatcher } from './watcher.ts';

let layout: WorkspaceLayout;
let watcher: WorkspaceWatcher;
let changes: WorkspaceChanged[];

const settle = (ms = 700) => new Promise((resolve) => setTimeout(resolve, ms));

beforeEach(async () => {
  layout = await openWorkspace(await mkdtemp(join(tmpdir(), 'studio-watch-')));
  await mkdir(join(layout.functions, 'fn'), { recursive: true });
  changes = [];
  watcher = watchWorkspace(layout, (change) => changes.push(change), { debounceMs: 200 });
  await watcher.ready;
});

afterEach(async () => {
  await watcher.close();
  await rm(layout.root, { recursive: true, force: true });
});

describe('workspace watcher', () => {
  it('reports an outside edit once, with the function it belongs to', async () => {
    await writeFile(join(layout.functions, 'fn', 'index.ts'), 'a');
    await writeFile(join(layout.functions, 'fn', 'index.ts'), 'ab');
    await settle();
    expect(changes).toEqual([{ kind: 'add', path: 'functions/fn/index.ts', functionName: 'fn' }]);
  });

  it('reports an atomic save as a change of the file, never its temporary twin', async () => {
    await writeFile(join(layout.functions, 'fn', 'index.ts'), 'a');
    await settle();
    changes = [];
    await writeFileAtomic(join(layout.functions, 'fn', 'index.ts'), 'b');
    await settle();
    expect(changes.map((c) => c.path)).toEqual(['functions/fn/index.ts']);
    expect(changes[0]?.kind).toMatch(/^(change|add)$/);
  });

  it('ignores the state folder and dependencies', async () => {
    await writeFile(join(layout.state, 'durable.db'), 'x');
    await mkdir(join(layout.functions, 'fn', 'node_modules', 'pkg'), { recursive: true });
    await writeFile(join(layout.functions, 'fn', 'node_modules', 'pkg', 'index.js'), 'x');
    await writeFile(join(layout.events, 'ping.json'), '{}');
    await settle();
    expect(changes).toEqual([{ kind: 'add', path: 'events/ping.json' }]);
  });

  it('reports workflow files, saved by the studio or edited outside it', async () => {
    await writeFileAtomic(join(layout.workflows, 'orders.workflow.json'), '{"blocks":[]}\n');
    await settle();
    expect(changes).toEqual([{ kind: 'add', path: 'workflows/orders.workflow.json' }]);
    changes = [];
    await writeFile(join(layout.workflows, 'orders.workflow.json'), '{"blocks":[],"edges":[]}\n');
    await settle();
    expect(changes).toEqual([{ kind: 'change', path: 'workflows/orders.workflow.json' }]);
  });

  it('reports nothing after it is closed', async () => {
    await watcher.close();
    await writeFile(join(layout.functions, 'fn', 'late.ts'), 'x');
    await settle();
    expect(changes).toEqual([]);
  });
});
