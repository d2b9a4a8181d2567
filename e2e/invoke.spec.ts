import type { Page } from '@playwright/test';
import { readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { ExecutionsPage } from './pages/executions-page.ts';
import { InvokePanelPage } from './pages/invoke-panel-page.ts';
import { expect, readWorkspaceFile, test } from './fixtures/studio.ts';

// One line each: Monaco indents and closes brackets as it would for typing, which would change multi-line text.
const HANDLER = "export const handler = async (event) => { console.log('greeting', event.name); console.log('counting', event.items.length, 'items'); return { greeting: 'Hello, ' + event.name + '!', count: event.items.length }; };";

/** Replaces the whole text of the open file in the code editor. */
async function replaceCode(page: Page, text: string): Promise<void> {
  await page.getByTestId('code-editor').locator('.view-lines').click();
  await page.keyboard.press('ControlOrMeta+A');
  await page.keyboard.press('Backspace');
  await page.keyboard.insertText(text);
}

test('write a handler, invoke it with a saved test event, and read its result, logs and REPORT', async ({ studio, serve }) => {
  const { functions, editor, page } = studio;
  const invoke = new InvokePanelPage(page);
  await functions.create('greeter', 'node-js');
  await expect(invoke.panel).toBeVisible();

  await replaceCode(page, HANDLER);
  await editor.saveWithShortcut();
  await expect.poll(() => readWorkspaceFile(serve, 'functions', 'greeter', 'index.mjs')).toBe(HANDLER);

  await invoke.setEvent('{"name": "Ada", "items": [1, 2, 3]}');
  await invoke.saveEventAs('ada');
  await expect.poll(async () => JSON.parse(await readWorkspaceFile(serve, 'events', 'greeter', 'ada.json')) as unknown).toEqual({ name: 'Ada', items: [1, 2, 3] });

  // Another event in the editor, then back to the saved one: the saved text returns.
  await invoke.setEvent('{"name": "Bo", "items": []}');
  await invoke.eventSelect.selectOption('');
  await invoke.eventSelect.selectOption('ada');

  await invoke.invokeAndWait();
  await expect(invoke.output).toHaveAttribute('data-outcome', 'succeeded');
  expect(JSON.parse(await invoke.result.innerText())).toEqual({ greeting: 'Hello, Ada!', count: 3 });
  await expect(invoke.logLines.filter({ hasText: 'greeting Ada' })).toHaveCount(1);
  await expect(invoke.logLines.filter({ hasText: 'counting 3 items' })).toHaveCount(1);
  await expect(invoke.logLines.first()).toContainText('START RequestId:');
  await expect(invoke.logLines.last()).toContainText('REPORT RequestId:');
  // A first invoke starts a sandbox: the REPORT has an init duration.
  await expect(page.getByTestId('report-duration')).toContainText(/\d/);
  await expect(page.getByTestId('report-memory')).toContainText('/ 128 MB');
  await expect(page.getByTestId('report-init')).toBeVisible();
  await studio.screenshotBothThemes('30-invoke-result');

  // The same sandbox answers again: warm, no init duration.
  await invoke.invokeAndWait();
  await expect(invoke.logLines.filter({ hasText: 'greeting Ada' })).toHaveCount(1);
  await expect(page.getByTestId('report-init')).toHaveCount(0);

  // The bottom panel's Log tab shows the same lines.
  await page.getByTestId('bottom-tab-output').click();
  await expect(studio.bottomPanel.getByTestId('log-line').filter({ hasText: 'counting 3 items' })).toHaveCount(1);
});

test('a handler that throws shows its error; malformed JSON never runs; the fixed handler works', async ({ studio, serve }) => {
  const { functions, page } = studio;
  const invoke = new InvokePanelPage(page);
  await functions.create('thrower', 'node-js');

  await replaceCode(page, "export const handler = async () => { console.log('about to fail'); throw new TypeError('no luck today'); };");
  // Invoke saves unsaved edits first, so it runs what is on screen.
  await invoke.setEvent('{}');
  await invoke.invokeAndWait();
  await expect(invoke.output).toHaveAttribute('data-outcome', 'failed');
  await expect(invoke.error).toContainText('TypeError: no luck today');
  await expect(invoke.error).toContainText('index.mjs');
  await expect(invoke.logLines.filter({ hasText: 'about to fail' })).toHaveCount(1);
  expect(await readWorkspaceFile(serve, 'functions', 'thrower', 'index.mjs')).toContain('no luck today');
  await studio.screenshotBothThemes('31-invoke-error');

  const requestBefore = await invoke.output.locator('.invoke-status__id').innerText();
  await invoke.setEvent('{"a": }');
  await invoke.invoke();
  await expect(invoke.problem).toHaveText('The event is not valid JSON: line 1, column 7: expected a value.');
  await expect(page.getByTestId('invoke-running')).toHaveCount(0);
  // Nothing ran: the last result is still the one before.
  await expect(invoke.output.locator('.invoke-status__id')).toHaveText(requestBefore);
  await studio.screenshotBothThemes('32-invoke-bad-json');

  await replaceCode(page, 'export const handler = async () => ({ fixed: true });');
  await invoke.setEvent('{}');
  await invoke.invokeAndWait();
  await expect(invoke.problem).toHaveCount(0);
  await expect(invoke.output).toHaveAttribute('data-outcome', 'succeeded');
  expect(JSON.parse(await invoke.result.innerText())).toEqual({ fixed: true });
  expect(await readdir(join(serve.workspace, 'functions', 'thrower'))).toContain('index.mjs');
});

test('Settings shows the local Lambda endpoint, region, credentials and a working CLI example', async ({ studio }) => {
  const { page } = studio;
  // The status bar names the endpoint and leads to Settings.
  await expect(page.getByTestId('status-lambda')).toHaveText(/^127\.0\.0\.1:\d+$/);
  await page.getByTestId('status-lambda').click();
  const section = page.getByTestId('settings-lambda');
  await expect(section).toBeVisible();
  await expect(page.getByTestId('lambda-endpoint')).toHaveText(/^http:\/\/127\.0\.0\.1:\d+$/);
  await expect(page.getByTestId('lambda-region')).toHaveText('us-east-1');
  await expect(page.getByTestId('lambda-secret')).toHaveText(/^•+$/);
  await page.getByTestId('lambda-secret-reveal').click();
  const secret = await page.getByTestId('lambda-secret').innerText();
  expect(secret).toMatch(/^[A-Za-z0-9/+=]{20,}$/);
  const endpoint = await page.getByTestId('lambda-endpoint').innerText();
  const example = page.getByTestId('lambda-cli-example');
  await expect(example).toContainText(`--endpoint-url ${endpoint}`);
  // Masked where it shows, whole in what is copied; v1 gets a form without the option it rejects.
  await expect(example).toContainText('AWS_SECRET_ACCESS_KEY=••••');
  await expect(example).not.toContainText(secret);
  await expect(example).toContainText('--cli-binary-format raw-in-base64-out');
  await page.getByTestId('cli-v1').click();
  await expect(example).not.toContainText('--cli-binary-format');
  await page.context().grantPermissions(['clipboard-read', 'clipboard-write'], { origin: new URL(page.url()).origin });
  await page.getByTestId('copy-example-command').click();
  await expect.poll(() => page.evaluate(() => navigator.clipboard.readText())).toContain(`AWS_SECRET_ACCESS_KEY=${secret} `);
  await section.scrollIntoViewIfNeeded();
  await studio.screenshotBothThemes('33-settings-lambda');
});

test('the same function runs in a container once function.json picks the docker runner', async ({ studio, serve }) => {
  test.skip(process.env['LAMBDA_STUDIO_DOCKER_TESTS'] !== '1', 'needs a Docker engine and the local base image (npm test starts one where it can)');
  const { functions, editor, configForm, page } = studio;
  const invoke = new InvokePanelPage(page);
  await functions.create('boxed', 'node-js');
  await replaceCode(page, "export const handler = async (event) => { console.log('inside', process.env.AWS_LAMBDA_FUNCTION_NAME); return { cwd: process.cwd(), name: event.name }; };");
  await editor.saveWithShortcut();

  await editor.openFile('function.json');
  await page.getByTestId('cfg-runner-docker').click();
  await configForm.saveButton.click();
  await expect.poll(async () => (JSON.parse(await readWorkspaceFile(serve, 'functions', 'boxed', 'function.json')) as { runner?: string }).runner).toBe('docker');
  await expect(page.getByTestId('badge-docker')).toBeVisible();

  await invoke.setEvent('{"name": "in a box"}');
  await invoke.invokeAndWait();
  await expect(invoke.output).toHaveAttribute('data-outcome', 'succeeded', { timeout: 60_000 });
  expect(JSON.parse(await invoke.result.innerText())).toEqual({ cwd: '/var/task', name: 'in a box' });
  await expect(invoke.logLines.filter({ hasText: 'inside boxed' })).toHaveCount(1);
  await studio.screenshotBothThemes('34-invoke-docker');
});

test('a durable function invoked from the panel answers with its execution, which opens in the viewer', async ({ studio }) => {
  const { functions, page } = studio;
  const invoke = new InvokePanelPage(page);
  await functions.create('orders', 'durable-ts');
  await invoke.setEvent('{"orderId": "A-7", "amount": 12.5}');
  await invoke.invoke();
  // It waits for an approval, so the panel answers with the running execution, said as such.
  await expect(page.getByTestId('invoke-durable-arn')).toContainText('durable-execution', { timeout: 30_000 });
  await expect(invoke.output).toHaveAttribute('data-outcome', 'running');
  await expect(page.getByTestId('invoke-waiting')).toBeVisible();
  expect(JSON.parse(await invoke.result.innerText())).toMatchObject({ Status: 'RUNNING' });
  await expect(invoke.logLines.filter({ hasText: 'START RequestId' })).toHaveCount(1);
  await studio.screenshotBothThemes('35-invoke-durable-running');
  await page.getByTestId('invoke-open-execution').click();
  await expect(page.getByTestId('execution-detail')).toBeVisible();
  await expect(page.getByTestId('timeline-row').filter({ hasText: 'validate' })).toHaveAttribute('data-status', 'SUCCEEDED');

  // Approved on the timeline, the execution ends, and the panel takes its result.
  await new ExecutionsPage(page).sendSuccess('{"approved": true}');
  await studio.activity('functions').click();
  await expect(invoke.output).toHaveAttribute('data-outcome', 'succeeded', { timeout: 45_000 });
  expect(JSON.parse(await invoke.result.innerText())).toEqual({ orderId: 'A-7', status: 'PROCESSED', confirmation: 'CONF-A-7-1250' });
  await expect(page.getByTestId('invoke-waiting')).toHaveCount(0);
  // The panel kept the log of the invocation that resumed after the approval, REPORT included.
  await expect(invoke.logLines.filter({ hasText: 'START RequestId' })).toHaveCount(2);
  await expect(invoke.logLines.filter({ hasText: 'REPORT RequestId' })).toHaveCount(2);
  await studio.screenshotBothThemes('36-invoke-durable-settled');
});
