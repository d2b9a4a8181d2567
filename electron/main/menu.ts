import { app, dialog, Menu, shell, type BrowserWindow, type MenuItemConstructorOptions } from 'electron';

/** What the menu can do that needs the app's state. */
export interface MenuActions {
  workspace: string;
  /** Restarts the app on another workspace folder. */
  openWorkspace(dir: string): void;
}

/** A short native menu: workspace actions, the standard edit/view/window roles, and About. */
export function installMenu(actions: MenuActions, window: () => BrowserWindow | undefined): void {
  const isMac = process.platform === 'darwin';
  const template: MenuItemConstructorOptions[] = [
    ...(isMac ? [{ role: 'appMenu' as const }] : []),
    {
      label: 'File',
      submenu: [
        {
          label: 'Open Workspace…',
          accelerator: 'CmdOrCtrl+O',
          click: async () => {
            const parent = window();
            const options = { title: 'Open a workspace folder', defaultPath: actions.workspace, properties: ['openDirectory' as const, 'createDirectory' as const] };
            const result = parent === undefined ? await dialog.showOpenDialog(options) : await dialog.showOpenDialog(parent, options);
            const [dir] = result.filePaths;
            if (!result.canceled && dir !== undefined && dir !== actions.workspace) actions.openWorkspace(dir);
          },
        },
        { label: 'Reveal Workspace Folder', click: () => void shell.openPath(actions.workspace) },
        { type: 'separator' },
        isMac ? { role: 'close' } : { role: 'quit' },
      ],
    },
    { role: 'editMenu' },
    {
      label: 'View',
      submenu: [
        { role: 'reload' },
        { role: 'toggleDevTools' },
        { type: 'separator' },
        { role: 'resetZoom' },
        { role: 'zoomIn' },
        { role: 'zoomOut' },
        { type: 'separator' },
        { role: 'togglefullscreen' },
      ],
    },
    { role: 'windowMenu' },
    {
      role: 'help',
      submenu: [
        {
          label: 'About Lambda Studio',
          click: () =>
            void dialog.showMessageBox({
              type: 'info',
              title: 'About Lambda Studio',
              message: `Lambda Studio ${app.getVersion()}`,
              detail: `Workspace: ${actions.workspace}\nElectron ${process.versions.electron ?? ''}, Node ${process.versions.node}`,
            }),
        },
      ],
    },
  ];
  Menu.setApplicationMenu(Menu.buildFromTemplate(template));
}
