import { withDurableExecution } from '@aws/durable-execution-sdk-js';

export const handler = withDurableExecution(async (event, context) => {
  let sum = 0;
  for (let i = 0; i < event.steps; i++) sum += await context.step(`s${i}`, async () => i);
  await context.wait('then', { seconds: 1 });
  const last = await context.step('last', async () => 'done');
  return { sum, last };
});
