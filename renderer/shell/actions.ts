import { useEditor } from '../editor/editor-store.ts';
import { saveNow } from '../workflows/autosave.ts';
import type { ShortcutId } from './shortcuts.ts';
import { useUi } from './ui-store.ts';

/** What each studio shortcut does; the same functions back menus and the command palette. */
export const shortcutActions: Record<ShortcutId, () => void> = {
  save: () => void (useUi.getState().view === 'workflows' ? saveNow() : useEditor.getState().save()),
  newFunction: () => useUi.getState().setNewFunctionOpen(true),
  palette: () => useUi.getState().setPaletteOpen(!useUi.getState().paletteOpen),
  togglePanel: () => useUi.getState().toggleBottom(),
};
