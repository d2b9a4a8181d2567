import { expect, test } from './fixtures/studio.ts';

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
