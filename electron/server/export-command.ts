import { InvalidArgumentError, type Command } from 'commander';
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { StudioError } from '../../shared/contract/errors.ts';
import type { SamTemplateFile } from '../../shared/contract/export.ts';
import { writeRunnerBundle } from '../services/export/runner-bundle.ts';
import { createSamExporter, RUNNER_CODE_DIR } from '../services/export/sam-exporter.ts';
import { createTemplates } from '../services/templates/templates.ts';
import { createWorkflowStore } from '../services/workflows/workflow-store.ts';
import { createFunctionStore } from '../services/workspace/function-store.ts';
import { workspaceLayout } from '../services/workspace/layout.ts';
import { log, WORKSPACE_HELP, workspaceFrom } from './cli-support.ts';
import { projectPaths } from './project-paths.ts';

type Kind = 'function' | 'workflow';

interface ExportOptions {
  workspace?: string;
  write: boolean;
}

function parseKind(value: string): Kind {
  if (value === 'function' || value === 'workflow') return value;
  throw new InvalidArgumentError('export a "function" or a "workflow".');
}

/**
 * Exit codes: 0 exported, 2 not exported (missing, broken, a workflow that cannot run). Only the
 * workspace's files are read, so no local Lambda service is started.
 */
async function exportSam(kind: Kind, name: string, options: ExportOptions): Promise<number> {
  const layout = workspaceLayout(workspaceFrom(options.workspace));
  const functions = createFunctionStore({ layout, templates: createTemplates(join(projectPaths.resourcesDir, 'templates')) });
  const exporter = createSamExporter({ functions, workflows: createWorkflowStore(layout) });
  let file: SamTemplateFile;
  try {
    file = kind === 'function' ? await exporter.exportFunction(name) : await exporter.exportWorkflow(name);
  } catch (error) {
    if (!(error instanceof StudioError)) throw error;
    log(error.message);
    if (error.details !== undefined) log(error.details);
    return 2;
  }
  if (options.write) {
    await writeFile(join(layout.root, file.fileName), file.text);
    log(`Wrote ${join(layout.root, file.fileName)}`);
    if (kind === 'workflow') {
      await writeRunnerBundle({ resourcesDir: projectPaths.resourcesDir, outDir: join(layout.root, RUNNER_CODE_DIR) });
      log(`Wrote the workflow runner's bundle to ${join(layout.root, RUNNER_CODE_DIR)}`);
    }
  }
  process.stdout.write(file.text);
  return 0;
}

/** `export-sam`: an AWS SAM template for a function or a workflow, for a team's own pipeline. */
export function addExportCommand(program: Command): void {
  program
    .command('export-sam')
    .description('Print an AWS SAM template (template.yaml) for a workspace function or workflow.')
    .argument('<kind>', '"function" or "workflow"', parseKind)
    .argument('<name>', 'the function (a folder under functions/) or workflow (workflows/<name>.workflow.json)')
    .option('-w, --workspace <dir>', WORKSPACE_HELP)
    .option('--write', `also save template.yaml at the workspace root (and, for a workflow, the runner's bundle in ${RUNNER_CODE_DIR}/)`, false)
    .action(async (kind: Kind, name: string, options: ExportOptions) => {
      let code: number;
      try {
        code = await exportSam(kind, name, options);
      } catch (error) {
        log(`Exporting ${kind} "${name}" failed`, error);
        code = 2;
      }
      await new Promise<void>((resolve) => process.stdout.write('', () => resolve()));
      process.exit(code);
    });
}
