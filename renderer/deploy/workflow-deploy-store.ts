import { create } from 'zustand';
import type { DeployRole } from '../../shared/contract/targets.ts';
import type { WorkflowDeployResult } from '../../shared/contract/workflows.ts';
import { api } from '../api/api.ts';
import { toFailure, type Failure } from '../lib/errors.ts';
import { deployWorkflow } from '../workflows/workflows-api.ts';
import { useDeploy } from './deploy-store.ts';
import { applyWorkflowProgress, type FunctionSteps } from './workflow-deploy-model.ts';

/** One deploy of a workflow to a target: each function's steps as they come in. */
export interface WorkflowDeployRun {
  workflow: string;
  target: string;
  /** The functions this deploy sends; progress of any other deploy is not mixed in. */
  functions: readonly string[];
  groups: FunctionSteps[];
  running: boolean;
  result: WorkflowDeployResult | null;
  failure: Failure | null;
}

interface WorkflowDeployState {
  /** The latest deploy per workflow. */
  runs: Record<string, WorkflowDeployRun>;
  deploy(workflow: string, target: string, functions: readonly string[], role: DeployRole | undefined): Promise<void>;
}

let subscribed = false;

export const useWorkflowDeploy = create<WorkflowDeployState>((set, get) => {
  const patch = (workflow: string, change: Partial<WorkflowDeployRun>) => {
    const run = get().runs[workflow];
    if (run !== undefined) set({ runs: { ...get().runs, [workflow]: { ...run, ...change } } });
  };
  const subscribe = () => {
    if (subscribed) return;
    subscribed = true;
    api().on('deploy.progress', (event) => {
      for (const run of Object.values(get().runs)) {
        if (run.running && run.target === event.target && run.functions.includes(event.functionName)) patch(run.workflow, { groups: applyWorkflowProgress(run.groups, event) });
      }
    });
  };
  return {
    runs: {},
    async deploy(workflow, target, functions, role) {
      if (get().runs[workflow]?.running === true) return;
      subscribe();
      set({ runs: { ...get().runs, [workflow]: { workflow, target, functions, groups: [], running: true, result: null, failure: null } } });
      try {
        patch(workflow, { running: false, result: await deployWorkflow(workflow, target, role) });
      } catch (error) {
        patch(workflow, { running: false, failure: toFailure(error, `${workflow} was not deployed to ${target}`) });
      }
      // The functions' deployed badges and status lines now say something else.
      for (const fn of functions) if (useDeploy.getState().status[fn] !== undefined) void useDeploy.getState().loadStatus(fn);
    },
  };
});
