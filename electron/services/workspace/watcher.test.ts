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

const DEBOUNCE_MS = 200;
const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * Waits until exactly `expected` has been reported, then one more debounce window and a margin:
 * proving that no second burst follows (a temporary twin, an ignored file) takes a window of time.
 */
async function expectOnly(expected: WorkspaceChanged[]): Promise<void> {
  await expect.poll(() => changes, { timeout: 10_000 }).toEqual(expected);
  await pause(DEBOUNCE_MS * 2);
  expect(changes).toEqual(expected);
}

beforeEach(async () => {
  layout = await openWorkspace(await mkdtemp(join(tmpdir(), 'studio-watch-')));
  await mkdir(join(layout.functions, 'fn'), { recursive: true });
  changes = [];
  watcher = watchWorkspace(layout, (change) => changes.push(change), { debounceMs: DEBOUNCE_MS });
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
    await expectOnly([{ kind: 'add', path: 'functions/fn/index.ts', functionName: 'fn' }]);
  });

  it('reports an atomic save as a change of the file, never its temporary twin', async () => {
    await writeFile(join(layout.functions, 'fn', 'index.ts'), 'a');
    await expectOnly([{ kind: 'add', path: 'functions/fn/index.ts', functionName: 'fn' }]);
    changes = [];
    await writeFileAtomic(join(layout.functions, 'fn', 'index.ts'), 'b');
    await expect.poll(() => changes.length, { timeout: 10_000 }).toBeGreaterThan(0);
    await pause(DEBOUNCE_MS * 2); // a temporary twin would be reported by the end of this window
    expect(changes.map((c) => c.path)).toEqual(['functions/fn/index.ts']);
    expect(changes[0]?.kind).toMatch(/^(change|add)$/);
  });

  it('ignores the state folder and dependencies', async () => {
    await writeFile(join(layout.state, 'durable.db'), 'x');
    await mkdir(join(layout.functions, 'fn', 'node_modules', 'pkg'), { recursive: true });
    await writeFile(join(layout.functions, 'fn', 'node_modules', 'pkg', 'index.js'), 'x');
    await writeFile(join(layout.events, 'ping.json'), '{}');
    await expectOnly([{ kind: 'add', path: 'events/ping.json' }]);
  });

  it('reports workflow files, saved by the studio or edited outside it', async () => {
    await writeFileAtomic(join(layout.workflows, 'orders.workflow.json'), '{"blocks":[]}\n');
    await expectOnly([{ kind: 'add', path: 'workflows/orders.workflow.json' }]);
    changes = [];
    await writeFile(join(layout.workflows, 'orders.workflow.json'), '{"blocks":[],"edges":[]}\n');
    await expectOnly([{ kind: 'change', path: 'workflows/orders.workflow.json' }]);
  });

  it('reports nothing after it is closed', async () => {
    await watcher.close();
    await writeFile(join(layout.functions, 'fn', 'late.ts'), 'x');
    // Nothing being reported can only be shown over a window: several debounces.
    await pause(DEBOUNCE_MS * 3);
    expect(changes).toEqual([]);
  });
});
