import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { expect, readWorkspaceFile, test } from './fixtures/studio.ts';
import { ApprovalsPage, ExecutionsPage } from './pages/executions-page.ts';
import { hostApi, startOrder } from './pages/executions-host.ts';
import { InvokePanelPage } from './pages/invoke-panel-page.ts';

/** The execution name is the ARN's second-last part: `…/durable-execution/<name>/<id>`. */
function nameOf(arn: string): string {
  return arn.split('/').at(-2) ?? arn;
}

test('an approval says what it approves: the order it started with, the function, the step and what the handler logged', async ({ studio, serve }) => {
  const { page } = studio;
  await studio.functions.create('orders', 'durable-ts');
  const arn = await startOrder(hostApi(serve), 'orders', 'E-17', 42.5);
  const approvals = new ApprovalsPage(page);
  await approvals.open();
  const row = approvals.row(nameOf(arn));
  // Started without a name: the row reads by the start of its input, not by a UUID.
  await expect(row.getByTestId('approval-title')).toContainText('"orderId":"E-17"');
  await expect(row.getByTestId('approval-step')).toHaveText('wait-for-approval');
  await expect(row).toContainText('orders');
  await expect(row.getByTestId('approval-log')).toContainText('Approval requested');
  await expect(row.getByTestId('approval-log')).toContainText('E-17');
  await studio.screenshotBothThemes('80-approvals-context');
  await page.setViewportSize({ width: 1000, height: 700 });
  await studio.screenshotBothThemes('80-approvals-context-1000');
  await page.setViewportSize({ width: 1400, height: 900 });

  // The dialog is titled with what the approver reads in the row, never a UUID alone.
  await row.getByTestId('approval-approve').click();
  const dialog = page.getByTestId('callback-answer-dialog');
  await expect(dialog.getByRole('heading')).toContainText('E-17');
  await expect(dialog.getByTestId('callback-result')).toHaveValue(/"approved": true/);
  await expect(dialog).toContainText('Approval requested');
});

test('Reject through Send result takes the order template down its REJECTED path; Send failure keeps the typed error type', async ({ studio, serve }) => {
  const { page } = studio;
  await studio.functions.create('orders', 'durable-ts');
  const api = hostApi(serve);
  const [rejectMe, failMe] = await Promise.all([startOrder(api, 'orders', 'R-1'), startOrder(api, 'orders', 'R-2')]);
  const approvals = new ApprovalsPage(page);
  await approvals.open();
  await expect(approvals.rows).toHaveCount(2);

  // Reject opens on a result that rejects, said as such: the handler decides what a rejection does.
  await approvals.row(nameOf(rejectMe)).getByTestId('approval-reject').click();
  const dialog = page.getByTestId('callback-answer-dialog');
  await expect(dialog.getByTestId('answer-kind-result')).toHaveAttribute('aria-pressed', 'true');
  await expect(dialog.getByTestId('callback-result')).toHaveValue(/"approved": false/);
  await dialog.getByTestId('answer-template-approve').click();
  await expect(dialog.getByTestId('callback-result')).toHaveValue(/"approved": true/);
  await dialog.getByTestId('answer-template-reject').click();
  await studio.screenshotBothThemes('81-approval-send-result');
  await page.setViewportSize({ width: 1000, height: 700 });
  await studio.screenshotBothThemes('81-approval-send-result-1000');
  await page.setViewportSize({ width: 1400, height: 900 });
  await dialog.getByTestId('callback-answer-send').click();
  await expect(dialog).toBeHidden();

  const executions = new ExecutionsPage(page);
  await executions.open();
  await executions.openExecution(nameOf(rejectMe));
  await expect(executions.status).toHaveAttribute('data-tone', 'succeeded', { timeout: 30_000 });
  await expect(page.getByTestId('execution-result')).toContainText('"status": "REJECTED"');

  // The result sent last is offered again for the next callback of that step.
  await approvals.open();
  await approvals.row(nameOf(failMe)).getByTestId('approval-approve').click();
  await expect(dialog.getByTestId('callback-result')).toHaveValue(/"approved": true/);
  await dialog.getByTestId('answer-template-last').click();
  await expect(dialog.getByTestId('callback-result')).toHaveValue(/"approved": false/);
  await dialog.getByTestId('answer-kind-failure').click();
  await dialog.getByTestId('callback-error-type').fill('OrderRejected');
  await dialog.getByTestId('callback-error-message').fill('over the limit');
  await studio.screenshotBothThemes('82-approval-send-failure');
  await dialog.getByTestId('callback-answer-send').click();
  await expect(dialog).toBeHidden();
  await executions.open();
  await executions.openExecution(nameOf(failMe));
  await expect(executions.status).toHaveAttribute('data-tone', 'failed', { timeout: 30_000 });
  await executions.openHistoryTab();
  const history = await api.call('executions.history', { arn: failMe });
  const failed = history.Events.find((e) => e.EventType === 'CallbackFailed') as { CallbackFailedDetails?: { Error?: { Payload?: { ErrorType?: string } } } } | undefined;
  expect(failed?.CallbackFailedDetails?.Error?.Payload?.ErrorType).toBe('OrderRejected');
});
test('Skip says what the next timer is and asks before firing a callback timeout; Stop asks too', async ({ studio, serve }) => {
  const { page } = studio;
  await studio.functions.create('orders', 'durable-ts');
  const api = hostApi(serve);
  const arn = await startOrder(api, 'orders', 'S-1');
  const executions = new ExecutionsPage(page);
  await executions.open();
  await executions.openExecution(nameOf(arn));
  await expect(executions.callbackRow).toHaveAttribute('data-status', 'STARTED');

  await page.getByTestId('execution-skip').click();
  const confirm = page.getByTestId('confirm-dialog');
  await expect(confirm).toContainText('callback timeout of wait-for-approval');
  await expect(confirm).toContainText('the execution fails');
  await studio.screenshotBothThemes('83-skip-confirm');
  await page.setViewportSize({ width: 1000, height: 700 });
  await studio.screenshotBothThemes('83-skip-confirm-1000');
  await page.setViewportSize({ width: 1400, height: 900 });
  await confirm.getByTestId('confirm-cancel').click();
  await expect(confirm).toBeHidden();
  // Nothing fired.
  await expect(executions.callbackRow).toHaveAttribute('data-status', 'STARTED');
  expect((await api.call('executions.get', { arn })).Status).toBe('RUNNING');

  await page.getByTestId('execution-stop-detail').click();
  await expect(confirm).toContainText('Stop');
  await confirm.getByTestId('confirm-cancel').click();
  expect((await api.call('executions.get', { arn })).Status).toBe('RUNNING');

  await page.getByTestId('execution-skip').click();
  await confirm.getByTestId('confirm-ok').click();
  await expect(executions.callbackRow).toHaveAttribute('data-status', 'TIMED_OUT');
  await expect(executions.status).toHaveAttribute('data-tone', 'failed', { timeout: 30_000 });
});

test('a durable invoke whose invocations fail shows the engine retrying, attempt by attempt, then failed', async ({ studio, serve }) => {
  const { page } = studio;
  const invoke = new InvokePanelPage(page);
  await studio.functions.create('thrower', 'node-js');
  // Durable switched on for a plain handler that throws: every invocation fails.
  const dir = join(serve.workspace, 'functions', 'thrower');
  await writeFile(join(dir, 'index.mjs'), "export const handler = async () => { throw new TypeError('no luck today'); };\n");
  const config = JSON.parse(await readWorkspaceFile(serve, 'functions', 'thrower', 'function.json')) as Record<string, unknown>;
  await writeFile(join(dir, 'function.json'), JSON.stringify({ ...config, durable: { enabled: true, executionTimeout: 600, retentionPeriodInDays: 1 } }, null, 2));
  await expect(page.getByTestId('code-editor')).toContainText('no luck today');
  const api = hostApi(serve);
  await expect.poll(async () => (await api.call('functions.get', { name: 'thrower' })).config?.durable?.enabled).toBe(true);

  await invoke.setEvent('{}');
  await invoke.invoke();
  await expect(invoke.output).toHaveAttribute('data-outcome', 'retrying', { timeout: 30_000 });
  const retry = page.getByTestId('invoke-retrying');
  await expect(retry).toContainText(/invocation \d of 5 failed/);
  await expect(retry).toContainText('no luck today');
  await expect(page.getByTestId('invoke-waiting')).toHaveCount(0);
  await studio.screenshotBothThemes('84-invoke-durable-retrying');
  await page.setViewportSize({ width: 1000, height: 700 });
  await studio.screenshotBothThemes('84-invoke-durable-retrying-1000');
  await page.setViewportSize({ width: 1400, height: 900 });

  // The execution's own view says the same while it lasts, then shows it failed.
  await page.getByTestId('invoke-open-execution').click();
  await expect(page.getByTestId('execution-retrying')).toContainText('no luck today');
  await studio.screenshotBothThemes('86-execution-retrying');
  await expect(new ExecutionsPage(page).status).toHaveAttribute('data-tone', 'failed', { timeout: 45_000 });
  await expect(page.getByTestId('execution-retrying')).toHaveCount(0);
  await studio.activity('functions').click();
  await expect(invoke.output).toHaveAttribute('data-outcome', 'failed', { timeout: 45_000 });
  await expect(invoke.error).toContainText('no luck today');
  await studio.screenshotBothThemes('85-invoke-durable-failed');
});
