import { create } from 'zustand';
import type { WorkflowSummary } from '../../shared/contract/workflows.ts';
import { toFailure, type Failure } from '../lib/errors.ts';
import { listWorkflows } from './workflows-api.ts';

interface ListState {
  workflows: WorkflowSummary[];
  /** False until the first list arrives, so the empty state does not flash. */
  loaded: boolean;
  loadError: Failure | null;
  refresh(): Promise<void>;
}

/** The side list: every workflow file of the workspace, broken ones included. */
export const useWorkflowList = create<ListState>((set) => ({
  workflows: [],
  loaded: false,
  loadError: null,
  async refresh() {
    try {
      const workflows = await listWorkflows();
      set({ workflows: [...workflows].sort((a, b) => a.name.localeCompare(b.name)), loaded: true, loadError: null });
    } catch (error) {
      set({ loaded: true, loadError: toFailure(error, 'Could not list the workflows') });
    }
  },
}));
