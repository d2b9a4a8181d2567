import { BrowserWindow, screen, shell } from 'electron';
import { join } from 'node:path';
import { fitToDisplays, loadWindowState, saveWindowState, type WindowState } from './window-state.ts';

/** Where the page comes from and how the window is remembered. */
export interface WindowOptions {
  /** The page to load: `studio://app/index.html`, or the dev server's URL. */
  url: string;
  preload: string;
  stateFile: string;
  isTrustedUrl(url: string): boolean;
}

function currentState(window: BrowserWindow): WindowState {
  const bounds = window.getNormalBounds();
  return { x: bounds.x, y: bounds.y, width: bounds.width, height: bounds.height, maximized: window.isMaximized() };
}

/** The studio window: isolated, sandboxed, no Node in the page, and no way to navigate away. */
export async function createMainWindow(options: WindowOptions): Promise<BrowserWindow> {
  const saved = fitToDisplays(await loadWindowState(options.stateFile), screen.getAllDisplays().map((display) => display.workArea));
  const window = new BrowserWindow({
    ...(saved.x !== undefined && saved.y !== undefined ? { x: saved.x, y: saved.y } : {}),
    width: saved.width,
    height: saved.height,
    minWidth: 800,
    minHeight: 500,
    show: false,
    title: 'Lambda Studio',
    backgroundColor: '#1e1e1e',
    webPreferences: {
      preload: options.preload,
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      webSecurity: true,
      spellcheck: false,
    },
  });
  if (saved.maximized) window.maximize();
  window.once('ready-to-show', () => window.show());

  // Links to the outside world open in the user's browser; the studio window never leaves its page.
  window.webContents.setWindowOpenHandler(({ url }) => {
    if (url.startsWith('https://')) void shell.openExternal(url);
    return { action: 'deny' };
  });
  window.webContents.on('will-navigate', (event, url) => {
    if (!options.isTrustedUrl(url)) event.preventDefault();
  });
  window.webContents.on('will-attach-webview', (event) => event.preventDefault());

  let saveTimer: ReturnType<typeof setTimeout> | undefined;
  const scheduleSave = () => {
    if (saveTimer !== undefined) clearTimeout(saveTimer);
    saveTimer = setTimeout(() => void saveWindowState(options.stateFile, currentState(window)).catch(() => {}), 500);
  };
  window.on('resize', scheduleSave);
  window.on('move', scheduleSave);
  window.on('maximize', scheduleSave);
  window.on('unmaximize', scheduleSave);
  window.on('close', () => {
    if (saveTimer !== undefined) clearTimeout(saveTimer);
    void saveWindowState(options.stateFile, currentState(window)).catch(() => {});
  });

  await window.loadURL(options.url);
  return window;
}

/** The preload script next to the built main bundle. */
export function preloadPath(mainDir: string): string {
  return join(mainDir, '..', 'preload', 'index.cjs');
}
