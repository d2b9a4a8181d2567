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
    await page.setViewportSize({ width: 1000, height: 700 });
    await page.getByTestId('cfg-docker-engine').scrollIntoViewIfNeeded();
    await studio.screenshotBothThemes('64-config-docker-no-engine-1000x700');
    await page.setViewportSize({ width: 1400, height: 900 });
    await page.getByTestId('cfg-runner-process').click();
    await expect(page.getByTestId('cfg-docker-engine')).toHaveCount(0);
  } finally {
    await serve.stop();
  }
});

test("a handler's stack shows the function's own frames as links to its source, without the studio's bootstrap", async ({ studio }) => {
  const { page } = studio;
  await studio.functions.create('thrower', 'node-ts');
  await page.getByTestId('code-editor').locator('.view-lines').click();
  await page.keyboard.press('ControlOrMeta+A');
  await page.keyboard.press('Backspace');
  await page.keyboard.insertText("// The check is two frames down.\n\nfunction check(): never { throw new TypeError('no luck today'); }\nexport const handler = async () => check();\n");
  await page.getByTestId('invoke-run').click();
  const error = page.getByTestId('invoke-error');
  await expect(error).toContainText('TypeError: no luck today');
  const stack = (await error.locator('.invoke-error__stack').innerText()).split('\n');
  expect(stack.filter((line) => /runtime|bootstrap|provide-sdk|electron\/|node:internal/.test(line))).toEqual([]);
  const frame = error.getByRole('button', { name: /index\.ts:3/ });
  await expect(frame).toBeVisible();
  await studio.screenshotBothThemes('65-invoke-error-stack');
  await page.setViewportSize({ width: 1000, height: 700 });
  await studio.screenshotBothThemes('65-invoke-error-stack-1000x700');
  await page.setViewportSize({ width: 1400, height: 900 });
  await page.keyboard.press('ControlOrMeta+Home');
  await frame.click();
  await expect(page.getByTestId('status-cursor')).toHaveText(/^Ln 3, Col \d+$/);
});

test('a TypeScript error is pointed out beside Invoke before it runs', async ({ studio }) => {
  const { page } = studio;
  await studio.functions.create('typed', 'node-ts');
  const warning = page.getByTestId('invoke-type-errors');
  await expect(page.getByTestId('status-errors')).toHaveText('0');
  await expect(warning).toHaveCount(0);
  await page.getByTestId('code-editor').locator('.view-lines').click();
  await page.keyboard.press('ControlOrMeta+A');
  await page.keyboard.press('Backspace');
  await page.keyboard.insertText("const count: number = 'three';\nexport const handler = async () => ({ count });\n");
  await expect(page.getByTestId('status-errors')).toHaveText('1');
  await expect(warning).toContainText('1 TypeScript error in the code (index.ts:1');
  await studio.screenshotBothThemes('66-invoke-type-error-warning');
  await page.setViewportSize({ width: 1000, height: 700 });
  await studio.screenshotBothThemes('66-invoke-type-error-warning-1000x700');
  await page.setViewportSize({ width: 1400, height: 900 });
  // It warns; it does not stop the invoke.
  await page.getByTestId('invoke-run').click();
  await expect(page.getByTestId('invoke-result')).toContainText('"count": "three"');
  await warning.getByRole('button', { name: 'Show problems' }).click();
  await expect(page.getByTestId('problem-row')).toHaveCount(1);
});
