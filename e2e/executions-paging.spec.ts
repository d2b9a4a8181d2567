import { InvokeCommand, LambdaClient } from '@aws-sdk/client-lambda';
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { expect, test } from './fixtures/studio.ts';
import { ExecutionsPage } from './pages/executions-page.ts';
import { hostApi } from './pages/executions-host.ts';

const COUNT = 100;
/** Set in local storage before the studio opens: a small page, so a hundred executions make three. */
const PAGE = 40;

const handler = `import { withDurableExecution } from '@aws/durable-execution-sdk-js';

export const handler = withDurableExecution(async (event: { i: number }, context) => context.step('double', async () => event.i * 2));
`;

test('a long executions list loads page by page as it is scrolled, its counts exact for every execution from the first page on', async ({ studio, serve }) => {
  test.setTimeout(180_000);
  const { page } = studio;
  await studio.functions.create('pager', 'durable-ts');
  await writeFile(join(serve.workspace, 'functions', 'pager', 'index.ts'), handler);
  const api = hostApi(serve);
  // The first through the studio, which registers the edited code; the rest straight at the Lambda API.
  await api.call('invoke.run', { functionName: 'pager', payload: '{"i": 0}' });
  const { endpoint, region, accessKeyId, secretAccessKey } = serve.lambda;
  const client = new LambdaClient({ endpoint, region, credentials: { accessKeyId, secretAccessKey }, maxAttempts: 1 });
  try {
    await Promise.all(
      Array.from({ length: COUNT - 1 }, (_, k) =>
        client.send(new InvokeCommand({ FunctionName: 'pager:$LATEST', InvocationType: 'Event', Payload: JSON.stringify({ i: k + 1 }), DurableExecutionName: `page-${String(k + 1).padStart(3, '0')}` })),
      ),
    );
  } finally {
    client.destroy();
  }
  await expect.poll(async () => (await api.call('executions.list', { limit: 1 })).counts['SUCCEEDED'], { timeout: 120_000 }).toBe(COUNT);

  await page.evaluate((size) => localStorage.setItem('executions.pageSize', String(size)), PAGE);
  await page.setViewportSize({ width: 1000, height: 700 });
  await page.reload();
  await expect(page.getByTestId('status-workspace')).not.toContainText('connecting');
  const executions = new ExecutionsPage(page);
  await executions.open();
  const loaded = page.getByTestId('executions-loaded');
  // One page is here, and the counts are of all of them.
  await expect(loaded).toHaveText(`${PAGE} of ${COUNT} loaded`);
  await expect(page.getByTestId('status-count-SUCCEEDED')).toHaveText(String(COUNT));
  await expect(page.getByTestId('side-status-all')).toContainText(String(COUNT));
  await studio.screenshotBothThemes('64-executions-paged-1000x700');

  // Scrolling to the end asks for the next page, and again.
  const list = page.getByTestId('execution-list');
  await list.evaluate((el) => el.scrollTo(0, el.scrollHeight));
  await expect(loaded).toHaveText(`${2 * PAGE} of ${COUNT} loaded`);
  await list.evaluate((el) => el.scrollTo(0, el.scrollHeight));
  await expect(loaded).toHaveText(`${COUNT} executions`);
  await expect(page.getByTestId('executions-load-more')).toHaveCount(0);
  // The oldest is the last row: the pages came in order.
  const oldest = (await api.call('executions.list', {})).items.at(-1)?.DurableExecutionName ?? '';
  await list.evaluate((el) => el.scrollTo(0, el.scrollHeight));
  await expect(executions.row(oldest)).toBeVisible();

  // A filter is the server's: a search reaches executions of every page, and the counts follow it.
  await page.getByTestId('executions-search').fill('page-00');
  await expect(page.getByTestId('status-count-SUCCEEDED')).toHaveText('9');
  await expect(executions.rows).toHaveCount(9);
  await page.getByTestId('executions-search').fill('');
  await expect(loaded).toHaveText(`${PAGE} of ${COUNT} loaded`);

  // A new execution while a page is loaded comes in live on top, and the counts take it.
  await api.call('invoke.run', { functionName: 'pager', payload: '{"i": 1000}' });
  await expect(page.getByTestId('status-count-SUCCEEDED')).toHaveText(String(COUNT + 1));
  await expect(loaded).toHaveText(`${PAGE + 1} of ${COUNT + 1} loaded`);
});
