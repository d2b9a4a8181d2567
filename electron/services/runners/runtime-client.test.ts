import { existsSync } from 'node:fs';
import { mkdtemp, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { defaultDataDir, ensureRuntimeClient, runtimeClientDir, runtimeClientInstalled } from './runtime-client.ts';

describe('the runtime client in the data folder', () => {
  let dir: string;
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'ric-'));
  });
  afterAll(() => rm(dir, { recursive: true, force: true }));

  it('lives in LAMBDA_STUDIO_DATA_DIR, else under XDG_DATA_HOME, else ~/.local/share', () => {
    expect(defaultDataDir({ LAMBDA_STUDIO_DATA_DIR: '/data/studio', XDG_DATA_HOME: '/xdg' })).toBe('/data/studio');
    expect(defaultDataDir({ XDG_DATA_HOME: '/xdg' })).toBe('/xdg/lambda-studio');
    expect(defaultDataDir({})).toMatch(/\/\.local\/share\/lambda-studio$/);
    expect(runtimeClientDir('/d')).toMatch(/^\/d\/aws-lambda-ric-\d+\.\d+\.\d+\/node_modules\/aws-lambda-ric$/);
  });

  it('says what is missing when npm cannot be run, and leaves nothing that looks installed', async () => {
    const lines: string[] = [];
    const failure = await ensureRuntimeClient(dir, (line) => lines.push(line), { PATH: join(dir, 'no-such-bin') }).then(() => undefined, (error: unknown) => error as Error);
    expect(failure?.message).toMatch(/npm is needed to install aws-lambda-ric for the local base image/);
    expect(lines[0]).toMatch(/^Installing aws-lambda-ric@/);
    expect(runtimeClientInstalled(dir)).toBe(false);
    // The half-made folder is gone too.
    expect(existsSync(dir) ? await readdir(dir) : []).toEqual([]);
  });
});
