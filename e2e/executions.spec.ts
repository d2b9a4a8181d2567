import type { Locator } from '@playwright/test';
import { readFile } from 'node:fs/promises';
import { expect, test } from './fixtures/studio.ts';
import { ApprovalsPage, ExecutionsPage } from './pages/executions-page.ts';
import { hostApi, makeProcessFlaky, startOrder } from './pages/executions-host.ts';

/** The execution name is the ARN's second-last part: `…/durable-execution/<name>/<id>`. */
function nameOf(arn: string): string {
  return arn.split('/').at(-2) ?? arn;
}

/** Name and status of every timeline row, to compare one view of an execution with another. */
async function rowSummary(rows: Locator): Promise<string[]> {
  return rows.evaluateAll((els) => els.map((el) => `${el.getAttribute('data-name')}:${el.getAttribute('data-type')}:${el.getAttribute('data-status')}:${el.getAttribute('data-attempts')}`));
}

test('approve an order on its timeline: the callback pending, Send success, the retried process step, export and reopen offline', async ({ studio, serve }, testInfo) => {
  const { page } = studio;
  await studio.functions.create('orders', 'durable-ts');
  await makeProcessFlaky(serve, 'orders');
  const api = hostApi(serve);
  const arn = await startOrder(api, 'orders', 'A-100');
  const name = nameOf(arn);

  const executions = new ExecutionsPage(page);
  await executions.open();
  await expect(executions.row(name)).toHaveAttribute('data-status', 'RUNNING');
  await expect(page.getByTestId('status-count-RUNNING')).toHaveText('1');
  await studio.screenshotBothThemes('20-executions-list');

  await executions.openExecution(name);
  await expect(executions.timelineRow('validate', 'STEP')).toHaveAttribute('data-status', 'SUCCEEDED');
  await expect(executions.callbackRow).toHaveAttribute('data-status', 'STARTED');
  await expect(page.getByTestId('timeline-now')).toBeVisible();
  await executions.callbackRow.click();
  await expect(executions.inspector.getByTestId('inspector-callback-id')).toBeVisible();
  await studio.screenshotBothThemes('21-execution-callback-pending');

  // The JSON editor refuses what does not parse.
  await executions.callbackRow.getByTestId('send-success').click();
  const dialog = page.getByTestId('callback-answer-dialog');
  await dialog.getByTestId('callback-result').fill('{"approved": tru');
  await expect(dialog.getByTestId('callback-result-hint')).toContainText('Not valid JSON');
  await expect(dialog.getByTestId('callback-answer-send')).toBeDisabled();
  await page.keyboard.press('Escape');
  await expect(dialog).toBeHidden();

  await executions.sendSuccess('{"approved": true, "approver": "ada"}');
  // Answered: the actions are gone at once, and never come back.
  await expect(page.getByTestId('send-success')).toHaveCount(0);
  await expect(executions.status).toHaveAttribute('data-tone', 'succeeded', { timeout: 45_000 });
  await expect(executions.callbackRow).toHaveAttribute('data-status', 'SUCCEEDED');
  const processRow = executions.timelineRow('process', 'STEP');
  await expect(processRow).toHaveAttribute('data-status', 'SUCCEEDED');
  await expect(processRow).toHaveAttribute('data-attempts', '3');
  await expect(processRow.locator('.bar[data-tone="failed"]')).toHaveCount(2);
  await expect(processRow.locator('.bar[data-tone="succeeded"]')).toHaveCount(1);
  await expect(processRow.locator('.bar[data-tone="failed"]').first()).toHaveAttribute('title', /payment service unavailable \(attempt 1\)/);
  await processRow.click();
  const attempts = executions.inspector.getByTestId('attempt-row');
  await expect(attempts).toHaveCount(3);
  await expect(attempts.nth(0)).toContainText('payment service unavailable (attempt 1)');
  await expect(attempts.nth(2)).toHaveAttribute('data-status', 'SUCCEEDED');
  await expect(page.getByTestId('execution-result')).toContainText('PROCESSED');
  // The callback row shows what was sent instead of buttons.
  await executions.callbackRow.click();
  await expect(executions.inspector.getByTestId('inspector-result')).toContainText('"approver": "ada"');
  // The submitter's durable logger line shows under the operation that wrote it, once.
  await executions.timelineRow('submitter').click();
  await expect(executions.inspector.getByTestId('inspector-logs')).toContainText('Approval requested');
  expect((await executions.inspector.getByTestId('inspector-logs').innerText()).split('Approval requested').length).toBe(2);
  await processRow.click();
  await studio.screenshotBothThemes('22-execution-succeeded-retries');

  const liveRows = await rowSummary(page.getByTestId('timeline-row'));

  // History: the raw events, filterable, exported as JSON.
  await executions.openHistoryTab();
  await expect(page.getByTestId('history-row').first()).toHaveAttribute('data-event-type', 'ExecutionStarted');
  await page.getByTestId('history-filter').fill('StepFailed');
  await expect(page.getByTestId('history-row')).toHaveCount(2);
  await page.getByTestId('history-row').first().click();
  await expect(page.getByTestId('history-raw')).toContainText('payment service unavailable');
  await studio.screenshotBothThemes('23-execution-history');
  const downloading = page.waitForEvent('download');
  await page.getByTestId('export-history').click();
  const download = await downloading;
  const exported = testInfo.outputPath(download.suggestedFilename());
  await download.saveAs(exported);
  const text = await readFile(exported, 'utf8');
  const parsed = JSON.parse(text) as { Events?: { EventType?: string }[] };
  expect(parsed.Events?.[0]?.EventType).toBe('ExecutionStarted');
  expect(parsed.Events?.at(-1)?.EventType).toBe('ExecutionSucceeded');

  // Open the exported file again: the same timeline, read-only.
  await executions.back();
  await page.getByTestId('history-file-input').first().setInputFiles(exported);
  await expect(page.getByTestId('offline-banner')).toBeVisible();
  await expect(page.getByTestId('execution-name')).toHaveText(name);
  await expect(executions.status).toHaveAttribute('data-tone', 'succeeded');
  await expect(page.getByTestId('timeline-row')).toHaveCount(liveRows.length);
  expect(await rowSummary(page.getByTestId('timeline-row'))).toEqual(liveRows);
  await expect(page.getByTestId('execution-stop-detail')).toHaveCount(0);
  await expect(page.getByTestId('execution-rerun-detail')).toHaveCount(0);
  await studio.screenshotBothThemes('24-history-file-offline');

  // A file that is not a history is refused with a sentence, and the view stays as it was.
  await page.getByTestId('history-file-input').first().setInputFiles({ name: 'notes.json', mimeType: 'application/json', buffer: Buffer.from('{"orders": []}') });
  await expect(studio.notices.filter({ hasText: 'Could not open notes.json' })).toContainText('not an execution history');
  await expect(page.getByTestId('offline-banner')).toContainText(download.suggestedFilename());
});

test('reject an order on its timeline with Send failure: the execution fails and shows the error', async ({ studio, serve }) => {
  const { page } = studio;
  await studio.functions.create('orders', 'durable-ts');
  const executions = new ExecutionsPage(page);
  await executions.open();
  await expect(page.getByTestId('executions-empty')).toBeVisible();
  // The list is open before the execution starts: it arrives live, without a reload.
  const arn = await startOrder(hostApi(serve), 'orders', 'B-7', 1200);
  await expect(executions.row(nameOf(arn))).toHaveAttribute('data-status', 'RUNNING');
  await executions.openExecution(nameOf(arn));
  await expect(executions.callbackRow).toHaveAttribute('data-status', 'STARTED');
  await executions.sendFailure('OrderRejected', 'Amount above the approver limit', '{"limit": 1000}');
  await expect(page.getByTestId('send-failure')).toHaveCount(0);
  await expect(executions.status).toHaveAttribute('data-tone', 'failed', { timeout: 30_000 });
  await expect(executions.callbackRow).toHaveAttribute('data-status', 'FAILED');
  await expect(page.getByTestId('execution-error')).toContainText('Amount above the approver limit');
  await executions.callbackRow.click();
  await expect(executions.inspector.getByTestId('inspector-error')).toContainText('OrderRejected');
  // Arrow keys move through the rows.
  await page.keyboard.press('Home');
  await expect(executions.inspector).toHaveAttribute('data-operation', 'validate');
  await page.keyboard.press('ArrowDown');
  await page.keyboard.press('ArrowDown');
  await expect(executions.inspector.getByTestId('inspector-callback-id')).toBeVisible();
  await studio.screenshotBothThemes('25-execution-failed');
  await executions.back();
  await expect(page.getByTestId('status-count-FAILED')).toHaveText('1');
});

test('approve two pending callbacks from the inbox at once', async ({ studio, serve }) => {
  const { page } = studio;
  await studio.functions.create('orders', 'durable-ts');
  const api = hostApi(serve);
  const [first, second] = await Promise.all([startOrder(api, 'orders', 'C-1'), startOrder(api, 'orders', 'C-2', 99)]);
  const approvals = new ApprovalsPage(page);
  await expect(approvals.badge).toHaveText('2');
  await approvals.open();
  await expect(approvals.rows).toHaveCount(2);
  await approvals.row(nameOf(first)).getByTestId('approval-check').check();
  await approvals.row(nameOf(second)).getByTestId('approval-check').check();
  await studio.screenshotBothThemes('26-approvals-inbox');
  await page.getByTestId('approve-selected').click();
  const dialog = page.getByTestId('callback-answer-dialog');
  await expect(dialog.getByRole('heading')).toHaveText('Send a result to 2 callbacks');
  await dialog.getByTestId('callback-answer-send').click();
  await expect(dialog).toBeHidden();
  await expect(approvals.rows).toHaveCount(0);
  await expect(page.getByTestId('approvals-empty')).toBeVisible();
  await expect(approvals.badge).toHaveCount(0);

  const executions = new ExecutionsPage(page);
  await executions.open();
  await expect(executions.row(nameOf(first))).toHaveAttribute('data-status', 'SUCCEEDED', { timeout: 30_000 });
  await expect(executions.row(nameOf(second))).toHaveAttribute('data-status', 'SUCCEEDED', { timeout: 30_000 });
  await expect(page.getByTestId('status-count-SUCCEEDED')).toHaveText('2');
});

test('stop two running executions at once, re-run one, and skip a callback timeout on the virtual clock', async ({ studio, serve }) => {
  const { page } = studio;
  await studio.functions.create('orders', 'durable-ts');
  const api = hostApi(serve);
  const [a, b, c] = await Promise.all([startOrder(api, 'orders', 'D-1'), startOrder(api, 'orders', 'D-2'), startOrder(api, 'orders', 'D-3')]);
  const executions = new ExecutionsPage(page);
  await executions.open();
  await expect(page.getByTestId('status-count-RUNNING')).toHaveText('3');

  // Filters narrow the list; the counts follow the other filters.
  await page.getByTestId('executions-search').fill(nameOf(a).slice(0, 8));
  await expect(executions.rows).toHaveCount(1);
  await page.getByTestId('executions-search').fill('');
  await expect(executions.rows).toHaveCount(3);

  await executions.row(nameOf(a)).getByTestId('execution-check').check();
  await executions.row(nameOf(b)).getByTestId('execution-check').check();
  await expect(page.getByTestId('selection-bar')).toContainText('2 selected');
  await page.getByTestId('stop-selected').click();
  await expect(page.getByTestId('confirm-dialog')).toContainText('Stop 2 executions?');
  await page.getByTestId('confirm-ok').click();
  await expect(executions.row(nameOf(a))).toHaveAttribute('data-status', 'STOPPED');
  await expect(executions.row(nameOf(b))).toHaveAttribute('data-status', 'STOPPED');
  await expect(page.getByTestId('status-count-STOPPED')).toHaveText('2');
  await page.getByTestId('status-chip-STOPPED').click();
  await expect(executions.rows).toHaveCount(2);
  await page.getByTestId('status-chip-STOPPED').click();

  // Re-run: a new execution with the same input opens.
  await executions.row(nameOf(a)).getByTestId('execution-rerun').click();
  await expect(page.getByTestId('execution-detail')).toBeVisible();
  await expect(page.getByTestId('execution-name')).not.toHaveText(nameOf(a));
  await expect(page.getByTestId('execution-input')).toContainText('"orderId": "D-1"');
  await expect(executions.status).toHaveAttribute('data-tone', 'running');

  // The third execution's callback times out now instead of in a day.
  await executions.back();
  await executions.openExecution(nameOf(c));
  await expect(executions.callbackRow).toHaveAttribute('data-status', 'STARTED');
  await executions.callbackRow.getByTestId('row-skip').click();
  // Firing the callback's timeout fails the execution: the studio says so and asks first.
  await expect(page.getByTestId('confirm-dialog')).toContainText('callback timeout of wait-for-approval');
  await page.getByTestId('confirm-ok').click();
  await expect(executions.callbackRow).toHaveAttribute('data-status', 'TIMED_OUT');
  await expect(executions.status).toHaveAttribute('data-tone', 'failed', { timeout: 30_000 });
  await expect(page.getByTestId('execution-error')).toContainText('timed out');
});
