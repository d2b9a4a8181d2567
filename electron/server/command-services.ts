import { startStudioServices, type StudioServices } from '../services/studio/studio-services.ts';
import { log, workspaceFrom } from './cli-support.ts';
import { projectPaths, projectVersion } from './project-paths.ts';

/**
 * The studio's services for a one-shot command (invoke, deploy, a workflow run): functions are
 * synced when the command needs them, since bundling the others would only delay it.
 */
export function openCommandServices(workspace: string | undefined, options: { lambdaPort?: number } = {}): Promise<StudioServices> {
  return startStudioServices({
    workspaceDir: workspaceFrom(workspace),
    host: 'serve',
    version: projectVersion(),
    resourcesDir: projectPaths.resourcesDir,
    nodeModulesDir: projectPaths.nodeModulesDir,
    syncOnStart: false,
    // A one-shot command must not run the workspace's schedules behind its back.
    runSchedules: false,
    runQueues: false,
    ...(options.lambdaPort === undefined ? {} : { lambdaPort: options.lambdaPort }),
    log,
  });
}
