import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_WINDOW_STATE, fitToDisplays, loadWindowState, saveWindowState } from './window-state.ts';

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'studio-window-'));
});
afterAll(() => rm(dir, { recursive: true, force: true }));

describe('window state', () => {
  it('round-trips through its file', async () => {
    const file = join(dir, 'nested', 'window-state.json');
    await saveWindowState(file, { x: 10, y: 20, width: 1200, height: 800, maximized: true });
    expect(await loadWindowState(file)).toEqual({ x: 10, y: 20, width: 1200, height: 800, maximized: true });
    expect(await readFile(file, 'utf8')).toMatch(/\n$/);
  });

  it('falls back to defaults for a missing or damaged file', async () => {
    expect(await loadWindowState(join(dir, 'none.json'))).toEqual(DEFAULT_WINDOW_STATE);
    await writeFile(join(dir, 'bad.json'), '{"width": "wide"');
    expect(await loadWindowState(join(dir, 'bad.json'))).toEqual(DEFAULT_WINDOW_STATE);
  });

  it('forgets a position on a display that is gone and shrinks to fit', () => {
    const display = { x: 0, y: 0, width: 1280, height: 720 };
    expect(fitToDisplays({ x: 3000, y: 100, width: 1400, height: 900, maximized: false }, [display])).toEqual({
      x: undefined,
      y: undefined,
      width: 1280,
      height: 720,
      maximized: false,
    });
    expect(fitToDisplays({ x: 50, y: 60, width: 800, height: 600, maximized: false }, [display])).toMatchObject({ x: 50, y: 60 });
  });
});
