import { create } from 'zustand';
import type { LambdaEndpointInfo } from '../../shared/contract/invoke.ts';
import { api } from '../api/api.ts';
import { toFailure, type Failure } from '../lib/errors.ts';

interface LambdaEndpointState {
  info: LambdaEndpointInfo | null;
  failure: Failure | null;
  load(): Promise<void>;
}

/** The local Lambda service's address and credentials: fixed for a run, so read once and shared. */
export const useLambdaEndpoint = create<LambdaEndpointState>((set, get) => ({
  info: null,
  failure: null,
  async load() {
    if (get().info !== null) return;
    try {
      set({ info: await api().call('lambda.endpoint', {}), failure: null });
    } catch (error) {
      set({ failure: toFailure(error, 'Could not read the local Lambda service’s address') });
    }
  },
}));
