import { create } from 'zustand';
import { toFailure } from '../lib/errors.ts';
import { useUi } from '../shell/ui-store.ts';
import { callbackFailure, callbackHeartbeat, callbackSuccess, type CallbackError } from './executions-api.ts';

type Sending = 'success' | 'failure' | 'heartbeat';

interface CallbackState {
  /** Callbacks with a request in flight: their buttons are disabled. */
  sending: Record<string, Sending>;
  /** Callbacks answered from here: their buttons are gone even before the engine's event arrives. */
  answered: Record<string, 'success' | 'failure'>;
  succeed(callbackId: string, result: string): Promise<void>;
  fail(callbackId: string, error: CallbackError): Promise<void>;
  heartbeat(callbackId: string): Promise<void>;
}

const listeners = new Set<() => void>();

/** Called after any callback answer so lists and timelines refresh. */
export function onCallbackAnswered(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

/**
 * Answers callbacks at most once from this window: a second click while a send is in flight
 * is ignored, and an answered callback never shows its buttons again. (The API refuses a
 * second answer too.)
 */
export const useCallbacks = create<CallbackState>((set, get) => {
  const run = async (callbackId: string, kind: Sending, send: () => Promise<unknown>): Promise<void> => {
    if (get().sending[callbackId] !== undefined || get().answered[callbackId] !== undefined) return;
    set({ sending: { ...get().sending, [callbackId]: kind } });
    try {
      await send();
      if (kind !== 'heartbeat') set({ answered: { ...get().answered, [callbackId]: kind } });
      for (const listener of listeners) listener();
    } catch (error) {
      const what = kind === 'heartbeat' ? 'send the heartbeat' : kind === 'success' ? 'send the success' : 'send the failure';
      throw Object.assign(new Error(toFailure(error, `Could not ${what}`).message), { details: toFailure(error).details });
    } finally {
      const { [callbackId]: _done, ...rest } = get().sending;
      set({ sending: rest });
    }
  };
  return {
    sending: {},
    answered: {},
    succeed: (callbackId, result) => run(callbackId, 'success', () => callbackSuccess(callbackId, result)),
    fail: (callbackId, error) => run(callbackId, 'failure', () => callbackFailure(callbackId, error)),
    heartbeat: (callbackId) =>
      run(callbackId, 'heartbeat', () => callbackHeartbeat(callbackId)).catch((error: unknown) => useUi.getState().notify(toFailure(error))),
  };
});
