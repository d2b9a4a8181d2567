import { create } from 'zustand';
import type { DeployedFunctionStatus, DeployProgress, DeployResult, DeployRole } from '../../shared/contract/targets.ts';
import { api } from '../api/api.ts';
import { toFailure, type Failure } from '../lib/errors.ts';
import { applyProgress, type StepRow } from './deploy-model.ts';

/** One deploy of one function to one target, as its steps come in. */
export interface DeployRun {
  fn: string;
  target: string;
  /** Set by the first event, so a second deploy's events never mix into this one. */
  deployId: string | null;
  rows: StepRow[];
  running: boolean;
  result: DeployResult | null;
  failure: Failure | null;
}

export interface StatusState {
  loading: boolean;
  localCodeSha256?: string;
  targets: DeployedFunctionStatus[];
  failure: Failure | null;
}

interface DeployState {
  /** The latest deploy per function. */
  runs: Record<string, DeployRun>;
  /** Where each function is deployed, per AWS target. */
  status: Record<string, StatusState>;
  deploy(fn: string, target: string, role: DeployRole | undefined): Promise<void>;
  loadStatus(fn: string): Promise<void>;
  progress(event: DeployProgress): void;
}

let subscribed = false;

/** Events go to the store from the first deploy on, whichever screen is open. */
function subscribeProgress(): void {
  if (subscribed) return;
  subscribed = true;
  api().on('deploy.progress', (event) => useDeploy.getState().progress(event));
}

export const useDeploy = create<DeployState>((set, get) => {
  const patchRun = (fn: string, change: Partial<DeployRun>) => {
    const run = get().runs[fn];
    if (run !== undefined) set({ runs: { ...get().runs, [fn]: { ...run, ...change } } });
  };
  return {
    runs: {},
    status: {},
    async deploy(fn, target, role) {
      if (get().runs[fn]?.running === true) return;
      subscribeProgress();
      set({ runs: { ...get().runs, [fn]: { fn, target, deployId: null, rows: [], running: true, result: null, failure: null } } });
      try {
        const result = await api().call('deploy.function', { name: fn, target, ...(role === undefined ? {} : { role }) });
        patchRun(fn, { running: false, result, deployId: result.deployId });
      } catch (error) {
        patchRun(fn, { running: false, failure: toFailure(error, `${fn} was not deployed to ${target}`) });
      }
      await get().loadStatus(fn);
    },
    progress(event) {
      const run = get().runs[event.functionName];
      if (run === undefined || run.target !== event.target) return;
      if (run.deployId !== null && run.deployId !== event.deployId) return;
      patchRun(event.functionName, { deployId: event.deployId, rows: applyProgress(run.rows, event) });
    },
    async loadStatus(fn) {
      const before = get().status[fn];
      set({ status: { ...get().status, [fn]: { targets: before?.targets ?? [], failure: null, loading: true } } });
      let next: StatusState;
      try {
        const answer = await api().call('deploy.status', { name: fn });
        next = { loading: false, localCodeSha256: answer.localCodeSha256, targets: answer.targets, failure: null };
      } catch (error) {
        next = { loading: false, targets: [], failure: toFailure(error, 'Could not ask where this function is deployed') };
      }
      set({ status: { ...get().status, [fn]: next } });
    },
  };
});
