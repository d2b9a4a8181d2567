import { withDurableExecution } from '@aws/durable-execution-sdk-js';

const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

export const handler = withDurableExecution(async (_event, context) => {
  await context.step('slow', async () => {
    await sleep(1500);
    return 'slow done';
  });
  return context.step('next', async () => 'next done');
});
