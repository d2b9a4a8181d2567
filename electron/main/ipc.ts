import { ipcMain, type WebContents } from 'electron';
import { createIpcInvokeHandler, EVENT_CHANNEL, forwardEvents, INVOKE_CHANNEL } from './ipc-handler.ts';
import type { StudioServices } from '../services/studio/studio-services.ts';

/**
 * Mounts the contract on the single invoke channel. Calls from frames the studio did not
 * load (anything but its own page) are refused before they reach dispatch.
 */
export function mountIpc(services: StudioServices, isTrustedUrl: (url: string) => boolean): () => void {
  const invoke = createIpcInvokeHandler(services.dispatch);
  ipcMain.handle(INVOKE_CHANNEL, (event, method: unknown, input: unknown) => {
    const url = event.senderFrame?.url ?? '';
    if (!isTrustedUrl(url)) {
      return { ok: false, error: { code: 'UNAUTHORIZED', message: 'Calls are accepted only from the studio window.' } };
    }
    return invoke(method, input);
  });
  return () => ipcMain.removeHandler(INVOKE_CHANNEL);
}

/** Sends every contract event to a window's page until the window goes away. */
export function forwardEventsTo(services: StudioServices, contents: WebContents): void {
  const stop = forwardEvents(services.events, (channel, event, payload) => {
    if (!contents.isDestroyed()) contents.send(channel, event, payload);
  });
  contents.once('destroyed', stop);
}

export { EVENT_CHANNEL };
