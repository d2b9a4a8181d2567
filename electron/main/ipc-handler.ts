import type { WireResult } from '../../shared/contract/errors.ts';
import { isEventName, type EventName } from '../../shared/contract/index.ts';
import type { EventHub } from '../services/studio/event-hub.ts';
import type { Dispatch } from '../services/handlers/handler-table.ts';

/** The IPC channel every contract call travels on. */
export const INVOKE_CHANNEL = 'studio:invoke';
/** The IPC channel events are pushed on: `(event, payload)`. */
export const EVENT_CHANNEL = 'studio:event';

/**
 * The function mounted on the invoke channel: whatever arrives from the renderer is checked
 * here (a method name must be a string in the contract; the input is validated by dispatch)
 * and the answer is always a `WireResult`, never a thrown error that would lose its code.
 */
export function createIpcInvokeHandler(dispatch: Dispatch): (method: unknown, input: unknown) => Promise<WireResult> {
  return async (method, input) => {
    if (typeof method !== 'string') {
      return { ok: false, error: { code: 'UNKNOWN_METHOD', message: 'A call arrived without a method name.' } };
    }
    return dispatch(method, input);
  };
}

/** Receives events for one window; `send` is the window's `webContents.send`. */
export type EventTarget = (channel: string, event: EventName, payload: unknown) => void;

/**
 * Forwards every contract event from the hub to a window until the returned function is
 * called (when the window closes).
 */
export function forwardEvents(hub: EventHub, send: EventTarget): () => void {
  return hub.subscribe((event, payload) => {
    if (isEventName(event)) send(EVENT_CHANNEL, event, payload);
  });
}
