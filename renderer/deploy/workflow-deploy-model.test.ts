import { describe, expect, it } from 'vitest';
import type { DeployProgress } from '../../shared/contract/targets.ts';
import { WORKFLOW_RUNNER_FUNCTION } from '../../shared/workflow/runner-event.ts';
import type { WorkflowGraph } from '../../shared/workflow/schema.ts';
import { applyWorkflowProgress, deployedLines, functionLabel, workflowDeployFunctions, type FunctionSteps } from './workflow-deploy-model.ts';

const event = (functionName: string, step: DeployProgress['step'], status: DeployProgress['status']): DeployProgress => ({ deployId: `d-${functionName}`, functionName, target: 'prod', step, status });

describe('workflowDeployFunctions', () => {
  it('lists each called function once, then the runner', () => {
    const blocks = [
      { id: 'input', type: 'input' },
      { id: 'a', type: 'lambda', function: 'price', returns: [], catches: [] },
      { id: 'b', type: 'lambda', function: 'price', returns: [], catches: [] },
      { id: 'c', type: 'lambda', function: '', returns: [], catches: [] },
      { id: 'd', type: 'lambda', function: 'ship', returns: [], catches: [] },
    ] as unknown as WorkflowGraph['blocks'];
    expect(workflowDeployFunctions({ blocks })).toEqual(['price', 'ship', WORKFLOW_RUNNER_FUNCTION]);
  });
});

describe('applyWorkflowProgress', () => {
  it('groups the steps by function in the order they start', () => {
    let groups: FunctionSteps[] = [];
    groups = applyWorkflowProgress(groups, event('price', 'bundle', 'running'));
    groups = applyWorkflowProgress(groups, event('price', 'bundle', 'done'));
    groups = applyWorkflowProgress(groups, event(WORKFLOW_RUNNER_FUNCTION, 'bundle', 'running'));
    expect(groups).toEqual([
      { fn: 'price', rows: [{ step: 'bundle', status: 'done' }] },
      { fn: WORKFLOW_RUNNER_FUNCTION, rows: [{ step: 'bundle', status: 'running' }] },
    ]);
  });
});

describe('deployedLines', () => {
  it('puts the runner first, then each function with its version', () => {
    const lines = deployedLines({
      runner: { functionArn: 'arn:r', version: '2', aliasArn: 'arn:r:live' },
      functions: [{ name: 'price', version: '5', aliasArn: 'arn:p:live' }],
    });
    expect(lines.map((l) => `${l.label} v${l.version}`)).toEqual(['Workflow runner v2', 'price v5']);
    expect(functionLabel('price')).toBe('price');
  });
});
