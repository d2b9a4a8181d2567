import { join } from 'node:path';
import { WORKFLOW_RUNNER_FUNCTION } from '../../../shared/workflow/runner-event.ts';
import { bundleFunction } from '../bundle/bundle-function.ts';
import { RUNNER_CONFIG } from '../workflows/workflow-runner.ts';

/**
 * Bundles the workflow runner into `outDir`, as the studio bundles it for its own runs: the
 * runner's code is part of the studio, not of the workspace, so an exported workflow template
 * needs this folder beside it. Whatever `outDir` held is replaced.
 */
export async function writeRunnerBundle(options: { resourcesDir: string; outDir: string }): Promise<void> {
  await bundleFunction({
    functionName: WORKFLOW_RUNNER_FUNCTION,
    sourceDir: join(options.resourcesDir, 'workflow-runner'),
    handler: RUNNER_CONFIG.handler,
    outDir: options.outDir,
  });
}
