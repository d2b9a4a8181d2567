import { useEffect } from 'react';
import { LOCAL_TARGET_ID } from '../../shared/contract/targets.ts';
import { WORKFLOW_RUNNER_FUNCTION } from '../../shared/workflow/runner-event.ts';
import { api } from '../api/api.ts';
import { onCallbackAnswered } from '../executions/callback-store.ts';
import { coalesce } from '../lib/coalesce.ts';
import { currentTargetId } from '../targets/target-store.ts';
import { reloadFromDisk } from './autosave.ts';
import { useGraph } from './graph-store.ts';
import { useWorkflowList } from './list-store.ts';
import { useRuns } from './run-store.ts';
import { useWorkflowsTargetPoll } from './useWorkflowsTargetPoll.ts';
import { workflowPath } from './workflows-api.ts';

const REFRESH_MS = 300;

/**
 * Keeps the page current: workflow files changed by anyone (the list, and the open file unless
 * the change is this window's own save), and the run on the canvas as its execution moves.
 */
export function useWorkflowsLive(): void {
  useWorkflowsTargetPoll();
  useEffect(() => {
    void useWorkflowList.getState().refresh();
    const list = coalesce(() => useWorkflowList.getState().refresh(), REFRESH_MS);
    const open = coalesce(async () => {
      const name = useGraph.getState().name;
      if (name !== null) await reloadFromDisk(name).catch(() => useWorkflowList.getState().refresh());
    }, REFRESH_MS);
    const run = coalesce(() => useRuns.getState().refresh(), REFRESH_MS);
    const runs = coalesce(async () => {
      const name = useGraph.getState().name;
      if (name !== null) await useRuns.getState().loadRuns(name);
    }, 1000);
    const offFiles = api().on('workspace.changed', (event) => {
      if (!event.path.startsWith('workflows/')) return;
      list.request();
      const name = useGraph.getState().name;
      if (name !== null && event.path === workflowPath(name)) open.request();
    });
    const offExecutions = api().on('executions.changed', (event) => {
      // These events come from the local engine; on an AWS target the page is polled instead.
      if (currentTargetId() !== LOCAL_TARGET_ID) return;
      if (event.durableExecutionArn === useRuns.getState().arn) run.request();
      if (event.functionArn.includes(WORKFLOW_RUNNER_FUNCTION)) runs.request();
    });
    const offAnswered = onCallbackAnswered(() => run.request());
    return () => {
      offFiles();
      offExecutions();
      offAnswered();
      for (const c of [list, open, run, runs]) c.cancel();
    };
  }, []);
}
