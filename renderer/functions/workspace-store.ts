import { create } from 'zustand';
import type { AppInfo } from '../../shared/contract/app.ts';
import type { FunctionSummary, TemplateInfo } from '../../shared/contract/functions.ts';
import { api } from '../api/api.ts';
import { toFailure, type Failure } from '../lib/errors.ts';

interface WorkspaceState {
  info: AppInfo | null;
  functions: FunctionSummary[];
  templates: TemplateInfo[];
  /** False until the first list arrives, so the empty state does not flash. */
  loaded: boolean;
  loadError: Failure | null;
  loadInfo(): Promise<void>;
  refresh(): Promise<void>;
  loadTemplates(): Promise<void>;
}

export const useWorkspace = create<WorkspaceState>((set) => ({
  info: null,
  functions: [],
  templates: [],
  loaded: false,
  loadError: null,
  async loadInfo() {
    set({ info: await api().call('app.info', {}) });
  },
  async refresh() {
    try {
      const functions = await api().call('functions.list', {});
      set({ functions, loaded: true, loadError: null });
    } catch (error) {
      set({ loaded: true, loadError: toFailure(error, 'Could not list the functions') });
    }
  },
  async loadTemplates() {
    set({ templates: await api().call('templates.list', {}) });
  },
}));
