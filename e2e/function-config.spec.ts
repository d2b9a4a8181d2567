import { expect, readWorkspaceFile, test } from './fixtures/studio.ts';

test('function.json through the form: valid edits are written, an invalid value is shown and not written', async ({ studio, serve, page }) => {
  const { functions, editor, configForm } = studio;
  const configPath = ['functions', 'inventory', 'function.json'] as const;

  await functions.create('inventory', 'node-ts');
  await editor.openFile('function.json');
  await expect(configForm.form).toBeVisible();

  await configForm.memory.fill('512');
  await configForm.timeout.fill('30');
  await configForm.addEnv('TABLE_NAME', 'inventory-items');
  await configForm.durable.check();
  await configForm.executionTimeout.fill('3600');
  await configForm.retention.fill('7');
  await editor.expectDirty('function.json', true);
  await studio.screenshotBothThemes('05-config-form-edited');

  // Unsaved form edits survive a look at another file and at another area.
  await editor.openFile('index.ts');
  await editor.expectDirty('function.json', true);
  await studio.activity('settings').click();
  await studio.activity('functions').click();
  await editor.openFile('function.json');
  await expect(configForm.memory).toHaveValue('512');
  await expect(configForm.retention).toHaveValue('7');

  await configForm.saveButton.click();
  await editor.expectDirty('function.json', false);
  await expect
    .poll(async () => JSON.parse(await readWorkspaceFile(serve, ...configPath)) as Record<string, unknown>)
    .toMatchObject({
      memorySize: 512,
      timeout: 30,
      environment: { TABLE_NAME: 'inventory-items' },
      durable: { enabled: true, executionTimeout: 3600, retentionPeriodInDays: 7 },
    });
  await expect(functions.row('inventory')).toContainText('durable');
  const savedText = await readWorkspaceFile(serve, ...configPath);

  // Out-of-range memory and a bad variable name: inline errors, nothing written.
  await configForm.memory.fill('64');
  await configForm.addEnv('2FAST', 'x');
  await editor.saveWithShortcut();
  await expect(configForm.fieldError('memorySize')).toHaveText('must be at least 128 MB');
  await expect(configForm.fieldError('env')).toContainText('must start with a letter');
  await expect(configForm.invalidBanner).toContainText('Nothing was saved');
  await studio.screenshotBothThemes('06-config-form-invalid');
  expect(await readWorkspaceFile(serve, ...configPath)).toBe(savedText);

  // Fixing the field clears its error right away; the JSON view shows the saved text.
  await configForm.memory.fill('1024');
  await expect(configForm.fieldError('memorySize')).toHaveCount(0);
  await configForm.page.getByTestId('cfg-env-remove-1').click();
  await editor.saveWithShortcut();
  await editor.expectDirty('function.json', false);
  await expect.poll(async () => (JSON.parse(await readWorkspaceFile(serve, ...configPath)) as { memorySize: number }).memorySize).toBe(1024);
  await configForm.showJson();
  await expect(editor.monaco).toContainText('"memorySize": 1024');
  await studio.screenshotBothThemes('07-config-json');
  await configForm.showForm();
  await expect(configForm.memory).toHaveValue('1024');
  await expect(configForm.envRows()).toHaveCount(1);

  // Unsaved form edits carry over to the text view, and the text saves as it is.
  await configForm.timeout.fill('45');
  await configForm.showJson();
  await expect(editor.monaco).toContainText('"timeout": 45');
  await editor.expectDirty('function.json', true);
  await editor.monaco.locator('.view-lines').click();
  await editor.saveWithShortcut();
  await editor.expectDirty('function.json', false);
  await expect.poll(async () => (JSON.parse(await readWorkspaceFile(serve, ...configPath)) as { timeout: number }).timeout).toBe(45);

  // Broken text keeps the form closed and says why, without touching the text.
  await page.keyboard.press('ControlOrMeta+Home');
  await editor.insertText('oops ');
  await page.getByTestId('config-view-form').click();
  await expect(page.getByTestId('config-blocked')).toContainText('once the JSON is valid');
  await expect(configForm.form).toHaveCount(0);
  await expect(editor.monaco).toContainText('oops');
});
