import { create } from 'zustand';
import type { QueueStatus } from '../../shared/contract/queues.ts';
import { api } from '../api/api.ts';
import { toFailure, type Failure } from '../lib/errors.ts';

interface QueueViewState {
  fn: string | null;
  /** The open function's queue; null until loaded. */
  status: QueueStatus | null;
  failure: Failure | null;
  load(fn: string): Promise<void>;
}

/** The function page's Queue view: the open function's queue, its counts and messages, live. */
export const useQueueView = create<QueueViewState>((set, get) => ({
  fn: null,
  status: null,
  failure: null,
  async load(fn) {
    if (get().fn !== fn) set({ fn, status: null, failure: null });
    try {
      const status = await api().call('queues.status', { functionName: fn });
      if (get().fn === fn) set({ status, failure: null });
    } catch (error) {
      if (get().fn === fn) set({ failure: toFailure(error, 'Could not read the queue') });
    }
  },
}));

let subscribed = false;

/** Reloads the open function's queue whenever it changes (a send, a batch, a redrive, another process's send). Called once. */
export function subscribeQueueView(): () => void {
  if (subscribed) return () => {};
  subscribed = true;
  const off = api().on('queues.changed', ({ functionName }) => {
    if (useQueueView.getState().fn === functionName) void useQueueView.getState().load(functionName);
  });
  return () => {
    subscribed = false;
    off();
  };
}
