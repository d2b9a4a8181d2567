import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createWorkflowRunIndex } from './run-index.ts';

let dir: string;

beforeEach(async () => {
  dir = join(await mkdtemp(join(tmpdir(), 'studio-run-index-')), 'workflow-runs');
});

afterEach(() => rm(join(dir, '..'), { recursive: true, force: true }));

const run = (n: number) => ({ executionArn: `arn:${n}`, executionName: `wf-${n}`, startedMs: n });

describe('workflow run index', () => {
  it('keeps the newest runs first, up to its bound, across instances', async () => {
    const index = createWorkflowRunIndex(dir, { keep: 3 });
    await Promise.all([1, 2, 3, 4].map((n) => index.add('orders', run(n))));
    expect((await index.list('orders')).map((r) => r.startedMs)).toEqual([4, 3, 2]);
    expect((await createWorkflowRunIndex(dir).list('orders')).map((r) => r.executionName)).toEqual(['wf-4', 'wf-3', 'wf-2']);
    expect(await index.list('other')).toEqual([]);
  });

  it('carries runs over on rename and drops them on delete', async () => {
    const index = createWorkflowRunIndex(dir);
    await index.add('a', run(1));
    await index.add('b', run(2));
    await index.rename('a', 'c');
    expect(await index.list('a')).toEqual([]);
    expect(await index.list('c')).toEqual([run(1)]);
    // A name with no runs of its own takes none from an earlier workflow of the new name.
    await index.rename('a', 'b');
    expect(await index.list('b')).toEqual([]);
    await index.remove('c');
    expect(await index.list('c')).toEqual([]);
  });

  it('starts over from a damaged file', async () => {
    const logged: string[] = [];
    const index = createWorkflowRunIndex(dir, { log: (line) => logged.push(line) });
    await index.add('a', run(1));
    await writeFile(join(dir, 'a.json'), '{"runs": [');
    expect(await index.list('a')).toEqual([]);
    await index.add('a', run(2));
    expect(JSON.parse(await readFile(join(dir, 'a.json'), 'utf8'))).toEqual({ runs: [run(2)] });
    expect(logged[0]).toContain('"a"');
  });
});
