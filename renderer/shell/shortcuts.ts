/** A key chord written as `Mod+Shift+K`; `Mod` is Cmd on macOS and Ctrl elsewhere. */
export type Chord = string;

export interface KeyLike {
  key: string;
  ctrlKey: boolean;
  metaKey: boolean;
  shiftKey: boolean;
  altKey: boolean;
}

export function isMac(platform: string): boolean {
  return /mac|iphone|ipad/i.test(platform);
}

interface ParsedChord {
  mod: boolean;
  shift: boolean;
  alt: boolean;
  key: string;
}

function parse(chord: Chord): ParsedChord {
  const parts = chord.split('+');
  const key = (parts.pop() ?? '').toLowerCase();
  return { mod: parts.includes('Mod'), shift: parts.includes('Shift'), alt: parts.includes('Alt'), key };
}

/** Whether a keyboard event is exactly this chord (extra modifiers do not match). */
export function matchesChord(event: KeyLike, chord: Chord, mac: boolean): boolean {
  const want = parse(chord);
  const mod = mac ? event.metaKey : event.ctrlKey;
  const otherMod = mac ? event.ctrlKey : event.metaKey;
  return mod === want.mod && !otherMod && event.shiftKey === want.shift && event.altKey === want.alt && event.key.toLowerCase() === want.key;
}

/** How a chord is shown in tooltips and menus: `⌘S` on macOS, `Ctrl+S` elsewhere. */
export function formatChord(chord: Chord, mac: boolean): string {
  const { mod, shift, alt, key } = parse(chord);
  const label = key.length === 1 ? key.toUpperCase() : key[0]?.toUpperCase() + key.slice(1);
  if (mac) return `${mod ? '⌘' : ''}${alt ? '⌥' : ''}${shift ? '⇧' : ''}${label}`;
  return [mod ? 'Ctrl' : '', alt ? 'Alt' : '', shift ? 'Shift' : '', label].filter(Boolean).join('+');
}

/** The studio's shortcuts, in one place so menus, tooltips and handlers agree. */
export const SHORTCUTS = {
  save: 'Mod+S',
  newFunction: 'Mod+N',
  palette: 'Mod+K',
  togglePanel: 'Mod+J',
} as const satisfies Record<string, Chord>;
export type ShortcutId = keyof typeof SHORTCUTS;

const mac = typeof navigator !== 'undefined' && isMac(navigator.platform);

/** The label of a studio shortcut on this machine. */
export function shortcutLabel(id: ShortcutId): string {
  return formatChord(SHORTCUTS[id], mac);
}

/** The shortcut a keyboard event triggers on this machine, if any. */
export function shortcutFor(event: KeyLike): ShortcutId | undefined {
  return (Object.keys(SHORTCUTS) as ShortcutId[]).find((id) => matchesChord(event, SHORTCUTS[id], mac));
}
