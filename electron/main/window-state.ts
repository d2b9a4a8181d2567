import { readFile } from 'node:fs/promises';
import { z } from 'zod';
import { writeFileAtomic } from '../services/workspace/atomic-write.ts';

/** Where the window was and how big, remembered between runs (per machine, not per workspace). */
export const WindowState = z.object({
  x: z.number().int().optional(),
  y: z.number().int().optional(),
  width: z.number().int().min(400).max(20_000),
  height: z.number().int().min(300).max(20_000),
  maximized: z.boolean().default(false),
});
export type WindowState = z.infer<typeof WindowState>;

export const DEFAULT_WINDOW_STATE: WindowState = { width: 1400, height: 900, maximized: false };

/** A rectangle of a display's work area. */
export interface Area {
  x: number;
  y: number;
  width: number;
  height: number;
}

/** Reads the saved state; a missing or damaged file gives the defaults. */
export async function loadWindowState(file: string): Promise<WindowState> {
  try {
    const parsed = WindowState.safeParse(JSON.parse(await readFile(file, 'utf8')));
    return parsed.success ? parsed.data : DEFAULT_WINDOW_STATE;
  } catch {
    return DEFAULT_WINDOW_STATE;
  }
}

/** Saves the state atomically, so a crash while saving never leaves a broken file. */
export async function saveWindowState(file: string, state: WindowState): Promise<void> {
  await writeFileAtomic(file, `${JSON.stringify(state, null, 2)}\n`);
}

/**
 * Keeps a remembered position only if the window would still be reachable: a monitor that
 * was unplugged since must not leave the window off-screen.
 */
export function fitToDisplays(state: WindowState, workAreas: readonly Area[]): WindowState {
  const largest = workAreas.reduce<Area | undefined>((best, area) => (best === undefined || area.width * area.height > best.width * best.height ? area : best), undefined);
  const width = largest === undefined ? state.width : Math.min(state.width, largest.width);
  const height = largest === undefined ? state.height : Math.min(state.height, largest.height);
  if (state.x === undefined || state.y === undefined) return { ...state, width, height, x: undefined, y: undefined };
  const { x, y } = state;
  // Visible enough: the title bar's top-left 100×40 lies on some display.
  const visible = workAreas.some((area) => x + 100 > area.x && x < area.x + area.width && y >= area.y && y + 40 < area.y + area.height);
  return visible ? { ...state, width, height } : { ...state, width, height, x: undefined, y: undefined };
}
