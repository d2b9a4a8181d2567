import { expect, test } from './fixtures/studio.ts';
import { ExecutionsPage } from './pages/executions-page.ts';
import { hostApi, startOrder } from './pages/executions-host.ts';

/** The execution name is the ARN's second-last part: `…/durable-execution/<name>/<id>`. */
function nameOf(arn: string): string {
  return arn.split('/').at(-2) ?? arn;
}

test('the command palette: Ctrl+Shift+P opens it, "exec" finds Executions and an execution by name, shortcuts shown, Ctrl+B hides the side list', async ({ studio, serve }) => {
  const { page } = studio;
  await studio.functions.create('orders', 'durable-ts');
  const arn = await startOrder(hostApi(serve), 'orders', 'P-1');

  await page.keyboard.press('ControlOrMeta+Shift+P');
  await expect(studio.palette).toBeVisible();
  await page.keyboard.type('exec');
  const goTo = studio.palette.getByRole('option', { name: /Go to Executions/ });
  await expect(goTo).toBeVisible();
  await expect(studio.palette.getByRole('option', { name: new RegExp(nameOf(arn)) })).toBeVisible();
  await studio.screenshotBothThemes('60-palette-exec');
  await goTo.click();
  await expect(studio.palette).toBeHidden();
  await expect(page.getByTestId('execution-list')).toBeVisible();

  // Every action is there with its shortcut.
  await page.keyboard.press('ControlOrMeta+K');
  await page.keyboard.type('sidebar');
  await expect(studio.palette.getByRole('option', { name: /Toggle the sidebar/ })).toContainText(/Ctrl\+B/);
  await page.keyboard.press('Escape');
  await page.keyboard.press('ControlOrMeta+Shift+P');
  await page.keyboard.type('invoke');
  await expect(studio.palette.getByRole('option', { name: /Invoke the open function/ })).toContainText(/Ctrl\+Enter/);
  await page.keyboard.press('Escape');

  // The side list folds away and comes back.
  await expect(studio.sidePanel).toBeVisible();
  await page.keyboard.press('ControlOrMeta+B');
  await expect.poll(() => studio.sideWidth()).toBeLessThan(2);
  await page.keyboard.press('ControlOrMeta+B');
  await expect.poll(() => studio.sideWidth()).toBeGreaterThan(150);

  // An execution opens by name.
  await page.keyboard.press('ControlOrMeta+Shift+P');
  await page.keyboard.type(nameOf(arn).slice(0, 10));
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('execution-name')).toHaveText(nameOf(arn));
});

test('navigation returns: the Executions icon and All show the list, Alt+Left/Right and the mouse buttons go back and forth across pages', async ({ studio, serve }) => {
  const { page } = studio;
  await studio.functions.create('orders', 'durable-ts');
  const arn = await startOrder(hostApi(serve), 'orders', 'N-1');
  const name = nameOf(arn);
  const executions = new ExecutionsPage(page);
  await executions.open();
  await executions.openExecution(name);

  // The icon shows the list, not the last execution again.
  await studio.activity('functions').click();
  await studio.activity('executions').click();
  await expect(page.getByTestId('execution-list')).toBeVisible();
  await executions.openExecution(name);
  await studio.activity('executions').click();
  await expect(page.getByTestId('execution-list')).toBeVisible();
  await executions.openExecution(name);
  await page.getByTestId('side-executions').getByRole('button', { name: /^All/ }).click();
  await expect(page.getByTestId('execution-list')).toBeVisible();

  // Back returns to the execution, then further back; forward comes again.
  await page.keyboard.press('Alt+ArrowLeft');
  await expect(page.getByTestId('execution-name')).toHaveText(name);
  await page.keyboard.press('Alt+ArrowLeft');
  await expect(page.getByTestId('execution-list')).toBeVisible();
  await page.keyboard.press('Alt+ArrowRight');
  await expect(page.getByTestId('execution-name')).toHaveText(name);

  await studio.activity('settings').click();
  await expect(page.getByTestId('settings-page')).toBeVisible();
  // The mouse's back button (button 3) and forward button (button 4).
  await page.getByTestId('settings-page').dispatchEvent('mouseup', { button: 3 });
  await expect(page.getByTestId('execution-name')).toHaveText(name);
  await page.getByTestId('execution-detail').dispatchEvent('mouseup', { button: 4 });
  await expect(page.getByTestId('settings-page')).toBeVisible();
  // Back across pages to the function that was open in the editor.
  for (let i = 0; i < 5; i++) await page.keyboard.press('Alt+ArrowLeft');
  await expect(page.getByTestId('editor-function-name')).toHaveText('orders');
  // Nothing before the first page: the studio stays.
  for (let i = 0; i < 8; i++) await page.keyboard.press('Alt+ArrowLeft');
  await expect(page.getByTestId('editor-empty')).toBeVisible();
  await expect(page.getByTestId('app')).toBeVisible();
});

test('at 1000×700 the executions list fits with its row actions in a menu, Settings has no side list, the invoke panel regains its width', async ({ studio, serve }) => {
  const { page } = studio;
  await studio.functions.create('orders', 'durable-ts');
  const invokePanel = page.getByTestId('invoke-panel');
  await expect(invokePanel).toBeVisible();
  const wide = (await invokePanel.boundingBox())?.width ?? 0;
  expect(wide).toBeGreaterThan(400);

  await page.setViewportSize({ width: 1000, height: 700 });
  await expect.poll(async () => (await invokePanel.boundingBox())?.width ?? 0).toBeLessThan(wide - 20);
  await studio.screenshotBothThemes('61-editor-1000x700');
  // Opened small, then the window grows: the panel takes its width back.
  await page.reload();
  await expect(page.getByTestId('status-workspace')).not.toContainText('connecting');
  await studio.functions.row('orders').click();
  await expect(invokePanel).toBeVisible();
  await page.setViewportSize({ width: 1400, height: 900 });
  await expect.poll(async () => Math.round((await invokePanel.boundingBox())?.width ?? 0)).toBeGreaterThan(wide - 3);
  await page.setViewportSize({ width: 1000, height: 700 });

  const arn = await startOrder(hostApi(serve), 'orders', 'W-1');
  const executions = new ExecutionsPage(page);
  await executions.open();
  const list = page.getByTestId('execution-list');
  const row = executions.row(nameOf(arn));
  await expect(row).toHaveAttribute('data-status', 'RUNNING');
  // No horizontal scrolling: the list is as wide as its content.
  expect(await list.evaluate((el) => el.scrollWidth - el.clientWidth)).toBeLessThanOrEqual(0);
  const menu = row.getByTestId('execution-actions');
  await expect(menu).toBeVisible();
  await expect(row.getByTestId('execution-stop')).toBeHidden();
  const box = await menu.boundingBox();
  expect((box?.x ?? 9999) + (box?.width ?? 0)).toBeLessThanOrEqual(1000);
  await studio.screenshotBothThemes('62-executions-1000x700');
  await menu.click();
  await expect(page.getByRole('menuitem', { name: /Re-run/ })).toBeVisible();
  await page.getByRole('menuitem', { name: /Stop/ }).click();
  await page.getByTestId('confirm-ok').click();
  await expect(row).toHaveAttribute('data-status', 'STOPPED');

  await studio.activity('settings').click();
  await expect(page.getByTestId('settings-page')).toBeVisible();
  await expect(page.getByTestId('side-settings')).toHaveCount(0);
  await expect.poll(() => studio.sideWidth()).toBeLessThan(2);
  await studio.screenshotBothThemes('63-settings-1000x700');
  await page.setViewportSize({ width: 1400, height: 900 });
  await studio.screenshotBothThemes('63-settings-1400x900');
  await page.setViewportSize({ width: 1000, height: 700 });
  await page.keyboard.press('ControlOrMeta+Shift+P');
  await page.keyboard.type('go to');
  await studio.screenshotBothThemes('60-palette-1000x700');
  await page.keyboard.press('Escape');
  await studio.activity('functions').click();
  await expect.poll(() => studio.sideWidth()).toBeGreaterThan(150);
});
