import { create } from 'zustand';
import type { WorkspaceChanged } from '../../shared/contract/events.ts';
import type { FunctionDetail } from '../../shared/contract/functions.ts';
import { ApiError } from '../../shared/contract/client.ts';
import { api } from '../api/api.ts';
import { toFailure } from '../lib/errors.ts';
import { draftFor, dropDraft } from '../functions/form-drafts.ts';
import { useUi } from '../shell/ui-store.ts';
import { CONFIG_FILE, orderFiles } from './file-order.ts';
import { disposeFunctionModels, ensureModel, getModel, isDirty, loadFromDisk, markSaved, modelUri, onDirtyChange } from './models.ts';

export { CONFIG_FILE };

export type ConfigView = 'form' | 'json';

interface EditorState {
  /** The open function's name, or null when none is open. */
  fn: string | null;
  detail: FunctionDetail | null;
  /** Tabs, in order: source files first (the handler's file leading), function.json last. */
  files: string[];
  active: string | null;
  dirty: Record<string, boolean>;
  /** Files changed on disk while they had unsaved edits here. */
  changedOnDisk: Record<string, boolean>;
  configView: ConfigView;
  formDirty: boolean;
  loading: boolean;
  /** Set by the form while it is shown, so Save (and Ctrl+S) save the form. */
  formSaver: (() => Promise<boolean>) | null;
  open(name: string, file?: string): Promise<void>;
  close(): void;
  setActive(path: string): void;
  setConfigView(view: ConfigView): void;
  setFormDirty(dirty: boolean): void;
  setFormSaver(saver: (() => Promise<boolean>) | null): void;
  save(): Promise<boolean>;
  saveFile(path: string): Promise<boolean>;
  reloadFromDisk(path: string): Promise<void>;
  /** After the form saved: the host's fresh view of the function. */
  applyDetail(detail: FunctionDetail): void;
  workspaceChanged(event: WorkspaceChanged): void;
}

/** The text last read from or written to disk, per model URI, to tell our own writes from others'. */
const diskText = new Map<string, string>();

async function readText(fn: string, path: string, detail: FunctionDetail): Promise<string> {
  if (path === CONFIG_FILE) return detail.configText;
  return (await api().call('functions.readFile', { name: fn, path })).content;
}

async function loadModels(fn: string, detail: FunctionDetail, files: string[]): Promise<void> {
  await Promise.all(
    files.map(async (path) => {
      const uri = modelUri(fn, path);
      const text = await readText(fn, path, detail);
      const existing = getModel(uri);
      if (existing === null) {
        ensureModel(uri, path, text);
      } else if (!isDirty(existing)) {
        loadFromDisk(existing, text);
      }
      diskText.set(uri, text);
    }),
  );
}

const pendingPaths = new Set<string>();
let syncTimer: ReturnType<typeof setTimeout> | undefined;

export const useEditor = create<EditorState>((set, get) => {
  onDirtyChange((uri, dirty) => {
    const { fn } = get();
    if (fn === null) return;
    const prefix = modelUri(fn, '');
    if (!uri.startsWith(prefix)) return;
    const path = decodeURIComponent(uri.slice(prefix.length));
    set({ dirty: { ...get().dirty, [path]: dirty } });
  });

  async function syncFromDisk(): Promise<void> {
    const { fn } = get();
    const paths = [...pendingPaths];
    pendingPaths.clear();
    if (fn === null) return;
    let detail: FunctionDetail;
    try {
      detail = await api().call('functions.get', { name: fn });
    } catch (error) {
      if (error instanceof ApiError && error.code === 'NOT_FOUND') {
        get().close();
        useUi.getState().notify({ message: `The function ${fn} was removed from the workspace, so its editor was closed.` }, 'info');
      }
      return;
    }
    if (get().fn !== fn) return;
    const files = orderFiles(detail);
    const changedOnDisk = { ...get().changedOnDisk };
    const fresh = files.filter((f) => getModel(modelUri(fn, f)) === null);
    await loadModels(fn, detail, fresh);
    for (const path of paths) {
      if (!files.includes(path) || fresh.includes(path)) continue;
      const uri = modelUri(fn, path);
      const model = getModel(uri);
      if (model === null) continue;
      let text: string;
      try {
        text = await readText(fn, path, detail);
      } catch {
        continue;
      }
      if (text === diskText.get(uri)) continue;
      diskText.set(uri, text);
      const formBusy = path === CONFIG_FILE && get().formDirty;
      if (isDirty(model) || formBusy) changedOnDisk[path] = true;
      else loadFromDisk(model, text);
    }
    // A config that broke on disk cannot be shown as a form: show its text and the reason.
    const configView = detail.configError !== undefined && !get().formDirty ? 'json' : get().configView;
    set({ detail, files, changedOnDisk, configView, active: files.includes(get().active ?? '') ? get().active : (files[0] ?? null) });
  }

  return {
    fn: null,
    detail: null,
    files: [],
    active: null,
    dirty: {},
    changedOnDisk: {},
    configView: 'form',
    formDirty: false,
    loading: false,
    formSaver: null,

    async open(name, file) {
      set({ loading: true });
      try {
        const detail = await api().call('functions.get', { name });
        const files = orderFiles(detail);
        await loadModels(name, detail, files);
        const dirty: Record<string, boolean> = {};
        for (const f of files) {
          const model = getModel(modelUri(name, f));
          dirty[f] = model !== null && isDirty(model);
        }
        const broken = detail.configError !== undefined;
        const configText = getModel(modelUri(name, CONFIG_FILE))?.getValue() ?? detail.configText;
        set({
          fn: name,
          detail,
          files,
          dirty,
          changedOnDisk: {},
          formDirty: draftFor(name, configText) !== undefined,
          active: file ?? (broken ? CONFIG_FILE : (files[0] ?? null)),
          configView: broken ? 'json' : 'form',
        });
      } catch (error) {
        useUi.getState().notify(toFailure(error, `Could not open ${name}`));
      } finally {
        set({ loading: false });
      }
    },

    close() {
      set({ fn: null, detail: null, files: [], active: null, dirty: {}, changedOnDisk: {}, formDirty: false });
    },

    setActive(path) {
      set({ active: path });
    },

    setConfigView(configView) {
      set({ configView });
    },

    setFormDirty(formDirty) {
      if (formDirty !== get().formDirty) set({ formDirty });
    },

    setFormSaver(formSaver) {
      set({ formSaver });
    },

    async save() {
      const { active, configView, formSaver } = get();
      if (active === null) return false;
      if (active === CONFIG_FILE && configView === 'form' && formSaver !== null) return formSaver();
      return get().saveFile(active);
    },

    async saveFile(path) {
      const { fn } = get();
      if (fn === null) return false;
      const uri = modelUri(fn, path);
      const model = getModel(uri);
      if (model === null) return false;
      const content = model.getValue();
      const version = model.getAlternativeVersionId();
      try {
        await api().call('functions.writeFile', { name: fn, path, content });
      } catch (error) {
        useUi.getState().notify(toFailure(error, `Could not save ${path}`));
        return false;
      }
      diskText.set(uri, content);
      // Typing that happened while the write was in flight stays dirty.
      if (model.getAlternativeVersionId() === version) markSaved(model);
      const { [path]: _dropped, ...changedOnDisk } = get().changedOnDisk;
      set({ changedOnDisk });
      return true;
    },

    async reloadFromDisk(path) {
      const { fn, detail } = get();
      if (fn === null || detail === null) return;
      try {
        const fresh = path === CONFIG_FILE ? await api().call('functions.get', { name: fn }) : detail;
        const text = await readText(fn, path, fresh);
        const model = getModel(modelUri(fn, path));
        if (model !== null) loadFromDisk(model, text);
        diskText.set(modelUri(fn, path), text);
        const { [path]: _dropped, ...changedOnDisk } = get().changedOnDisk;
        set({ changedOnDisk, ...(path === CONFIG_FILE ? { detail: fresh, formDirty: false } : {}) });
      } catch (error) {
        useUi.getState().notify(toFailure(error, `Could not reload ${path}`));
      }
    },

    applyDetail(detail) {
      const { fn } = get();
      if (fn !== detail.name) return;
      const uri = modelUri(fn, CONFIG_FILE);
      const model = getModel(uri);
      if (model !== null) loadFromDisk(model, detail.configText);
      diskText.set(uri, detail.configText);
      const { [CONFIG_FILE]: _dropped, ...changedOnDisk } = get().changedOnDisk;
      set({ detail, changedOnDisk, formDirty: false });
    },

    workspaceChanged(event) {
      const { fn } = get();
      if (fn === null || event.functionName !== fn) return;
      const prefix = `functions/${fn}/`;
      if (event.path.startsWith(prefix)) pendingPaths.add(event.path.slice(prefix.length));
      // Saves and tools often touch several files at once: one refresh for the burst.
      clearTimeout(syncTimer);
      syncTimer = setTimeout(() => void syncFromDisk(), 120);
    },
  };
});

/** Forget a function's editors, e.g. after it was deleted or renamed. */
export function forgetFunction(name: string): void {
  if (useEditor.getState().fn === name) useEditor.getState().close();
  dropDraft(name);
  disposeFunctionModels(name);
  for (const key of [...diskText.keys()]) if (key.startsWith(modelUri(name, ''))) diskText.delete(key);
}
