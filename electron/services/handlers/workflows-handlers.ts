import { StudioError } from '../../../shared/contract/errors.ts';
import type { DeployRole } from '../../../shared/contract/targets.ts';
import type { WorkflowDeployResult } from '../../../shared/contract/workflows.ts';
import type { WorkflowGraph } from '../../../shared/workflow/schema.ts';
import { describeProblem, validateWorkflow } from '../../../shared/workflow/validate.ts';
import type { WorkflowRunIndex } from '../workflows/run-index.ts';
import type { WorkflowStore } from '../workflows/workflow-store.ts';
import type { Handlers } from './handler-table.ts';
import type { WorkflowRuns } from './workflow-runs.ts';

type WorkflowsArea = Pick<
  Handlers,
  | 'workflows.list'
  | 'workflows.get'
  | 'workflows.create'
  | 'workflows.save'
  | 'workflows.rename'
  | 'workflows.duplicate'
  | 'workflows.delete'
  | 'workflows.run'
  | 'workflows.runs'
  | 'workflows.export'
  | 'workflows.deploy'
>;

/** What the Workflows page's methods need. */
export interface WorkflowsServices {
  workflows: WorkflowStore;
  runs: WorkflowRuns;
  /** Which runs belong to which workflow; follows renames and deletions. */
  index: WorkflowRunIndex;
  /** Turns a graph into the TypeScript durable handler that does what it does. */
  exportCode: (name: string, graph: WorkflowGraph) => string;
  /** Deploys the workflow's functions and the runner to an AWS target. */
  deploy: (input: { name: string; target: string; role?: DeployRole }) => Promise<WorkflowDeployResult>;
}

/** The Workflows page's handlers: workflow files, runs, and export as code. */
export function createWorkflowsHandlers({ workflows, runs, index, exportCode, deploy }: WorkflowsServices): WorkflowsArea {
  return {
    'workflows.list': () => workflows.list(),
    'workflows.get': ({ name }) => workflows.get(name),
    'workflows.create': async ({ name }) => {
      const created = await workflows.create(name);
      // Runs of an earlier workflow of this name (its file deleted outside the studio) are not this one's.
      await index.remove(name);
      return created;
    },
    'workflows.save': ({ name, graph }) => workflows.save(name, graph),
    'workflows.rename': async ({ from, to }) => {
      const renamed = await workflows.rename(from, to);
      await index.rename(from, to);
      return renamed;
    },
    'workflows.duplicate': async ({ from, to }) => {
      const copy = await workflows.duplicate(from, to);
      await index.remove(to);
      return copy;
    },
    'workflows.delete': async ({ name }) => {
      await workflows.remove(name);
      await index.remove(name);
      return { ok: true };
    },
    'workflows.run': ({ name, payload, target }) => runs.start(name, payload, target),
    'workflows.runs': ({ name, target }) => runs.list(name, target),
    'workflows.deploy': (input) => deploy(input),
    'workflows.export': async ({ name }) => {
      const detail = await workflows.get(name);
      if (detail.graph === null) throw new StudioError('INVALID_CONFIG', `The workflow "${name}" cannot be exported: its file is broken.`, detail.fileError);
      // Functions are looked up where the handler is deployed, so only the graph itself is checked.
      const problems = validateWorkflow(detail.graph);
      if (problems.length > 0) {
        throw new StudioError(
          'INVALID_CONFIG',
          `The workflow "${name}" cannot be exported: ${problems.length} ${problems.length === 1 ? 'problem' : 'problems'}`,
          problems.map(describeProblem).join('\n'),
        );
      }
      return { fileName: `${name}.handler.ts`, code: exportCode(name, detail.graph) };
    },
  };
}
