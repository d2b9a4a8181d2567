import { StepSemantics, withDurableExecution } from '@aws/durable-execution-sdk-js';

export const handler = withDurableExecution(async (_event, context) => {
  const branches = await context.parallel('waits', [
    async (ctx) => {
      await ctx.wait('one', { seconds: 1 });
      return ctx.step('after-one', async () => 1);
    },
    async (ctx) => {
      await ctx.wait('two', { seconds: 2 });
      return ctx.step('after-two', async () => 2, { semantics: StepSemantics.AtMostOncePerRetry });
    },
  ]);
  const items = await context.map('nested', [1, 2], async (ctx, n) => ctx.runInChildContext(`inner-${n}`, async (c) => c.step('leaf', async () => n * 10)));
  return { waits: branches.getResults(), nested: items.getResults() };
});
