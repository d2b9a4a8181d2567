import { spawn } from 'node:child_process';

/** The command that opens a URL in the default browser on this platform. */
function openerFor(platform: NodeJS.Platform): { command: string; args: string[] } {
  if (platform === 'darwin') return { command: 'open', args: [] };
  // `start` is a cmd built-in; the empty string is the window title it otherwise takes from the URL.
  if (platform === 'win32') return { command: 'cmd', args: ['/c', 'start', '""'] };
  return { command: 'xdg-open', args: [] };
}

/**
 * Opens `url` in the default browser, best effort: a missing opener (a server without a
 * desktop) is reported through `onFailure` and never throws.
 */
export function openBrowser(url: string, onFailure: (reason: string) => void = () => {}): void {
  const { command, args } = openerFor(process.platform);
  try {
    const child = spawn(command, [...args, url], { stdio: 'ignore', detached: true });
    child.on('error', (error) => onFailure(`${command} could not be started (${error.message})`));
    child.unref();
  } catch (error) {
    onFailure(error instanceof Error ? error.message : String(error));
  }
}
