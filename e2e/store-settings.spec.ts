import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { expect, test } from './fixtures/studio.ts';
import { hostApi } from './pages/executions-host.ts';

// Finishes at once, or waits for an approval when asked to.
const handler = `import { withDurableExecution } from '@aws/durable-execution-sdk-js';

export const handler = withDurableExecution(async (event: { wait?: boolean }, context) => {
  const order = await context.step('validate', async () => 'order-1');
  if (!event.wait) return { order };
  const approval = await context.waitForCallback('approval', async () => {}, { timeout: { hours: 1 } });
  return { order, approval };
});
`;

test('Settings shows the executions database and purges its finished executions after a confirmation naming how many', async ({ studio, serve }) => {
  test.setTimeout(120_000);
  const { page } = studio;
  await studio.functions.create('kept', 'durable-ts');
  await writeFile(join(serve.workspace, 'functions', 'kept', 'index.ts'), handler);
  const host = hostApi(serve);
  for (let i = 0; i < 2; i++) expect((await host.call('invoke.run', { functionName: 'kept', payload: '{}' })).durableExecutionArn).toBeDefined();
  const waiting = await host.call('invoke.run', { functionName: 'kept', payload: '{"wait": true}' });
  expect(waiting.durableExecutionArn).toBeDefined();

  await studio.activity('settings').click();
  const section = page.getByTestId('settings-store');
  await expect(section.getByTestId('store-counts')).toHaveText('2 finished executions, 1 running execution', { timeout: 20_000 });
  await expect(section.getByTestId('store-path')).toHaveText(join(serve.workspace, '.studio', 'durable.db'));
  await expect(section.getByTestId('store-size')).toHaveText(/^\d+(\.\d)? (KB|MB)$/);
  await section.scrollIntoViewIfNeeded();
  await studio.screenshotBothThemes('store-settings');

  await section.getByTestId('store-purge').click();
  const dialog = page.getByTestId('store-purge-dialog');
  await expect(dialog.getByRole('heading')).toHaveText('Purge 2 finished executions?');
  await expect(dialog).toContainText('the 1 running execution stays as it is');
  // A destructive answer is never one Enter away.
  await expect(dialog.getByRole('button', { name: 'Cancel' })).toBeFocused();
  await studio.screenshotBothThemes('store-purge-confirm');
  await dialog.getByTestId('store-purge-confirm').click();

  await expect(section.getByTestId('store-purge-outcome')).toContainText('Purged 2 finished executions');
  await expect(section.getByTestId('store-counts')).toHaveText('0 finished executions, 1 running execution');
  await expect(section.getByTestId('store-purge')).toBeDisabled();
  // The running one is still there and still waiting.
  const running = await host.call('executions.get', { arn: waiting.durableExecutionArn ?? '' });
  expect(running.Status).toBe('RUNNING');
});
