import type { Locator, Page } from '@playwright/test';
import { expect, test } from './fixtures/studio.ts';
import { ExecutionsPage } from './pages/executions-page.ts';
import { hostApi, startOrder } from './pages/executions-host.ts';

/** The control is shown whole, inside the window and inside `within` (no clipping, no scrolling to reach it). */
async function expectReachable(page: Page, control: Locator, within: Locator): Promise<void> {
  await expect(control).toBeVisible();
  const box = await control.boundingBox();
  const outer = await within.boundingBox();
  if (box === null || outer === null) throw new Error('no layout box');
  expect(box.x).toBeGreaterThanOrEqual(outer.x - 0.5);
  expect(box.x + box.width, `${control.toString()} ends past the window or its bar`).toBeLessThanOrEqual(Math.min(outer.x + outer.width, page.viewportSize()?.width ?? 0) + 0.5);
  expect(box.y + box.height).toBeLessThanOrEqual(outer.y + outer.height + 0.5);
}

/** How many lines a flex row's children sit on (a line is about 30 px; centres on one line differ by a few). */
function lines(row: Locator): Promise<number> {
  return row.evaluate((el) => {
    const centres = [...el.children].map((c) => c.getBoundingClientRect()).filter((r) => r.height > 0).map((r) => r.top + r.height / 2);
    return Math.round((Math.max(...centres) - Math.min(...centres)) / 30) + 1;
  });
}

test('at 1000×700 the function header keeps Code / Invocations / Queue and its buttons whole, and the Executions toolbar reads on two lines', async ({ studio, serve }) => {
  const { page } = studio;
  await studio.functions.create('orders', 'durable-ts');
  await startOrder(hostApi(serve), 'orders', 'N-1');
  const header = page.locator('.editor-header');
  for (const size of [{ width: 1400, height: 900 }, { width: 1000, height: 700 }]) {
    await page.setViewportSize(size);
    for (const id of ['function-view-code', 'function-view-invocations', 'function-view-queue', 'function-export-sam', 'save', 'toggle-invoke']) await expectReachable(page, page.getByTestId(id), header);
    await studio.screenshotBothThemes(`65-function-header-${size.width}x${size.height}`);
  }
  // Icons only at this width, still named for the keyboard and screen readers, and they work.
  await page.getByRole('tab', { name: 'Queue' }).click();
  await expect(page.getByTestId('editor-area')).toHaveAttribute('data-view', 'queue');
  await page.getByRole('tab', { name: 'Code' }).click();
  await expect(page.getByTestId('editor-area')).toHaveAttribute('data-view', 'code');

  const executions = new ExecutionsPage(page);
  await executions.open();
  const toolbar = page.getByTestId('executions-toolbar');
  const filters = page.locator('.exec-toolbar--filters');
  for (const size of [{ width: 1400, height: 900 }, { width: 1000, height: 700 }]) {
    await page.setViewportSize(size);
    await studio.screenshotBothThemes(`66-executions-toolbar-${size.width}x${size.height}`);
    await expect.poll(() => lines(toolbar)).toBe(1);
    await expect.poll(() => lines(filters)).toBe(1);
    for (const id of ['status-chip-RUNNING', 'status-chip-STOPPED', 'open-history-file', 'executions-search', 'executions-function', 'executions-before']) {
      await expectReachable(page, page.getByTestId(id), id.startsWith('executions-') ? filters : toolbar);
    }
  }
  // The chips keep their names for screen readers and filter as before.
  await toolbar.getByRole('button', { name: /Running/ }).click();
  await expect(page.getByTestId('status-chip-RUNNING')).toHaveAttribute('aria-pressed', 'true');
  await expect(executions.rows).toHaveCount(1);
});
