import { startServe } from './fixtures/serve.ts';
import { expect, test } from './fixtures/studio.ts';
import { StudioPage } from './pages/studio-page.ts';

test("the status bar's cursor position is each file's own", async ({ studio }) => {
  const { page, editor } = studio;
  await studio.functions.create('hello', 'node-ts');
  const cursor = page.getByTestId('status-cursor');
  await editor.focusEnd();
  await expect(cursor).not.toHaveText('Ln 1, Col 1');
  const inCode = await cursor.textContent();

  await editor.openFile('function.json');
  await page.getByTestId('config-view-json').click();
  await expect(cursor).toHaveText('Ln 1, Col 1');
  await editor.openFile('index.ts');
  await expect(cursor).toHaveText(inCode ?? '');
});

test('choosing Docker for a function says at once that no Docker engine runs', async ({ page }) => {
  // A studio whose Docker socket leads nowhere, as on a machine without Docker running.
  const serve = await startServe({ env: { DOCKER_HOST: 'unix:///tmp/lambda-studio-no-docker.sock' } });
  try {
    const studio = new StudioPage(page);
    await studio.open(serve.ui);
    await studio.functions.create('boxed', 'node-js');
    await studio.editor.openFile('function.json');
    await expect(page.getByTestId('cfg-docker-engine')).toHaveCount(0);
    await page.getByTestId('cfg-runner-docker').click();
    await expect(page.getByTestId('cfg-docker-engine')).toContainText('Until an engine runs, invokes of this function fail');
    // The engine's advice names commands in backticks: they show as code, not as backticks.
    await expect(page.getByTestId('cfg-docker-engine').locator('code').first()).toBeVisible();
    await expect(page.getByTestId('cfg-docker-engine')).not.toContainText('`');
    await page.getByTestId('cfg-docker-engine').scrollIntoViewIfNeeded();
    await studio.screenshotBothThemes('64-config-docker-no-engine');
    await page.getByTestId('cfg-runner-process').click();
    await expect(page.getByTestId('cfg-docker-engine')).toHaveCount(0);
  } finally {
    await serve.stop();
  }
});
