import { StudioError } from '../../../shared/contract/errors.ts';
import type { SamTemplateFile } from '../../../shared/contract/export.ts';
import { describeProblem, validateWorkflow } from '../../../shared/workflow/validate.ts';
import type { FunctionConfig } from '../../../shared/workspace/function-config.ts';
import type { WorkflowStore } from '../workflows/workflow-store.ts';
import { RUNNER_CONFIG } from '../workflows/workflow-runner.ts';
import type { FunctionStore } from '../workspace/function-store.ts';
import { typescriptEntry } from './sam-function.ts';
import { buildSamTemplate, formatSamTemplate, type TemplateFunction } from './sam-template.ts';
import { LIVE_ALIAS, runnerFunctionName } from './sam-names.ts';
import { WORKFLOW_METADATA_KEY, workflowMetadata } from './workflow-metadata.ts';

/** Where the workflow runner's bundle goes, relative to the template (the workspace root). */
export const RUNNER_CODE_DIR = 'workflow-runner';

/** Turns workspace functions and workflows into AWS SAM templates. */
export interface SamExporter {
  exportFunction(name: string): Promise<SamTemplateFile>;
  exportWorkflow(name: string): Promise<SamTemplateFile>;
}

const DEPLOY_LINES = ['Save it as template.yaml at the workspace root (CodeUri paths are relative to it), then: sam build && sam deploy --guided'];

/** A workspace function as a template function; its source folder is its CodeUri. */
async function workspaceFunction(functions: FunctionStore, name: string, usedBy?: string): Promise<TemplateFunction> {
  const detail = await functions.get(name).catch((error: unknown) => {
    if (usedBy !== undefined && error instanceof StudioError && error.code === 'NOT_FOUND') {
      throw new StudioError('NOT_FOUND', `The workflow "${usedBy}" calls the function "${name}", which is not in this workspace.`);
    }
    throw error;
  });
  if (detail.config === null) {
    throw new StudioError('INVALID_CONFIG', `functions/${name}/function.json is not valid, so "${name}" cannot be exported. Fix it and export again.`, detail.configError);
  }
  const config: FunctionConfig = detail.config;
  const entry = config.runtime.startsWith('nodejs') ? typescriptEntry(config.handler, detail.files) : undefined;
  return { name, config, code: { codeUri: `functions/${name}/`, ...(entry === undefined ? {} : { esbuildEntry: entry }) } };
}

/** An exporter over a workspace's stores. */
export function createSamExporter(stores: { functions: FunctionStore; workflows: WorkflowStore }): SamExporter {
  const { functions, workflows } = stores;
  return {
    async exportFunction(name) {
      const fn = await workspaceFunction(functions, name);
      const template = buildSamTemplate({ description: `Lambda Studio function ${name}`, functions: [fn] });
      const header = [`AWS SAM template for the function "${name}", exported from Lambda Studio.`, ...DEPLOY_LINES];
      return { fileName: 'template.yaml', text: formatSamTemplate(template, header) };
    },

    async exportWorkflow(name) {
      const detail = await workflows.get(name);
      if (detail.graph === null) {
        throw new StudioError('INVALID_CONFIG', `workflows/${name}.workflow.json cannot be read, so "${name}" cannot be exported.`, detail.fileError);
      }
      const graph = detail.graph;
      const problems = validateWorkflow(graph);
      if (problems.length > 0) {
        throw new StudioError('BAD_INPUT', `The workflow "${name}" cannot run, so it is not exported.`, problems.map(describeProblem).join('\n'));
      }
      const targets = [...new Set(graph.blocks.flatMap((block) => (block.type === 'lambda' ? [block.function] : [])))].sort();
      const called: TemplateFunction[] = [];
      for (const target of targets) called.push(await workspaceFunction(functions, target, name));
      const runner = runnerFunctionName(name);
      const runnerFn: TemplateFunction = {
        name: runner,
        config: { ...RUNNER_CONFIG, description: `Runs the workflow ${name}: one durable execution per run.` },
        code: { codeUri: `${RUNNER_CODE_DIR}/` },
        invokes: targets,
      };
      const template = buildSamTemplate({
        description: `Lambda Studio workflow ${name}`,
        functions: [runnerFn, ...called],
        metadata: workflowMetadata({ workflow: name, runner, graph }),
      });
      const header = [
        `AWS SAM template for the workflow "${name}", exported from Lambda Studio.`,
        ...DEPLOY_LINES,
        '',
        `${RUNNER_CODE_DIR}/ holds the workflow runner's bundle: npm run cli -- export-sam workflow ${name} --workspace DIR --write`,
        'writes it there together with this file.',
        `A run is a durable execution of ${runner}:${LIVE_ALIAS}. Invoke it (asynchronously for long runs) with the event`,
        `{"workflow": "${name}", "graph": <Metadata ${WORKFLOW_METADATA_KEY} Graph, as JSON>, "input": <the payload>}.`,
        `In that graph each Lambda block calls its function's ${LIVE_ALIAS} alias, which is all the runner's role may invoke.`,
      ];
      return { fileName: 'template.yaml', text: formatSamTemplate(template, header) };
    },
  };
}
