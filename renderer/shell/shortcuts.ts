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

const KEY_LABELS: Record<string, string> = { arrowleft: '←', arrowright: '→', arrowup: '↑', arrowdown: '↓' };

/** How a chord is shown in tooltips and menus: `⌘S` on macOS, `Ctrl+S` elsewhere. */
export function formatChord(chord: Chord, mac: boolean): string {
  const { mod, shift, alt, key } = parse(chord);
  const label = KEY_LABELS[key] ?? (key.length === 1 ? key.toUpperCase() : key[0]?.toUpperCase() + key.slice(1));
  if (mac) return `${mod ? '⌘' : ''}${alt ? '⌥' : ''}${shift ? '⇧' : ''}${label}`;
  return [mod ? 'Ctrl' : '', alt ? 'Alt' : '', shift ? 'Shift' : '', label].filter(Boolean).join('+');
}

const mac = typeof navigator !== 'undefined' && isMac(navigator.platform);

/**
 * The studio's shortcuts, in one place so menus, tooltips, the palette and handlers agree. The
 * first chord of a list is the one shown; the others are aliases people bring from other tools.
 */
export const SHORTCUTS = {
  save: 'Mod+S',
  newFunction: 'Mod+N',
  palette: ['Mod+K', 'Mod+Shift+P'],
  togglePanel: 'Mod+J',
  toggleSidebar: 'Mod+B',
  invoke: 'Mod+Enter',
  // As browsers go back and forth: Alt+Left/Right, and Cmd+[ / Cmd+] on macOS, where Alt+Left moves by word.
  back: mac ? 'Mod+[' : 'Alt+ArrowLeft',
  forward: mac ? 'Mod+]' : 'Alt+ArrowRight',
} as const satisfies Record<string, Chord | readonly Chord[]>;
export type ShortcutId = keyof typeof SHORTCUTS;

function chordsOf(id: ShortcutId): readonly Chord[] {
  const chords: Chord | readonly Chord[] = SHORTCUTS[id];
  return typeof chords === 'string' ? [chords] : chords;
}

/** The label of a studio shortcut on this machine. */
export function shortcutLabel(id: ShortcutId): string {
  return formatChord(chordsOf(id)[0] ?? '', mac);
}

/** The shortcut a keyboard event triggers, if any (`onMac` defaults to this machine). */
export function shortcutFor(event: KeyLike, onMac = mac): ShortcutId | undefined {
  return (Object.keys(SHORTCUTS) as ShortcutId[]).find((id) => chordsOf(id).some((chord) => matchesChord(event, chord, onMac)));
}
