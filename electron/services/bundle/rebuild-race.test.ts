import { mkdir, mkdtemp, rm, utimes, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FunctionConfig } from '../../../shared/workspace/function-config.ts';
import { startTestService, type TestService } from '../lambda/test-support.ts';

/**
 * Invocations that start while their function is bundled again must still find a whole
 * bundle: the previous one until the new one is complete, then the new one.
 */
let t: TestService;
let workspace: string;
beforeAll(async () => {
  t = await startTestService();
  workspace = await mkdtemp(join(tmpdir(), 'rebuild-race-'));
});
afterAll(async () => {
  await t.close();
  await rm(workspace, { recursive: true, force: true });
});

describe('rebuilding while invoked', () => {
  it('never fails to load the handler while the function is rebuilt over and over', async () => {
    const dir = join(workspace, 'functions', 'busy');
    await mkdir(dir, { recursive: true });
    const source = join(dir, 'index.ts');
    await writeFile(source, `export const handler = async (event: { n: number }) => ({ n: event.n });\n`);
    const config = FunctionConfig.parse({ runtime: 'nodejs22.x', handler: 'index.handler' });
    await t.service.syncWorkspaceFunction({ name: 'busy', dir, config });

    let rebuilding = true;
    const rebuilds = (async () => {
      for (let i = 0; rebuilding; i++) {
        // A save: the source changes, and the sync bundles it again (and retires warm sandboxes).
        const when = new Date(Date.now() + i);
        await utimes(source, when, when);
        await t.service.syncWorkspaceFunction({ name: 'busy', dir, config });
      }
    })();
    const failures: string[] = [];
    for (let round = 0; round < 8; round++) {
      const results = await Promise.all(Array.from({ length: 6 }, (_, k) => t.service.invoke({ functionName: 'busy', payload: JSON.stringify({ n: round * 6 + k }) })));
      for (const result of results) if (result.errorType !== undefined) failures.push(result.payload.toString().slice(0, 200));
    }
    rebuilding = false;
    await rebuilds;
    expect(failures).toEqual([]);
  }, 20_000);
});
