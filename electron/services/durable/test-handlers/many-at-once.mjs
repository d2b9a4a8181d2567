import { withDurableExecution } from '@aws/durable-execution-sdk-js';

// One of many executions running together: a step, a short wait, a callback its caller answers
// (the callback id is posted to event.callbackUrl) and a small map.
export const handler = withDurableExecution(async (event, context) => {
  const base = await context.step('prepare', async () => event.i);
  await context.wait('pause', { seconds: event.waitSeconds ?? 1 });
  const answer = await context.waitForCallback(
    'approval',
    async (callbackId) => {
      const response = await fetch(event.callbackUrl, { method: 'POST', body: callbackId });
      if (!response.ok) throw new Error(`the callback's receiver answered ${response.status}`);
    },
    { timeout: { seconds: 600 } },
  );
  const mapped = await context.map('double', [1, 2, 3], async (ctx, item) => ctx.step(`item-${item}`, async () => item * 2));
  const total = await context.step('finish', async () => base + mapped.getResults().reduce((sum, x) => sum + x, 0));
  return { total, answer };
});
