import { withDurableExecution } from '@aws/durable-execution-sdk-js';

const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

// While the slow step runs the SDK cannot suspend, so it polls the service for the wait's end.
export const handler = withDurableExecution(async (_event, context) => {
  const [, slow] = await Promise.all([
    context.wait('short', { seconds: 1 }),
    context.step('slow', async () => {
      await sleep(2500);
      return 'slow';
    }),
  ]);
  const after = await context.step('after', async () => 'after');
  return { slow, after };
});
