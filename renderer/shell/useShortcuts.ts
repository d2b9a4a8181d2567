import { useEffect } from 'react';
import { shortcutActions } from './actions.ts';
import { shortcutFor, type ShortcutId } from './shortcuts.ts';

/** Shortcuts that mean something else inside a dialog (Ctrl+Enter sends a dialog's form). */
const NOT_IN_DIALOGS: ReadonlySet<ShortcutId> = new Set(['invoke', 'back', 'forward']);

/** Global shortcuts outside the editor (the editor binds the same ones itself). */
export function useShortcuts(): void {
  useEffect(() => {
    const onKeyDown = (event: KeyboardEvent) => {
      // A widget that handled the key (the event editor's own Ctrl+Enter) has the last word.
      if (event.defaultPrevented) return;
      const id = shortcutFor(event);
      if (id === undefined) return;
      if (NOT_IN_DIALOGS.has(id) && document.querySelector('[role="dialog"]') !== null) return;
      event.preventDefault();
      shortcutActions[id]();
    };
    window.addEventListener('keydown', onKeyDown);
    return () => window.removeEventListener('keydown', onKeyDown);
  }, []);
}
