import { app, BrowserWindow, dialog, session } from 'electron';
import type { ExecutionChanged } from '../../shared/contract/events.ts';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { startStudioServices, type StudioServices } from '../services/studio/studio-services.ts';
import { CONTENT_SECURITY_POLICY } from '../server/web-content.ts';
import { defaultWorkspaceDir } from '../services/workspace/layout.ts';
import { APP_ORIGIN, registerAppScheme, serveRenderer } from './app-protocol.ts';
import { parseMainArgs } from './args.ts';
import { createCallbackNotices } from './callback-notices.ts';
import { createExecutionNotices } from './execution-notices.ts';
import { forwardEventsTo, mountIpc } from './ipc.ts';
import { installMenu } from './menu.ts';
import { notify } from './notify.ts';
import { devServerOf, trustedUrlCheck } from './trusted-url.ts';
import { createMainWindow, preloadPath } from './window.ts';

// electron-vite sets ELECTRON_RENDERER_URL while developing; a packaged app loads only its own files.
const urlOptions = { appOrigin: APP_ORIGIN, packaged: app.isPackaged, devServerUrl: process.env.ELECTRON_RENDERER_URL };
const devServerUrl = devServerOf(urlOptions);
const isTrustedUrl = trustedUrlCheck(urlOptions);

/** The app's folder: the repository in development, `app.asar` when packaged. */
const appRoot = app.getAppPath();
/** Unpacked files beside the archive (the same folder in development): what child processes read. */
const unpackedRoot = appRoot.replace(/app\.asar$/, 'app.asar.unpacked');
const resourcesDir = join(unpackedRoot, 'resources');

function appVersion(): string {
  try {
    const pkg = JSON.parse(readFileSync(join(appRoot, 'package.json'), 'utf8')) as { version?: unknown };
    return typeof pkg.version === 'string' ? pkg.version : app.getVersion();
  } catch {
    return app.getVersion();
  }
}

registerAppScheme();

if (!app.requestSingleInstanceLock()) {
  // Another studio is running: it gets focus (below), this one leaves.
  app.quit();
} else {
  let window: BrowserWindow | undefined;
  let services: StudioServices | undefined;
  // `npm start` runs from the project root; INIT_CWD is where the user typed the command.
  const workspace = parseMainArgs(process.argv, process.env.INIT_CWD ?? process.cwd()).workspace ?? defaultWorkspaceDir();

  app.on('second-instance', () => {
    if (window === undefined) return;
    if (window.isMinimized()) window.restore();
    window.focus();
  });

  app.on('web-contents-created', (_event, contents) => {
    contents.setWindowOpenHandler(() => ({ action: 'deny' }));
  });

  const openWindow = async () => {
    if (services === undefined) return;
    window = await createMainWindow({
      url: devServerUrl ?? `${APP_ORIGIN}/index.html`,
      preload: preloadPath(import.meta.dirname),
      stateFile: join(app.getPath('userData'), 'window-state.json'),
      isTrustedUrl,
    });
    forwardEventsTo(services, window.webContents);
    window.on('closed', () => {
      window = undefined;
    });
  };

  app.whenReady().then(async () => {
    // The dev server's pages get the same policy as the app's own protocol.
    session.defaultSession.webRequest.onHeadersReceived((details, callback) => {
      callback({ responseHeaders: { ...details.responseHeaders, 'Content-Security-Policy': [CONTENT_SECURITY_POLICY] } });
    });
    session.defaultSession.setPermissionRequestHandler((_contents, permission, callback) => callback(permission === 'notifications'));
    serveRenderer(join(appRoot, 'out', 'renderer'));

    services = await startStudioServices({
      workspaceDir: workspace,
      host: 'electron',
      version: appVersion(),
      resourcesDir,
      nodeModulesDir: join(appRoot, 'node_modules'),
      // Development-only packages (the aws-lambda declarations) are shipped beside the archive.
      typeLibraryDirs: [join(process.resourcesPath, 'type-libraries')],
      // The services are bundled into out/main, so their own idea of the source tree is off.
      sandboxPaths: {
        bootstrapDir: join(resourcesDir, 'bootstrap'),
        nodeModulesDir: join(unpackedRoot, 'node_modules'),
        nodeBinary: join(appRoot, 'node_modules', '.bin', 'node'),
      },
      log: (message, error) => console.error(message, error ?? ''),
    });
    mountIpc(services, isTrustedUrl);
    // A long execution finishing while the studio is in the background is worth a notification.
    const noticeFor = createExecutionNotices();
    // A callback that starts waiting is worth one too, even in front: it is someone's turn to act.
    const callbackNotices = createCallbackNotices();
    let pendingCheck: NodeJS.Timeout | undefined;
    const checkPending = () => {
      const running = services;
      if (running === undefined) return;
      running.handlers['callbacks.pending']({}).then(
        (pending) => {
          for (const notice of callbackNotices(pending)) {
            notify(notice.title, notice.body, () => {
              window?.show();
              running.events.emit('app.navigate', { executionArn: notice.executionArn });
            });
          }
        },
        (error: unknown) => console.error('Reading pending callbacks failed', error),
      );
    };
    checkPending();
    services.events.subscribe((event, payload) => {
      if (event !== 'executions.changed') return;
      const notice = noticeFor(payload as ExecutionChanged);
      if (notice !== undefined && window?.isFocused() !== true) notify(notice.title, notice.body, () => window?.show());
      // History arrives in bursts; one look per burst.
      clearTimeout(pendingCheck);
      pendingCheck = setTimeout(checkPending, 300);
    });
    installMenu(
      {
        workspace: services.layout.root,
        openWorkspace: (dir) => {
          const args = process.argv.slice(1).filter((arg, i, all) => !arg.startsWith('--workspace') && all[i - 1] !== '--workspace');
          app.relaunch({ args: [...args, '--workspace', dir] });
          app.quit();
        },
      },
      () => window,
    );
    await openWindow();

    app.on('activate', () => {
      if (BrowserWindow.getAllWindows().length === 0) void openWindow();
    });
  }).catch((error: unknown) => {
    console.error('Lambda Studio could not start', error);
    // A desktop user has no terminal: say it in a window before quitting.
    dialog.showErrorBox('Lambda Studio could not start', error instanceof Error ? error.message : String(error));
    app.exit(1);
  });

  app.on('window-all-closed', () => {
    if (process.platform !== 'darwin') app.quit();
  });

  let closed = false;
  app.on('will-quit', (event) => {
    if (closed || services === undefined) return;
    // Stop the workspace watcher before the process goes.
    event.preventDefault();
    closed = true;
    void services.close().finally(() => app.quit());
  });
}
