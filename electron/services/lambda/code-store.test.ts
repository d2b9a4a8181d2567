import { mkdtemp, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { crc32, deflateRawSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LambdaApiError } from './api-types.ts';
import { MAX_UNZIPPED_BYTES, storeZip } from './code-store.ts';
import { zipOf } from './test-support.ts';

let stateDir: string;
beforeAll(async () => {
  stateDir = await mkdtemp(join(tmpdir(), 'code-store-'));
});
afterAll(() => rm(stateDir, { recursive: true, force: true }));

interface Entry {
  name: string;
  /** Offset of the local header the entry's data follows. */
  offset: number;
  crc: number;
  compressedSize: number;
  size: number;
}

/**
 * A zip whose central directory lists `entries` over the local files in `locals` (several entries
 * may share one: the overlapping kind of zip bomb, a few kilobytes declaring gigabytes).
 */
function zipWith(locals: Buffer, entries: Entry[]): Buffer {
  const directory = entries.map((entry) => {
    const name = Buffer.from(entry.name);
    const header = Buffer.alloc(46);
    header.writeUInt32LE(0x02014b50, 0);
    header.writeUInt16LE(20, 4);
    header.writeUInt16LE(20, 6);
    header.writeUInt16LE(8, 10);
    header.writeUInt32LE(entry.crc, 16);
    header.writeUInt32LE(entry.compressedSize, 20);
    header.writeUInt32LE(entry.size, 24);
    header.writeUInt16LE(name.length, 28);
    header.writeUInt32LE(entry.offset, 42);
    return Buffer.concat([header, name]);
  });
  const central = Buffer.concat(directory);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(entries.length, 8);
  end.writeUInt16LE(entries.length, 10);
  end.writeUInt32LE(central.length, 12);
  end.writeUInt32LE(locals.length, 16);
  return Buffer.concat([locals, central, end]);
}

function localFile(name: string, compressed: Buffer, crc: number, size: number): Buffer {
  const header = Buffer.alloc(30);
  header.writeUInt32LE(0x04034b50, 0);
  header.writeUInt16LE(20, 4);
  header.writeUInt16LE(8, 8);
  header.writeUInt32LE(crc, 14);
  header.writeUInt32LE(compressed.length, 18);
  header.writeUInt32LE(size, 22);
  header.writeUInt16LE(Buffer.from(name).length, 26);
  return Buffer.concat([header, Buffer.from(name), compressed]);
}

async function refusal(zip: Buffer): Promise<LambdaApiError> {
  const error = await storeZip(stateDir, 'bomb', zip.toString('base64')).then(() => undefined, (e: unknown) => e);
  expect(error).toBeInstanceOf(LambdaApiError);
  return error as LambdaApiError;
}

describe('storing a deployment package', () => {
  it('unpacks an ordinary zip into the task root', async () => {
    const stored = await storeZip(stateDir, 'ok', Buffer.from(zipOf({ 'index.mjs': 'export const handler = async () => 1;', 'lib/a.js': 'x' })).toString('base64'));
    expect((await readdir(stored.codeDir, { recursive: true })).sort()).toEqual(['index.mjs', 'lib', 'lib/a.js']);
  });

  it('refuses a zip bomb by the sizes its entries declare, before inflating any of them', async () => {
    // 20 MB of zeros deflate to about 20 KB; thirteen entries over that one file declare 260 MB.
    const zeros = Buffer.alloc(20 * 1024 * 1024);
    const compressed = deflateRawSync(zeros, { level: 9 });
    const crc = crc32(zeros);
    const local = localFile('a', compressed, crc, zeros.length);
    const entries = Array.from({ length: 13 }, (_, i) => ({ name: `part-${i}`, offset: 0, crc, compressedSize: compressed.length, size: zeros.length }));
    expect(entries.length * zeros.length).toBeGreaterThan(MAX_UNZIPPED_BYTES);
    const error = await refusal(zipWith(local, entries));
    expect(error.status).toBe(400);
    expect(error.type).toBe('InvalidParameterValueException');
    expect(error.message).toMatch(/Unzipped size must be smaller than/);
  });

  it('decides on the declared sizes alone: entries whose data would not even inflate are refused for their size', async () => {
    // Had anything been inflated, this would fail as a zip that cannot be unpacked.
    const garbage = Buffer.from([0xff, 0xff, 0xff, 0xff]);
    const local = localFile('a', garbage, 0, 0x7fffffff);
    const error = await refusal(zipWith(local, [{ name: 'a', offset: 0, crc: 0, compressedSize: garbage.length, size: 0x7fffffff }]));
    expect(error.message).toMatch(/Unzipped size must be smaller than/);
  });
});
