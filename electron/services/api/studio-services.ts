import { join } from 'node:path';
import type { AppInfo } from '../../../shared/contract/app.ts';
import { createTypeLibraries } from '../editor/type-libraries.ts';
import { createTemplates } from '../templates/templates.ts';
import { createFunctionStore } from '../workspace/function-store.ts';
import { openWorkspace, type WorkspaceLayout } from '../workspace/layout.ts';
import { watchWorkspace } from '../workspace/watcher.ts';
import { createHandlers } from './create-handlers.ts';
import { createEventHub, type EventHub } from './event-hub.ts';
import { createDispatch, type Dispatch } from './handler-table.ts';

/** What a host (the desktop app or `serve`) says about itself and where things are. */
export interface StudioServicesOptions {
  workspaceDir: string;
  host: AppInfo['host'];
  version: string;
  /** The `resources/` folder (templates, bootstraps). */
  resourcesDir: string;
  /** A `node_modules` holding the declaration packages handed to the editor. */
  nodeModulesDir: string;
  /** Where problems that reach no caller are written (stderr in `serve`). */
  log?: (message: string, error?: unknown) => void;
}

/** Every service of an open workspace, wired together, and the one way to call them. */
export interface StudioServices {
  layout: WorkspaceLayout;
  events: EventHub;
  dispatch: Dispatch;
  /** Stops the watcher; the services answer no more calls after it. */
  close(): Promise<void>;
}

/** Opens (creating if needed) the workspace and starts the services behind the contract. */
export async function startStudioServices(options: StudioServicesOptions): Promise<StudioServices> {
  const log = options.log ?? (() => {});
  const layout = await openWorkspace(options.workspaceDir);
  const events = createEventHub((error) => log('An event listener failed', error));
  const templates = createTemplates(join(options.resourcesDir, 'templates'));
  const handlers = createHandlers({
    appInfo: { version: options.version, workspace: layout.root, host: options.host, platform: process.platform },
    functions: createFunctionStore({ layout, templates }),
    templates,
    typeLibraries: createTypeLibraries({ nodeModulesDir: options.nodeModulesDir }),
  });
  const watcher = watchWorkspace(layout, (change) => events.emit('workspace.changed', change), {
    onError: (error) => log('Watching the workspace failed', error),
  });
  await watcher.ready;
  return {
    layout,
    events,
    dispatch: createDispatch(handlers, log),
    close: () => watcher.close(),
  };
}
