import { create } from 'zustand';
import { toFailure, type Failure } from '../lib/errors.ts';
import { currentTargetId } from '../targets/target-store.ts';
import { listPendingCallbacks } from './executions-api.ts';
import type { PendingCallbackView } from './model.ts';

interface ApprovalsState {
  pending: PendingCallbackView[];
  loaded: boolean;
  failure: Failure | null;
  checked: ReadonlySet<string>;
  load(): Promise<void>;
  toggleChecked(callbackId: string): void;
  setChecked(ids: readonly string[]): void;
}

/** Callbacks waiting for an answer across every execution (the inbox and the activity badge). */
export const useApprovals = create<ApprovalsState>((set, get) => ({
  pending: [],
  loaded: false,
  failure: null,
  checked: new Set(),
  load: async () => {
    const target = currentTargetId();
    try {
      const pending = await listPendingCallbacks();
      // The target changed while this was on its way: the new target's own load follows.
      if (target !== currentTargetId()) return;
      const still = new Set(pending.map((p) => p.callbackId));
      set({ pending, loaded: true, failure: null, checked: new Set([...get().checked].filter((id) => still.has(id))) });
    } catch (error) {
      if (target !== currentTargetId()) return;
      set({ loaded: true, failure: toFailure(error, 'Could not list the pending callbacks') });
    }
  },
  toggleChecked: (id) => {
    const next = new Set(get().checked);
    if (next.has(id)) next.delete(id);
    else next.add(id);
    set({ checked: next });
  },
  setChecked: (ids) => set({ checked: new Set(ids) }),
}));
