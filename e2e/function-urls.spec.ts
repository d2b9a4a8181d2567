import type { Page } from '@playwright/test';
import { HttpEndpointPage } from './pages/http-endpoint-page.ts';
import { InvokePanelPage } from './pages/invoke-panel-page.ts';
import { expect, readWorkspaceFile, test } from './fixtures/studio.ts';

/** Replaces the whole text of the open file in the code editor (one line: Monaco would indent more). */
async function replaceCode(page: Page, text: string): Promise<void> {
  await page.getByTestId('code-editor').locator('.view-lines').click();
  await page.keyboard.press('ControlOrMeta+A');
  await page.keyboard.press('Backspace');
  await page.keyboard.insertText(text);
}

const SHAPED = "export const handler = async (event) => ({ statusCode: 201, headers: { 'content-type': 'text/plain' }, cookies: ['seen=1'], body: 'got ' + event.requestContext.http.method + ' ' + event.rawPath + ' ' + event.body });";

test('turn on a function URL and call it from the curl line the page shows; the next request runs the saved code', async ({ studio, serve }) => {
  const { functions, editor, configForm, page } = studio;
  const http = new HttpEndpointPage(page);
  await functions.create('greeter', 'node-js');
  await editor.openFile('function.json');
  await expect(configForm.form).toBeVisible();
  await expect(http.url).toHaveCount(0);

  await http.toggle.check();
  await expect(http.url).toHaveText(/^http:\/\/127\.0\.0\.1:\d+\/greeter\/$/);
  await expect(http.section).toContainText('Save to start serving');
  await configForm.saveButton.click();
  await expect(http.section).not.toContainText('Save to start serving');
  await expect
    .poll(async () => (JSON.parse(await readWorkspaceFile(serve, 'functions', 'greeter', 'function.json')) as { triggers?: unknown }).triggers)
    .toEqual({ http: { enabled: true, invocationType: 'RequestResponse', maxWaitSeconds: 30 } });
  await http.section.scrollIntoViewIfNeeded();
  await studio.screenshotBothThemes('70-function-url-on');

  const url = await http.curlUrl();
  expect(url).toBe(await http.url.innerText());
  const plain = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"hello":"world"}' });
  expect(plain.status).toBe(200);
  expect(plain.headers.get('content-type')).toBe('application/json');
  expect(await plain.json()).toMatchObject({ message: 'Hello, world!' });

  // A handler shaping its own response: status, headers, cookies and body come back as it said.
  await editor.openFile('index.mjs');
  await replaceCode(page, SHAPED);
  await editor.saveWithShortcut();
  await expect.poll(() => readWorkspaceFile(serve, 'functions', 'greeter', 'index.mjs')).toBe(SHAPED);
  const shaped = await fetch(`${url}orders/7?x=1`, { method: 'PUT', headers: { 'content-type': 'application/json' }, body: '{"n":1}' });
  expect(shaped.status).toBe(201);
  expect(shaped.headers.get('content-type')).toBe('text/plain');
  expect(shaped.headers.get('set-cookie')).toBe('seen=1');
  expect(await shaped.text()).toBe('got PUT /orders/7 {"n":1}');

  // Off again: the URL is not served.
  await editor.openFile('function.json');
  await http.toggle.uncheck();
  await configForm.saveButton.click();
  await expect.poll(async () => (await fetch(url)).status).toBe(404);
});

const RECORDS = "export const handler = async (event) => ({ records: event.Records.length, source: event.Records[0].eventSource, first: JSON.parse(event.Records[0].body) });";

test('start from an SQS event template, invoke with it, and save it as a test event', async ({ studio, serve }) => {
  const { functions, editor, page } = studio;
  const http = new HttpEndpointPage(page);
  const invoke = new InvokePanelPage(page);
  await functions.create('consumer', 'node-js');
  await replaceCode(page, RECORDS);
  await editor.saveWithShortcut();

  await page.getByTestId('event-templates').click();
  await expect(page.getByTestId('event-templates-menu')).toBeVisible();
  await studio.screenshotBothThemes('71-event-templates');
  await page.getByTestId('event-template-sqs-batch').click();
  await expect(page.getByTestId('event-editor')).toContainText('"messageId": "059f36b4');
  await expect(invoke.eventSelect).toHaveValue('');

  await invoke.invokeAndWait();
  await expect(invoke.output).toHaveAttribute('data-outcome', 'succeeded');
  expect(JSON.parse(await invoke.result.innerText())).toEqual({ records: 2, source: 'aws:sqs', first: { orderId: '41' } });

  // Saving offers the template's name.
  await page.getByTestId('event-save').click();
  await expect(page.getByTestId('event-name-input')).toHaveValue('sqs-batch');
  await page.getByTestId('event-name-save').click();
  await expect(invoke.eventSelect).toHaveValue('sqs-batch');
  await expect
    .poll(async () => (JSON.parse(await readWorkspaceFile(serve, 'events', 'consumer', 'sqs-batch.json')) as { Records: unknown[] }).Records.length)
    .toBe(2);

  // Another template replaces the editor's event, unsaved.
  await http.pickTemplate('eventbridge-scheduled');
  await expect(page.getByTestId('event-editor')).toContainText('Scheduled Event');
  await expect(invoke.eventSelect).toHaveValue('');
});

test('a durable function behind its URL answers 202 with the execution ARN when set to', async ({ studio, serve }) => {
  const { functions, editor, configForm, page } = studio;
  const http = new HttpEndpointPage(page);
  await functions.create('orders', 'durable-ts');
  await editor.openFile('function.json');
  await http.toggle.check();
  await expect(page.getByTestId('cfg-http-wait')).toBeChecked();
  await page.getByTestId('cfg-http-max-wait').fill('5000');
  await configForm.saveButton.click();
  await expect(configForm.fieldError('httpMaxWait')).toHaveText('must be at most 900 s');
  await page.getByTestId('cfg-http-max-wait').fill('60');
  await page.getByTestId('cfg-http-async').check();
  await configForm.saveButton.click();
  await expect
    .poll(async () => (JSON.parse(await readWorkspaceFile(serve, 'functions', 'orders', 'function.json')) as { triggers?: unknown }).triggers)
    .toEqual({ http: { enabled: true, invocationType: 'Event', maxWaitSeconds: 60 } });
  await http.section.scrollIntoViewIfNeeded();
  await studio.screenshotBothThemes('72-function-url-durable');

  const reply = await fetch(await http.curlUrl(), { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"orderId":"o-1","amount":5}' });
  expect(reply.status).toBe(202);
  const body = (await reply.json()) as { DurableExecutionArn: string; Status: string };
  expect(body.Status).toBe('RUNNING');
  expect(body.DurableExecutionArn).toContain(':function:orders');
  expect(reply.headers.get('x-amz-durable-execution-arn')).toBe(body.DurableExecutionArn);
});

const SCHEDULED = "export const handler = async (event) => { console.log('tick', event['detail-type'], event.source); return 'ok'; };";

test('a schedule: a wrong expression names the rule, a right one lists its next five times, and Run now fires it', async ({ studio, serve }) => {
  const { functions, editor, configForm, page } = studio;
  await functions.create('nightly', 'node-js');
  await replaceCode(page, SCHEDULED);
  await editor.saveWithShortcut();
  await editor.openFile('function.json');
  await page.getByTestId('cfg-schedule').check();
  const expression = page.getByTestId('cfg-schedule-expression');
  await expression.fill('cron(0 12 * * * *)');
  await expect(configForm.fieldError('scheduleExpression')).toContainText('when one has a value or *, the other must be ?');
  await expression.fill('rate(1 minutes)');
  await expect(configForm.fieldError('scheduleExpression')).toContainText('the unit must be singular');
  await expression.fill('cron(0 12 * * ? *)');
  await expect(configForm.fieldError('scheduleExpression')).toHaveCount(0);
  await expect(page.getByTestId('cfg-schedule-next').locator('li')).toHaveCount(5);
  await expect(page.getByTestId('cfg-schedule-next').locator('li').first()).toContainText('12:00 UTC');
  await expect(page.getByTestId('cfg-schedule-run-now')).toBeDisabled();
  await configForm.saveButton.click();
  await expect
    .poll(async () => (JSON.parse(await readWorkspaceFile(serve, 'functions', 'nightly', 'function.json')) as { triggers?: unknown }).triggers)
    .toEqual({ schedule: { enabled: true, expression: 'cron(0 12 * * ? *)' } });
  await page.getByTestId('cfg-schedule-section').scrollIntoViewIfNeeded();
  await studio.screenshotBothThemes('73-schedule');

  await page.getByTestId('cfg-schedule-run-now').click();
  await expect(page.getByTestId('cfg-schedule-run-note')).toContainText('Ran at');
  await page.getByTestId('function-view-invocations').click();
  const run = page.locator('[data-testid="invocation-row"][data-caller="schedule"]');
  await expect(run).toHaveCount(1);
  await run.click();
  await expect(page.getByTestId('invocation-logs')).toContainText('tick Scheduled Event aws.events');
});
