import { withDurableExecution } from '@aws/durable-execution-sdk-js';

export const handler = withDurableExecution(async (_event, context) => {
  const par = await context.parallel('both', [
    async (ctx) => ctx.step('left', async () => 'L'),
    async (ctx) => ctx.step('right', async () => 'R'),
  ]);
  const mapped = await context.map('double', [1, 2, 3, 4], async (ctx, item) => ctx.step(`item-${item}`, async () => item * 2), { maxConcurrency: 2 });
  const child = await context.runInChildContext('child', async (ctx) => {
    const x = await ctx.step('inner', async () => 10);
    await ctx.wait('inner-wait', { seconds: 1 });
    return x + 1;
  });
  return { par: par.getResults(), mapped: mapped.getResults(), child };
});
