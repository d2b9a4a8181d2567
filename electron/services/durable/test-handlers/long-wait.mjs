import { withDurableExecution } from '@aws/durable-execution-sdk-js';

export const handler = withDurableExecution(async (_event, context) => {
  await context.wait('an-hour', { hours: 1 });
  const s = await context.step('after', async () => 'after the wait');
  return s;
});
