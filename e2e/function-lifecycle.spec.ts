import { access, readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { expect, test } from './fixtures/studio.ts';

const exists = (path: string) =>
  access(path).then(
    () => true,
    () => false,
  );

test('rename and delete from the list, the palette and the panel shortcut', async ({ studio, serve, page }) => {
  const { functions, editor } = studio;
  const functionsDir = join(serve.workspace, 'functions');

  await functions.create('draft', 'node-js');
  await expect(editor.tab('index.mjs')).toBeVisible();

  await functions.rename('draft', 'published');
  await expect(functions.row('published')).toBeVisible();
  await expect(functions.row('draft')).toHaveCount(0);
  await expect(page.getByTestId('editor-function-name')).toHaveText('published');
  expect(await exists(join(functionsDir, 'published', 'function.json'))).toBe(true);
  expect(await exists(join(functionsDir, 'draft'))).toBe(false);

  // Ctrl+J hides and shows the bottom panel.
  await page.getByTestId('function-list').click();
  await page.keyboard.press('ControlOrMeta+J');
  await expect(studio.bottomPanel).toBeHidden();
  await page.keyboard.press('ControlOrMeta+J');
  await expect(studio.bottomPanel).toBeVisible();

  // The palette opens a second function by name.
  await functions.create('second', 'python');
  await expect(editor.tab('lambda_function.py')).toBeVisible();
  await page.keyboard.press('ControlOrMeta+K');
  await page.keyboard.insertText('publ');
  await studio.screenshotBothThemes('11-command-palette');
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('editor-function-name')).toHaveText('published');

  // Arrow keys move through the list; Enter opens.
  await page.getByTestId('function-open-published').focus();
  await page.keyboard.press('ArrowDown');
  await expect(page.getByTestId('function-open-second')).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('editor-function-name')).toHaveText('second');
  await page.getByTestId('function-open-second').focus();
  await page.keyboard.press('ArrowUp');
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('editor-function-name')).toHaveText('published');

  const dialog = await functions.startDelete('published');
  await expect(dialog).toContainText('trash');
  await studio.screenshotBothThemes('12-delete-confirm');
  await functions.confirmDelete();
  await expect(functions.row('published')).toHaveCount(0);
  await expect(page.getByTestId('editor-empty')).toBeVisible();
  expect(await exists(join(functionsDir, 'published'))).toBe(false);
  const trashed = await readdir(join(serve.workspace, '.studio', 'trash'));
  expect(trashed.some((entry) => entry.startsWith('published'))).toBe(true);
  await expect(page.getByTestId('status-functions')).toHaveText('1 function');
});
