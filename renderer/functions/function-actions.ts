import type { TemplateId } from '../../shared/contract/functions.ts';
import { api } from '../api/api.ts';
import { forgetFunction, useEditor } from '../editor/editor-store.ts';
import { useWorkspace } from './workspace-store.ts';

/** Creates a function from a template and opens it. Errors go to the caller, which shows them in place. */
export async function createFunction(name: string, template: TemplateId): Promise<void> {
  await api().call('functions.create', { name, template });
  await useWorkspace.getState().refresh();
  await useEditor.getState().open(name);
}

export async function renameFunction(from: string, to: string): Promise<void> {
  const wasOpen = useEditor.getState().fn === from;
  await api().call('functions.rename', { from, to });
  forgetFunction(from);
  await useWorkspace.getState().refresh();
  if (wasOpen) await useEditor.getState().open(to);
}

/** The host moves the folder to the workspace's trash rather than deleting it. */
export async function deleteFunction(name: string): Promise<void> {
  await api().call('functions.delete', { name });
  forgetFunction(name);
  await useWorkspace.getState().refresh();
}
