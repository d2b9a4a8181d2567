import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { expect, test } from './fixtures/studio.ts';

test('edits made outside the studio show up live, and unsaved work is never overwritten', async ({ studio, serve, page }) => {
  const { functions, editor } = studio;
  const folder = join(serve.workspace, 'functions', 'webhook');

  await functions.create('webhook', 'node-ts');
  await editor.openFile('index.ts');

  // A clean file follows the disk.
  await writeFile(join(folder, 'index.ts'), "export const handler = async () => 'from disk';\n");
  await expect(editor.monaco).toContainText("'from disk'");
  await editor.expectDirty('index.ts', false);

  // A file with unsaved edits keeps them and says the disk changed.
  await editor.focusEnd();
  await editor.insertText('// mine\n');
  await editor.expectDirty('index.ts', true);
  await expect(functions.row('webhook').getByTestId('function-unsaved')).toBeVisible();
  await writeFile(join(folder, 'index.ts'), "export const handler = async () => 'second';\n");
  await expect(page.getByTestId('changed-on-disk')).toBeVisible();
  await expect(editor.monaco).toContainText('// mine');

  // A broken function.json is flagged in the list and opened as text with the reason.
  await writeFile(join(folder, 'function.json'), '{ "runtime": "nodejs22.x", "handler": "index.handler", "memorySize": "lots" }\n');
  await expect(functions.row('webhook').getByTestId('function-config-warning')).toBeVisible();
  await editor.openFile('function.json');
  await expect(page.getByTestId('config-view-json')).toHaveAttribute('aria-pressed', 'true');
  await expect(page.getByTestId('config-error')).toContainText('cannot be used as it is');
  await expect(editor.monaco).toContainText('"lots"');
  await expect(page.getByTestId('config-error-reason')).toContainText('memorySize');
  // The raw text is checked against the same schema, so the Problems panel points at the value.
  await expect(editor.problemRows.filter({ hasText: 'function.json:1:' })).toHaveCount(1);
  await studio.screenshotBothThemes('08-invalid-config-from-disk');

  await studio.activity('workflows').click();
  await expect(page.getByTestId('workflows-page')).toBeVisible();
  await studio.screenshotBothThemes('09-workflows-empty');

  await studio.activity('settings').click();
  await expect(page.getByTestId('settings-workspace')).toHaveText(serve.workspace);
  await studio.screenshotBothThemes('10-settings');
});
