import { create } from 'zustand';
import type { ConfigFormValues } from './config-form.ts';

/** Unsaved form edits of a function.json, kept while the form is not on screen. */
export interface FormDraft {
  /** The file text the edits started from; a draft over other text is stale. */
  baseText: string;
  values: ConfigFormValues;
}

interface DraftsState {
  drafts: Readonly<Record<string, FormDraft>>;
}

/** Drafts by function name, so switching tabs, functions or areas never loses form edits. */
export const useFormDrafts = create<DraftsState>(() => ({ drafts: {} }));

export function draftFor(functionName: string, baseText: string): ConfigFormValues | undefined {
  const draft = useFormDrafts.getState().drafts[functionName];
  return draft !== undefined && draft.baseText === baseText ? draft.values : undefined;
}

export function keepDraft(functionName: string, draft: FormDraft): void {
  useFormDrafts.setState({ drafts: { ...useFormDrafts.getState().drafts, [functionName]: draft } });
}

export function dropDraft(functionName: string): void {
  const { [functionName]: _dropped, ...rest } = useFormDrafts.getState().drafts;
  if (_dropped !== undefined) useFormDrafts.setState({ drafts: rest });
}

export function hasDraft(functionName: string): boolean {
  return useFormDrafts.getState().drafts[functionName] !== undefined;
}

export function hasAnyDraft(): boolean {
  return Object.keys(useFormDrafts.getState().drafts).length > 0;
}
