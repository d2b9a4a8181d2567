import { mkdir, mkdtemp, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { pruneBundles } from './swap-bundle.ts';

const root = await mkdtemp(join(tmpdir(), 'swap-bundle-'));
afterAll(async () => {
  await rm(root, { recursive: true, force: true });
});

const stamp = (ms: number, tail: string) => `${ms.toString(36).padStart(9, '0')}-${tail}`;

describe('pruneBundles', () => {
  it('keeps the newest two and any bundle replaced too recently for its invocations to have ended', async () => {
    const now = 2_000_000_000_000;
    const keepMs = 60_000;
    const names = [
      stamp(now - 500_000, 'aaaaaa'), // replaced 100 s ago (by the next one): removed
      stamp(now - 100_000, 'bbbbbb'), // replaced 30 s ago: still kept
      stamp(now - 30_000, 'cccccc'),
      stamp(now - 1_000, 'dddddd'),
      `${stamp(now - 3_600_000, 'eeeeee')}.partial`, // left by a killed build: removed
      `${stamp(now - 1_000, 'ffffff')}.partial`, // a build in flight: kept
      'legacy', // not ours to judge
    ];
    for (const name of names) await mkdir(join(root, name));
    await pruneBundles(root, keepMs, now);
    expect((await readdir(root)).sort()).toEqual([names[1], names[2], names[3], names[5], 'legacy'].sort());
  });
});
