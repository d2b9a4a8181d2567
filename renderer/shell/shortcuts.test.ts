import { describe, expect, it } from 'vitest';
import { formatChord, matchesChord, shortcutFor, type KeyLike } from './shortcuts.ts';

const key = (k: string, mods: Partial<KeyLike> = {}): KeyLike => ({ key: k, ctrlKey: false, metaKey: false, shiftKey: false, altKey: false, ...mods });

describe('shortcuts', () => {
  it('matches Mod to Ctrl off macOS and Cmd on macOS', () => {
    expect(matchesChord(key('s', { ctrlKey: true }), 'Mod+S', false)).toBe(true);
    expect(matchesChord(key('s', { metaKey: true }), 'Mod+S', false)).toBe(false);
    expect(matchesChord(key('s', { metaKey: true }), 'Mod+S', true)).toBe(true);
    expect(matchesChord(key('S', { ctrlKey: true, shiftKey: true }), 'Mod+S', false)).toBe(false);
    expect(matchesChord(key('s'), 'Mod+S', false)).toBe(false);
  });

  it('formats chords the way each platform writes them', () => {
    expect(formatChord('Mod+S', false)).toBe('Ctrl+S');
    expect(formatChord('Mod+Shift+K', false)).toBe('Ctrl+Shift+K');
    expect(formatChord('Mod+S', true)).toBe('⌘S');
  });

  it('finds a shortcut by any of its chords: the palette answers Ctrl+K and Ctrl+Shift+P', () => {
    expect(shortcutFor(key('k', { ctrlKey: true }), false)).toBe('palette');
    expect(shortcutFor(key('P', { ctrlKey: true, shiftKey: true }), false)).toBe('palette');
    expect(shortcutFor(key('P', { metaKey: true, shiftKey: true }), true)).toBe('palette');
    expect(shortcutFor(key('b', { ctrlKey: true }), false)).toBe('toggleSidebar');
    expect(shortcutFor(key('Enter', { ctrlKey: true }), false)).toBe('invoke');
    expect(shortcutFor(key('p', { ctrlKey: true }), false)).toBeUndefined();
  });
});
