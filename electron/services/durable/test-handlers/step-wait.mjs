import { withDurableExecution } from '@aws/durable-execution-sdk-js';

export const handler = withDurableExecution(async (event, context) => {
  context.logger.info('starting with', event.x);
  const a = await context.step('first', async () => `A:${event.x ?? 0}`);
  await context.wait('pause', { seconds: 2 });
  const b = await context.step('second', async () => `${a}+B`);
  return { a, b };
});
