import { useEffect } from 'react';
import { shortcutActions } from './actions.ts';
import { shortcutFor } from './shortcuts.ts';

/** Global shortcuts outside the editor (the editor binds the same ones itself). */
export function useShortcuts(): void {
  useEffect(() => {
    const onKeyDown = (event: KeyboardEvent) => {
      const id = shortcutFor(event);
      if (id === undefined) return;
      event.preventDefault();
      shortcutActions[id]();
    };
    window.addEventListener('keydown', onKeyDown);
    return () => window.removeEventListener('keydown', onKeyDown);
  }, []);
}
