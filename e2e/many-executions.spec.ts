import { InvokeCommand, LambdaClient } from '@aws-sdk/client-lambda';
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { expect, test } from './fixtures/studio.ts';
import { ExecutionsPage } from './pages/executions-page.ts';
import { hostApi } from './pages/executions-host.ts';

const COUNT = 150;

// A step, a short wait and a small map: each execution checkpoints a dozen times over three seconds.
const handler = `import { withDurableExecution } from '@aws/durable-execution-sdk-js';

export const handler = withDurableExecution(async (event: { i: number }, context) => {
  const base = await context.step('prepare', async () => event.i);
  await context.wait('pause', { seconds: 2 });
  const mapped = await context.map('double', [1, 2, 3], async (ctx, item) => ctx.step(\`item-\${item}\`, async () => item * 2));
  return base + mapped.getResults().reduce((sum, x) => sum + x, 0);
});
`;

test('many executions at once: the list and its counts follow them live and end with every one succeeded', async ({ studio, serve }) => {
  test.setTimeout(240_000);
  const { page } = studio;
  await studio.functions.create('many', 'durable-ts');
  await writeFile(join(serve.workspace, 'functions', 'many', 'index.ts'), handler);
  // The first through the studio, which registers the edited code; the rest straight at the Lambda API, all at once.
  const first = await hostApi(serve).call('invoke.run', { functionName: 'many', payload: '{"i": 0}' });
  expect(first.durableExecutionArn).toBeDefined();

  const executions = new ExecutionsPage(page);
  await executions.open();
  // How long the page's main thread is kept busy at a time while the executions run.
  await page.evaluate(() => {
    const w = window as unknown as { longestTaskMs: number };
    w.longestTaskMs = 0;
    new PerformanceObserver((list) => {
      for (const entry of list.getEntries()) w.longestTaskMs = Math.max(w.longestTaskMs, entry.duration);
    }).observe({ type: 'longtask', buffered: false });
  });

  const { endpoint, region, accessKeyId, secretAccessKey } = serve.lambda;
  const client = new LambdaClient({ endpoint, region, credentials: { accessKeyId, secretAccessKey }, maxAttempts: 1 });
  try {
    await Promise.all(
      Array.from({ length: COUNT - 1 }, (_, k) =>
        client.send(new InvokeCommand({ FunctionName: 'many:$LATEST', InvocationType: 'Event', Payload: JSON.stringify({ i: k + 1 }), DurableExecutionName: `many-${k + 1}` })),
      ),
    );
  } finally {
    client.destroy();
  }

  // Every start shows up, and the counts move while they run.
  await expect(page.getByTestId('side-status-all')).toContainText(String(COUNT), { timeout: 30_000 });
  // Nothing final is lost on the way: each end reaches the list.
  await expect(page.getByTestId('status-count-SUCCEEDED')).toHaveText(String(COUNT), { timeout: 180_000 });
  await expect(page.getByTestId('status-count-RUNNING')).toHaveText('0');
  const longest = await page.evaluate(() => (window as unknown as { longestTaskMs: number }).longestTaskMs);
  test.info().annotations.push({ type: 'longest main-thread task', description: `${longest.toFixed(0)} ms` });
  console.log(`${COUNT} executions: the longest main-thread task of the page took ${longest.toFixed(0)} ms`);
});
