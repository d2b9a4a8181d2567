import type { Page } from '@playwright/test';
import { QueuePage } from './pages/queue-page.ts';
import { expect, readWorkspaceFile, test } from './fixtures/studio.ts';

/** Replaces the whole text of the open file in the code editor (one line: Monaco would indent more). */
async function replaceCode(page: Page, text: string): Promise<void> {
  await page.getByTestId('code-editor').locator('.view-lines').click();
  await page.keyboard.press('ControlOrMeta+A');
  await page.keyboard.press('Backspace');
  await page.keyboard.insertText(text);
}

const PICKY = "export const handler = async (event) => { for (const r of event.Records) if (r.body.includes('poison')) throw new Error('cannot digest ' + r.body); return {}; };";
const FIXED = 'export const handler = async (event) => ({ batchItemFailures: [] });';

test('send messages to a queue and watch the counts move; a poison message reaches the dead-letter list and is redriven once the code is fixed', async ({ studio, serve }) => {
  const { functions, editor, page } = studio;
  const queue = new QueuePage(page);
  await functions.create('orders', 'node-js');
  await replaceCode(page, PICKY);
  await editor.saveWithShortcut();
  await expect.poll(() => readWorkspaceFile(serve, 'functions', 'orders', 'index.mjs')).toBe(PICKY);

  await queue.open();
  await expect(page.getByTestId('queue-empty')).toBeVisible();
  await page.getByTestId('queue-add').click();
  // Short timeouts so a failed message comes back at once; delivery off to see the messages wait.
  await queue.setting('visibilityTimeoutSeconds').fill('1');
  await queue.setting('maxReceiveCount').fill('2');
  await queue.setting('enabled').uncheck();
  await queue.save.click();
  await expect
    .poll(async () => (JSON.parse(await readWorkspaceFile(serve, 'functions', 'orders', 'function.json')) as { triggers?: { queue?: unknown } }).triggers?.queue)
    .toEqual({ enabled: false, batchSize: 10, batchWindowSeconds: 0, visibilityTimeoutSeconds: 1, maxReceiveCount: 2, deadLetter: true, reportBatchItemFailures: true });

  await queue.send('[{"orderId":"1"},{"orderId":"2"},{"orderId":"3"}]');
  await expect(page.getByTestId('queue-send-note')).toHaveText('Sent 3 messages.');
  await expect.poll(() => queue.counts()).toEqual({ visible: '3', inFlight: '0', deadLetter: '0' });
  await expect(queue.messages).toHaveCount(3);
  await expect(page.getByTestId('function-view-queue')).toContainText('3');
  await studio.screenshotBothThemes('80-queue-waiting');

  // Delivery on: the batch goes to the function and the queue empties.
  await queue.setting('enabled').check();
  await queue.save.click();
  await expect.poll(() => queue.counts(), { timeout: 20_000 }).toEqual({ visible: '0', inFlight: '0', deadLetter: '0' });
  await expect(page.getByTestId('queue-no-messages')).toBeVisible();

  // A poison message fails each batch it is in, and after its second receive it is a dead letter.
  await queue.send('{"poison":true}');
  await expect.poll(() => queue.counts(), { timeout: 30_000 }).toEqual({ visible: '0', inFlight: '0', deadLetter: '1' });
  const dead = queue.messages.first();
  await expect(dead).toHaveAttribute('data-state', 'deadLetter');
  await expect(dead.getByTestId('queue-message-receives')).toHaveText('2');
  await expect(dead).toContainText('Error: cannot digest {"poison":true}');
  await studio.screenshotBothThemes('81-queue-dead-letter');

  // The code fixed, the dead letter redriven: it goes through.
  await page.getByTestId('function-view-code').click();
  await replaceCode(page, FIXED);
  await editor.saveWithShortcut();
  await expect.poll(() => readWorkspaceFile(serve, 'functions', 'orders', 'index.mjs')).toBe(FIXED);
  await queue.open();
  await page.getByTestId('queue-redrive-all').click();
  await expect.poll(() => queue.counts(), { timeout: 20_000 }).toEqual({ visible: '0', inFlight: '0', deadLetter: '0' });

  // Every batch is listed under Invocations, called by the queue.
  await page.getByTestId('function-view-invocations').click();
  await expect(page.locator('[data-testid="invocation-row"][data-caller="queue"]').first()).toBeVisible();
});
