import { mkdir, mkdtemp, rm, utimes, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { folderFingerprint } from './function-sync.ts';

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'studio-print-'));
  await mkdir(join(dir, 'lib'));
  await writeFile(join(dir, 'index.ts'), 'a');
  await writeFile(join(dir, 'lib', 'util.ts'), 'b');
});
afterAll(() => rm(dir, { recursive: true, force: true }));

describe('folder fingerprint', () => {
  it('stays the same for an untouched folder and changes with any source edit', async () => {
    const first = await folderFingerprint(dir);
    expect(await folderFingerprint(dir)).toBe(first);
    await writeFile(join(dir, 'lib', 'util.ts'), 'bb');
    const edited = await folderFingerprint(dir);
    expect(edited).not.toBe(first);
    const later = new Date(Date.now() + 5_000);
    await utimes(join(dir, 'index.ts'), later, later);
    expect(await folderFingerprint(dir)).not.toBe(edited);
  });

  it('notices packages coming and going without walking them', async () => {
    const before = await folderFingerprint(dir);
    await mkdir(join(dir, 'node_modules', 'dep'), { recursive: true });
    const withModules = await folderFingerprint(dir);
    expect(withModules).not.toBe(before);
    await writeFile(join(dir, 'node_modules', 'dep', 'index.js'), 'x');
    expect(await folderFingerprint(dir)).toBe(withModules);
  });
});
