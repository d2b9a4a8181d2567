import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createTargetStore, defaultConfigDir } from './target-store.ts';

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'target-store-'));
});
afterEach(() => rm(dir, { recursive: true, force: true }));

describe('target store', () => {
  it('finds its folder from LAMBDA_STUDIO_CONFIG_DIR, then XDG_CONFIG_HOME, then ~/.config', () => {
    expect(defaultConfigDir({ LAMBDA_STUDIO_CONFIG_DIR: '/x/studio', XDG_CONFIG_HOME: '/y' })).toBe('/x/studio');
    expect(defaultConfigDir({ XDG_CONFIG_HOME: '/y' })).toBe(join('/y', 'lambda-studio'));
    expect(defaultConfigDir({})).toMatch(/\.config[/\\]lambda-studio$/);
  });

  it('adds, replaces by name, lists by name and removes; the file holds no more than it was given', async () => {
    const store = createTargetStore(dir);
    expect(await store.list()).toEqual([]);
    await store.save({ name: 'prod', profile: 'p', region: 'eu-west-1' });
    await store.save({ name: 'dev', profile: 'd', region: 'us-east-1', endpoint: 'http://localhost:4566' });
    await store.save({ name: 'prod', profile: 'p2', region: 'eu-central-1' });
    expect((await store.list()).map((t) => [t.id, t.profile, t.region])).toEqual([
      ['dev', 'd', 'us-east-1'],
      ['prod', 'p2', 'eu-central-1'],
    ]);
    expect(JSON.parse(await readFile(join(dir, 'targets.json'), 'utf8'))).toEqual({
      version: 1,
      targets: [
        { name: 'dev', profile: 'd', region: 'us-east-1', endpoint: 'http://localhost:4566' },
        { name: 'prod', profile: 'p2', region: 'eu-central-1' },
      ],
    });
    expect(await store.remove('dev')).toBe(true);
    expect(await store.remove('dev')).toBe(false);
    expect(await store.get('prod')).toMatchObject({ kind: 'aws', name: 'prod' });
  });

  it('refuses the name local and a broken file, saying which file', async () => {
    const store = createTargetStore(dir);
    await expect(store.save({ name: 'local', profile: 'p', region: 'eu-west-1' })).rejects.toThrow();
    await writeFile(join(dir, 'targets.json'), '{"version":1,"targets":[{"name":"x"}]}');
    await expect(store.list()).rejects.toMatchObject({ code: 'INVALID_CONFIG', message: expect.stringContaining('targets.json') });
  });
});
