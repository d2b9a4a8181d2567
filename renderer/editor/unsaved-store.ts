import { create } from 'zustand';
import { useFormDrafts } from '../functions/form-drafts.ts';
import { useEditor } from './editor-store.ts';
import { onDirtyChange } from './models.ts';

/** Functions with unsaved edits in any file, so the list can mark them even when closed. */
interface UnsavedState {
  dirtyUris: ReadonlySet<string>;
}

export const useUnsaved = create<UnsavedState>(() => ({ dirtyUris: new Set() }));

onDirtyChange((uri, dirty) => {
  const next = new Set(useUnsaved.getState().dirtyUris);
  if (dirty) next.add(uri);
  else next.delete(uri);
  useUnsaved.setState({ dirtyUris: next });
});

/** Whether a function has unsaved edits, by its name. */
export function useHasUnsaved(functionName: string): boolean {
  const prefix = `file:///functions/${functionName}/`;
  const files = useUnsaved((s) => [...s.dirtyUris].some((uri) => uri.startsWith(prefix)));
  const form = useEditor((s) => s.fn === functionName && s.formDirty);
  const draft = useFormDrafts((s) => s.drafts[functionName] !== undefined);
  return files || form || draft;
}
