import { contextBridge, ipcRenderer, type IpcRendererEvent } from 'electron';
import type { Transport } from '../../shared/contract/client.ts';
import { isEventName, isMethodName } from '../../shared/contract/names.ts';

// Kept in step with electron/main/ipc-handler.ts; the preload cannot import Node-side modules.
const INVOKE_CHANNEL = 'studio:invoke';
const EVENT_CHANNEL = 'studio:event';

type Listener = (payload: unknown) => void;
const listeners = new Map<string, Set<Listener>>();

ipcRenderer.on(EVENT_CHANNEL, (_event: IpcRendererEvent, name: unknown, payload: unknown) => {
  if (typeof name !== 'string') return;
  for (const listener of [...(listeners.get(name) ?? [])]) listener(payload);
});

/** The whole bridge: the contract's two verbs, and only for names the contract knows. */
const studio: Transport = {
  invoke(method, input) {
    if (typeof method !== 'string' || !isMethodName(method)) {
      return Promise.resolve({ ok: false, error: { code: 'UNKNOWN_METHOD', message: `There is no method named "${String(method)}".` } });
    }
    return ipcRenderer.invoke(INVOKE_CHANNEL, method, input);
  },
  subscribe(event, listener) {
    if (typeof event !== 'string' || !isEventName(event)) throw new Error(`There is no event named "${String(event)}".`);
    if (typeof listener !== 'function') throw new Error('subscribe needs a listener function.');
    const set = listeners.get(event) ?? new Set<Listener>();
    set.add(listener);
    listeners.set(event, set);
    return () => {
      set.delete(listener);
    };
  },
};

contextBridge.exposeInMainWorld('studio', studio);
