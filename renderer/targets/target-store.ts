import { create } from 'zustand';
import { LOCAL_TARGET_ID, type Target, type TargetInput, type TargetTestResult } from '../../shared/contract/targets.ts';
import { api } from '../api/api.ts';
import { toFailure, type Failure } from '../lib/errors.ts';
import { LOCAL_PLACEHOLDER, onTarget, resolveCurrent, sortTargets } from './target-model.ts';

const STORAGE_KEY = 'lambda-studio.target';

function remembered(): string | null {
  try {
    return typeof localStorage === 'undefined' ? null : localStorage.getItem(STORAGE_KEY);
  } catch {
    return null;
  }
}

function remember(id: string): void {
  try {
    if (typeof localStorage !== 'undefined') localStorage.setItem(STORAGE_KEY, id);
  } catch {
    // Storage may be off (private windows); the choice then lasts for this window only.
  }
}

export type TestState = { running: true } | { running: false; result: TargetTestResult } | { running: false; failure: Failure };

interface TargetsState {
  targets: Target[];
  loaded: boolean;
  failure: Failure | null;
  /** Where Executions, Approvals and Invoke calls go. */
  currentId: string;
  tests: Record<string, TestState>;
  load(): Promise<void>;
  select(id: string): void;
  /** Saves a target; `replacing` names the one being edited, removed when the name changed (the name is the id). */
  save(input: TargetInput, replacing?: string): Promise<Target>;
  remove(id: string): Promise<void>;
  test(id: string): Promise<void>;
}

/** The targets the host knows and the one this window works on, remembered across restarts. */
export const useTargets = create<TargetsState>((set, get) => ({
  targets: [LOCAL_PLACEHOLDER],
  loaded: false,
  failure: null,
  // Until the list arrives the remembered id is trusted, so the first calls already go to it.
  currentId: remembered() ?? LOCAL_TARGET_ID,
  tests: {},
  async load() {
    try {
      const targets = sortTargets(await api().call('targets.list', {}));
      set({ targets, loaded: true, failure: null, currentId: resolveCurrent(targets, get().currentId) });
    } catch (error) {
      set({ loaded: true, failure: toFailure(error, 'Could not list the targets'), currentId: LOCAL_TARGET_ID });
    }
  },
  select(id) {
    if (id === get().currentId) return;
    remember(id);
    set({ currentId: id });
  },
  async save(input, replacing) {
    const saved = await api().call('targets.save', input);
    if (replacing !== undefined && replacing !== saved.id) {
      await api().call('targets.remove', { id: replacing });
      if (get().currentId === replacing) get().select(saved.id);
    }
    const { [saved.id]: _stale, ...tests } = get().tests;
    set({ tests });
    await get().load();
    return saved;
  },
  async remove(id) {
    await api().call('targets.remove', { id });
    if (get().currentId === id) get().select(LOCAL_TARGET_ID);
    await get().load();
  },
  async test(id) {
    set({ tests: { ...get().tests, [id]: { running: true } } });
    let next: TestState;
    try {
      next = { running: false, result: await api().call('targets.test', { id }) };
    } catch (error) {
      next = { running: false, failure: toFailure(error, 'Could not test the target') };
    }
    set({ tests: { ...get().tests, [id]: next } });
  },
}));

/** The current target's id; stores outside React read it when they call the contract. */
export function currentTargetId(): string {
  return useTargets.getState().currentId;
}

/** The `target` member for a call on the current target (absent on the local service). */
export function currentTargetParam(): { target?: string } {
  return onTarget(currentTargetId());
}

/** The current target as listed, or a stand-in while the list loads. */
export function currentTarget(state: Pick<TargetsState, 'targets' | 'currentId'> = useTargets.getState()): Target {
  return state.targets.find((t) => t.id === state.currentId) ?? { ...LOCAL_PLACEHOLDER, id: state.currentId, kind: state.currentId === LOCAL_TARGET_ID ? 'local' : 'aws', name: state.currentId };
}

/** Runs `listener` whenever the current target changes (not on the first value). */
export function onTargetChanged(listener: (id: string) => void): () => void {
  return useTargets.subscribe((state, previous) => {
    if (state.currentId !== previous.currentId) listener(state.currentId);
  });
}
