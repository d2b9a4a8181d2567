import { toFailure } from '../lib/errors.ts';
import { useUi } from '../shell/ui-store.ts';
import { saveNow, resetAutosave } from './autosave.ts';
import { closeWorkflow, loadWorkflow, useGraph } from './graph-store.ts';
import { useWorkflowList } from './list-store.ts';
import { useRuns } from './run-store.ts';
import { createWorkflow, deleteWorkflow, duplicateWorkflow, renameWorkflow, runWorkflow } from './workflows-api.ts';

/** Opens a workflow on the canvas, writing the one being left first. */
export async function openWorkflow(name: string): Promise<void> {
  if (useGraph.getState().name === name) return;
  await saveNow();
  resetAutosave();
  useRuns.getState().hide();
  await loadWorkflow(name);
  void useRuns.getState().loadRuns(name);
}

/** Errors go to the caller, which shows them in its dialog. */
export async function newWorkflow(name: string): Promise<void> {
  await createWorkflow(name);
  await useWorkflowList.getState().refresh();
  await openWorkflow(name);
}

export async function renameOpenOrOther(from: string, to: string): Promise<void> {
  const wasOpen = useGraph.getState().name === from;
  if (wasOpen) await saveNow();
  await renameWorkflow(from, to);
  await useWorkflowList.getState().refresh();
  if (wasOpen) {
    resetAutosave();
    closeWorkflow();
    await openWorkflow(to);
  }
}

export async function duplicate(from: string, to: string): Promise<void> {
  if (useGraph.getState().name === from) await saveNow();
  await duplicateWorkflow(from, to);
  await useWorkflowList.getState().refresh();
  await openWorkflow(to);
}

/** The host moves the file to the workspace's trash. */
export async function remove(name: string): Promise<void> {
  await deleteWorkflow(name);
  if (useGraph.getState().name === name) {
    resetAutosave();
    useRuns.getState().hide();
    closeWorkflow();
  }
  await useWorkflowList.getState().refresh();
}

/**
 * Saves, then starts a run with `payload` (JSON text) or the Input block's sample, and draws
 * it on the canvas. A refusal (the graph has problems) is returned for the page to show.
 */
export async function startRun(payload?: string): Promise<ReturnType<typeof toFailure> | null> {
  const name = useGraph.getState().name;
  if (name === null) return null;
  await saveNow();
  if (useGraph.getState().save === 'failed') return useGraph.getState().saveFailure;
  try {
    const started = await runWorkflow(name, payload);
    await useRuns.getState().show(started.executionArn);
    void useRuns.getState().loadRuns(name);
    return null;
  } catch (error) {
    const failure = toFailure(error, 'The run did not start');
    useUi.getState().showBottomTab('problems');
    return failure;
  }
}
