// Editor models live here, outside React, keyed by URI: `file:///functions/<name>/<path>`.
// React only ever holds the URI string; the text, undo stack and markers stay in Monaco.
import { monaco } from '../monaco/setup.ts';

type Model = monaco.editor.ITextModel;

/** The alternative version id each model had when last loaded from or saved to disk. */
const savedVersion = new Map<string, number>();
const dirtyListeners = new Set<(uri: string, dirty: boolean) => void>();

/** The model URI of a file, in Monaco's own spelling so it can be compared as a string. */
export function modelUri(functionName: string, path: string): string {
  return monaco.Uri.file(`/functions/${functionName}/${path}`).toString();
}

export function languageFor(path: string): string {
  if (/\.(ts|mts|cts|tsx)$/.test(path)) return 'typescript';
  if (/\.(js|mjs|cjs|jsx)$/.test(path)) return 'javascript';
  if (path.endsWith('.json')) return 'json';
  if (path.endsWith('.py')) return 'python';
  return 'plaintext';
}

export function getModel(uri: string): Model | null {
  return monaco.editor.getModel(monaco.Uri.parse(uri));
}

/** The dirty state listeners last heard, per model, so they hear only changes. */
const lastDirty = new Map<string, boolean>();

function notifyDirty(uri: string, dirty: boolean): void {
  if (lastDirty.get(uri) === dirty) return;
  lastDirty.set(uri, dirty);
  for (const listener of dirtyListeners) listener(uri, dirty);
}

export function isDirty(model: Model): boolean {
  return savedVersion.get(model.uri.toString()) !== model.getAlternativeVersionId();
}

/** Creates the model with the text on disk, or returns the one already open (unsaved edits kept). */
export function ensureModel(uri: string, path: string, content: string): Model {
  const existing = getModel(uri);
  if (existing !== null) return existing;
  const model = monaco.editor.createModel(content, languageFor(path), monaco.Uri.parse(uri));
  const key = model.uri.toString();
  savedVersion.set(key, model.getAlternativeVersionId());
  lastDirty.set(key, false);
  model.onDidChangeContent(() => notifyDirty(key, isDirty(model)));
  model.onWillDispose(() => {
    savedVersion.delete(key);
    lastDirty.delete(key);
  });
  return model;
}

/** Remembers the model's current text as what is on disk. */
export function markSaved(model: Model): void {
  savedVersion.set(model.uri.toString(), model.getAlternativeVersionId());
  notifyDirty(model.uri.toString(), false);
}

/** Puts the disk's text into the model (undoable) and marks it clean. */
export function loadFromDisk(model: Model, content: string): void {
  if (model.getValue() !== content) {
    model.pushEditOperations([], [{ range: model.getFullModelRange(), text: content }], () => null);
  }
  markSaved(model);
}

export function onDirtyChange(listener: (uri: string, dirty: boolean) => void): () => void {
  dirtyListeners.add(listener);
  return () => dirtyListeners.delete(listener);
}

/** Every model of a function, e.g. to dispose them when it is deleted or renamed. */
export function functionModels(functionName: string): Model[] {
  const prefix = modelUri(functionName, '');
  return monaco.editor.getModels().filter((m) => m.uri.toString().startsWith(prefix));
}

export function disposeFunctionModels(functionName: string): void {
  for (const model of functionModels(functionName)) model.dispose();
}

/** Whether any open file, in any function, has edits not yet saved. */
export function hasUnsavedWork(): boolean {
  return [...lastDirty.values()].some(Boolean);
}
