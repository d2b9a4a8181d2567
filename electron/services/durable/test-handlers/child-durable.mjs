import { withDurableExecution } from '@aws/durable-execution-sdk-js';

export const handler = withDurableExecution(async (event, context) => {
  const doubled = await context.step('double', async () => event.n * 2);
  if (event.fail) throw new Error('child failed on purpose');
  return { doubled };
});
