import { createSamExporter } from '../export/sam-exporter.ts';
import type { WorkflowStore } from '../workflows/workflow-store.ts';
import type { FunctionStore } from '../workspace/function-store.ts';
import type { Handlers } from './handler-table.ts';

type ExportArea = Pick<Handlers, 'functions.exportSam' | 'workflows.exportSam'>;

/** Export to AWS SAM: a template for a function, or for a workflow with its runner and functions. */
export function createExportHandlers(stores: { functions: FunctionStore; workflows: WorkflowStore }): ExportArea {
  const exporter = createSamExporter(stores);
  return {
    'functions.exportSam': ({ name }) => exporter.exportFunction(name),
    'workflows.exportSam': ({ name }) => exporter.exportWorkflow(name),
  };
}
