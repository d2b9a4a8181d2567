import { _electron as electron, expect, test, type ElectronApplication } from '@playwright/test';
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PROJECT_ROOT, withProjectBin } from './fixtures/paths.ts';
import { FunctionsPage } from './pages/functions-page.ts';

/** The Electron binary npm installed, if its download succeeded; asking the package itself would try to download it. */
function electronBinary(): string | undefined {
  const dir = join(PROJECT_ROOT, 'node_modules', 'electron');
  const pathFile = join(dir, 'path.txt');
  if (!existsSync(pathFile)) return undefined;
  const binary = join(dir, 'dist', readFileSync(pathFile, 'utf8').trim());
  return existsSync(binary) ? binary : undefined;
}

const binary = electronBinary();

test.describe('desktop app', () => {
  test.skip(binary === undefined, 'no Electron binary in node_modules/electron on this machine; these run wherever it is installed');

  let app: ElectronApplication;
  let workspace: string;
  let userData: string;

  test.beforeAll(async () => {
    execFileSync('npm', ['run', '--silent', 'build:electron'], { cwd: PROJECT_ROOT, env: withProjectBin(process.env), stdio: 'inherit' });
    workspace = await mkdtemp(join(tmpdir(), 'studio-desktop-'));
    userData = await mkdtemp(join(tmpdir(), 'studio-desktop-data-'));
  });

  test.afterAll(async () => {
    await app?.close();
    await rm(workspace, { recursive: true, force: true });
    await rm(userData, { recursive: true, force: true });
  });

  test('opens the workspace in a sandboxed window that reaches its host only through the contract', async () => {
    app = await electron.launch({
      executablePath: binary ?? '',
      args: [PROJECT_ROOT, `--user-data-dir=${userData}`, '--workspace', workspace],
      env: Object.fromEntries(Object.entries(withProjectBin(process.env)).filter((entry): entry is [string, string] => entry[1] !== undefined)),
    });
    const window = await app.firstWindow();
    await expect(window.getByTestId('app')).toBeVisible();
    await expect(window.getByTestId('status-workspace')).toContainText(workspace.split('/').pop() ?? '');

    // No Node in the page; the preload's bridge is all there is.
    expect(await window.evaluate(() => typeof (globalThis as { require?: unknown }).require)).toBe('undefined');
    expect(await window.evaluate(() => Object.keys((globalThis as unknown as { studio: object }).studio).sort())).toEqual(['invoke', 'subscribe']);

    await window.getByTestId('activity-settings').click();
    await expect(window.getByTestId('settings-host')).toHaveText('Desktop app');

    // A function made in the window lands on disk and runs from the Invoke panel, over IPC.
    await window.getByTestId('activity-functions').click();
    await new FunctionsPage(window).create('desk', 'node-js');
    await expect.poll(() => readFile(join(workspace, 'functions', 'desk', 'function.json'), 'utf8')).toContain('nodejs');
    await window.getByTestId('invoke-run').click();
    await expect(window.getByTestId('invoke-output')).toHaveAttribute('data-outcome', 'succeeded', { timeout: 30_000 });
    await window.screenshot({ path: join(PROJECT_ROOT, 'e2e', 'screenshots', '35-desktop-invoke.png') });
  });
});
