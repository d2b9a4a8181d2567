import { useEditor } from '../editor/editor-store.ts';
import { runInvoke } from '../invoke/InvokePanel.tsx';
import { saveNow } from '../workflows/autosave.ts';
import { goBack, goForward } from './navigation.ts';
import type { ShortcutId } from './shortcuts.ts';
import { useUi } from './ui-store.ts';

/** Invokes the open function with the Invoke panel's event, opening the panel to show the outcome. */
function invokeOpenFunction(): void {
  const fn = useEditor.getState().fn;
  if (useUi.getState().view !== 'functions' || fn === null) {
    useUi.getState().notify({ message: 'Open a function to invoke it: pick one under Functions.' }, 'info');
    return;
  }
  if (!useUi.getState().invokeOpen) useUi.getState().toggleInvoke();
  runInvoke(fn);
}

/** What each studio shortcut does; the same functions back menus and the command palette. */
export const shortcutActions: Record<ShortcutId, () => void> = {
  save: () => void (useUi.getState().view === 'workflows' ? saveNow() : useEditor.getState().save()),
  newFunction: () => useUi.getState().setNewFunctionOpen(true),
  palette: () => useUi.getState().setPaletteOpen(!useUi.getState().paletteOpen),
  togglePanel: () => useUi.getState().toggleBottom(),
  toggleSidebar: () => useUi.getState().toggleSide(),
  invoke: invokeOpenFunction,
  back: goBack,
  forward: goForward,
};
