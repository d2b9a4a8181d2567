import { mkdtempSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { localBaseRecipeHash } from './base-image-recipe.ts';

describe('localBaseRecipeHash', () => {
  let dir: string;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'recipe-test-'));
    mkdirSync(join(dir, 'node'));
    mkdirSync(join(dir, 'python'));
    writeFileSync(join(dir, 'node', 'bootstrap.mjs'), 'one');
    writeFileSync(join(dir, 'node', 'runtime-client.mjs'), 'two');
    writeFileSync(join(dir, 'python', 'bootstrap.py'), 'three');
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('is stable while nothing changes and differs between the two images', () => {
    const node = localBaseRecipeHash(dir, 'nodejs');
    expect(localBaseRecipeHash(dir, 'nodejs')).toBe(node);
    expect(localBaseRecipeHash(dir, 'python')).not.toBe(node);
  });

  it('changes when a bootstrap file of its image changes, is added or renamed, and only then', () => {
    const node = localBaseRecipeHash(dir, 'nodejs');
    const python = localBaseRecipeHash(dir, 'python');
    writeFileSync(join(dir, 'node', 'bootstrap.mjs'), 'one, released between requests');
    const edited = localBaseRecipeHash(dir, 'nodejs');
    expect(edited).not.toBe(node);
    expect(localBaseRecipeHash(dir, 'python')).toBe(python);
    writeFileSync(join(dir, 'node', 'extra.mjs'), '');
    expect(localBaseRecipeHash(dir, 'nodejs')).not.toBe(edited);
    rmSync(join(dir, 'node', 'extra.mjs'));
    expect(localBaseRecipeHash(dir, 'nodejs')).toBe(edited);
  });

  it('hashes the studio\'s real bootstrap files', () => {
    expect(localBaseRecipeHash(join(import.meta.dirname, '..', '..', '..', 'resources', 'bootstrap'), 'nodejs')).toMatch(/^[0-9a-f]{16}$/);
  });
});
