import { useSyncExternalStore } from 'react';
import type { monaco } from '../monaco/setup.ts';

/** Re-renders the caller whenever the model's text changes. */
export function useModelVersion(model: monaco.editor.ITextModel | null): number {
  return useSyncExternalStore(
    (onChange) => {
      if (model === null) return () => undefined;
      const subscription = model.onDidChangeContent(onChange);
      return () => subscription.dispose();
    },
    () => (model === null || model.isDisposed() ? -1 : model.getVersionId()),
  );
}
