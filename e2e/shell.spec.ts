import { expect, test } from './fixtures/studio.ts';

test('the frame: token kept out of the URL, sizes and panel state survive a reload, shortcuts in tooltips', async ({ studio, page }) => {
  // The token moved from the address bar to the tab's session storage.
  expect(page.url()).not.toContain('token');

  await page.getByTestId('new-function').hover();
  await expect(page.locator('.tooltip')).toContainText(/New function\s*Ctrl\+N/);

  await page.keyboard.press('ControlOrMeta+N');
  await expect(studio.functions.dialog).toBeVisible();
  await page.keyboard.press('Escape');
  await expect(studio.functions.dialog).toBeHidden();

  const before = await studio.sideWidth();
  await studio.dragSideSeparator(120);
  await expect.poll(() => studio.sideWidth()).toBeGreaterThan(before + 80);
  const widened = await studio.sideWidth();

  await page.locator('body').click({ position: { x: 700, y: 300 } });
  await page.keyboard.press('ControlOrMeta+J');
  await expect(studio.bottomPanel).toBeHidden();

  await page.reload();
  await expect(page.getByTestId('status-workspace')).not.toContainText('connecting');
  await expect.poll(() => studio.sideWidth()).toBeGreaterThan(widened - 4);
  expect(await studio.sideWidth()).toBeLessThan(widened + 4);
  await expect(studio.bottomPanel).toBeHidden();

  await studio.screenshotBothThemes('13-frame-resized-panel-hidden');
  await page.getByTestId('status-problems').click();
  await expect(studio.bottomPanel).toBeVisible();

  await studio.activity('settings').click();
  await page.getByTestId('theme-dark').click();
  await expect(page.locator('html')).toHaveAttribute('data-theme', 'dark');
  await page.getByTestId('theme-system').click();
  await expect(page.locator('html')).toHaveAttribute('data-theme', 'light');
});
