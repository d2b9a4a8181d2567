import type { SamTemplateFile } from '../../shared/contract/export.ts';
import type { HistoryEvent } from '../../shared/contract/executions.ts';
import type { DeployRole } from '../../shared/contract/targets.ts';
import type { WorkflowDeployResult, WorkflowDetail, WorkflowRun, WorkflowSummary } from '../../shared/contract/workflows.ts';
import type { WorkflowGraph } from '../../shared/workflow/schema.ts';
import { api } from '../api/api.ts';
import { currentTargetParam } from '../targets/target-store.ts';

/** The Workflows page's calls over the contract, in one place. Runs go to the target chosen in the status bar. */

export const listWorkflows = (): Promise<WorkflowSummary[]> => api().call('workflows.list', {});
export const getWorkflow = (name: string): Promise<WorkflowDetail> => api().call('workflows.get', { name });
export const createWorkflow = (name: string): Promise<WorkflowDetail> => api().call('workflows.create', { name });
export const saveWorkflow = (name: string, graph: WorkflowGraph): Promise<WorkflowDetail> => api().call('workflows.save', { name, graph });
export const renameWorkflow = (from: string, to: string): Promise<WorkflowDetail> => api().call('workflows.rename', { from, to });
export const duplicateWorkflow = (from: string, to: string): Promise<WorkflowDetail> => api().call('workflows.duplicate', { from, to });
export const listRuns = (name: string): Promise<WorkflowRun[]> => api().call('workflows.runs', { name, ...currentTargetParam() });
export const exportWorkflow = (name: string): Promise<{ fileName: string; code: string }> => api().call('workflows.export', { name });
export const exportWorkflowSam = (name: string): Promise<SamTemplateFile> => api().call('workflows.exportSam', { name });
export const deployWorkflow = (name: string, target: string, role: DeployRole | undefined): Promise<WorkflowDeployResult> =>
  api().call('workflows.deploy', { name, target, ...(role === undefined ? {} : { role }) });

export async function deleteWorkflow(name: string): Promise<void> {
  await api().call('workflows.delete', { name });
}

/** Starts a run of the saved file; `payload` is JSON text (the Input block's sample when absent). */
export function runWorkflow(name: string, payload?: string): Promise<{ executionArn: string; executionName: string }> {
  return api().call('workflows.run', { name, ...(payload === undefined ? {} : { payload }), ...currentTargetParam() });
}

/** The path of a workflow's file, as workspace events name it. */
export function workflowPath(name: string): string {
  return `workflows/${name}.workflow.json`;
}

/** A run's history, asking only for events after those already read when the host can say which. */
export async function readHistory(arn: string, known: readonly HistoryEvent[]): Promise<HistoryEvent[]> {
  const after = known.at(-1)?.EventId;
  const reply = await api().call('executions.history', { arn, ...currentTargetParam(), ...(after === undefined ? {} : { afterEventId: after }) });
  return reply.continued === true ? [...known, ...reply.Events] : reply.Events;
}

/** The callback an Approval block waits on, when the history did not carry its id. */
export async function pendingCallbackIds(executionArn: string): Promise<Map<string, string>> {
  const pending = await api().call('callbacks.pending', currentTargetParam());
  return new Map(pending.filter((p) => p.executionArn === executionArn && p.operationName !== undefined).map((p) => [p.operationName as string, p.callbackId]));
}
