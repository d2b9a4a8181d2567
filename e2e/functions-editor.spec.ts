import { expect, readWorkspaceFile, test } from './fixtures/studio.ts';


test('a durable TypeScript function: a type error shows in Problems, the fix saves to disk', async ({ studio, serve }) => {
  const { functions, editor, page } = studio;

  await expect(functions.emptyState).toBeVisible();
  await studio.screenshotBothThemes('01-functions-empty');

  await functions.openNewFunctionDialog();
  await functions.nameInput.fill('bad name');
  await expect(functions.nameHint).toHaveText('letters, digits, - and _ only');
  await expect(functions.createButton).toBeDisabled();
  await functions.fillNewFunction('order-approval', 'durable-ts');
  await studio.screenshotBothThemes('02-new-function-dialog');
  await functions.createButton.click();
  await expect(functions.dialog).toBeHidden();
  await expect(functions.row('order-approval')).toContainText('durable');
  await expect(editor.tab('index.ts')).toHaveAttribute('aria-selected', 'true');

  // The template imports the durable SDK: with the host's type libraries it checks clean.
  await expect(editor.problemsEmpty).toBeVisible();
  const original = await readWorkspaceFile(serve, 'functions', 'order-approval', 'index.ts');

  await editor.focusEnd();
  const typed = Date.now();
  await editor.insertText("\nexport const attempts: number = 'three';\n");
  await editor.expectDirty('index.ts', true);
  const problem = editor.problemRows.filter({ hasText: "Type 'string' is not assignable to type 'number'" });
  await expect(problem).toHaveCount(1);
  test.info().annotations.push({ type: 'diagnostic latency', description: `${Date.now() - typed} ms from typing to the Problems row` });
  await expect(problem).toContainText('index.ts:');
  await expect(studio.statusErrors).toHaveText('1');
  await studio.screenshotBothThemes('03-editor-type-error');

  // Clicking the problem puts the cursor on its line.
  await problem.click();
  const errorLine = original.split('\n').length + 1;
  await expect.poll(() => editor.cursorLineNumber()).toBe(errorLine);

  await editor.replaceCurrentLine('export const attempts: number = 3;');
  await expect(editor.problemsEmpty).toBeVisible();
  await expect(studio.statusErrors).toHaveText('0');
  // Nothing is written before the save.
  expect(await readWorkspaceFile(serve, 'functions', 'order-approval', 'index.ts')).toBe(original);

  await editor.saveWithShortcut();
  await editor.expectDirty('index.ts', false);
  await expect.poll(() => readWorkspaceFile(serve, 'functions', 'order-approval', 'index.ts')).toContain('export const attempts: number = 3;');
  expect(await readWorkspaceFile(serve, 'functions', 'order-approval', 'index.ts')).toBe(`${original}\nexport const attempts: number = 3;\n`);
  await studio.screenshotBothThemes('04-editor-saved');

  // Completion knows the durable SDK's types.
  await editor.focusEnd();
  await editor.insertText('const probe = (c: DurableContext) => c.');
  await editor.triggerSuggest();
  await expect(editor.suggestions).toContainText('runInChildContext');
  await studio.screenshotBothThemes('04b-editor-completion');
  await page.keyboard.press('Escape');
  await editor.clearCurrentLine();

  // Imports are really resolved: an unknown package is flagged, so the clean SDK import above is real.
  await editor.focusEnd();
  await editor.insertText("import { nothing } from 'no-such-package';");
  await expect(editor.problemRows.filter({ hasText: "Cannot find module 'no-such-package'" })).toHaveCount(1);
  await editor.clearCurrentLine();
  await expect(editor.problemsEmpty).toBeVisible();

  await expect(page.getByTestId('status-functions')).toHaveText('1 function');
});
