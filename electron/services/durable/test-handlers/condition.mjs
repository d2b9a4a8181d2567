import { withDurableExecution } from '@aws/durable-execution-sdk-js';

export const handler = withDurableExecution(async (_event, context) => {
  const final = await context.waitForCondition('poll', async (state) => ({ n: state.n + 1 }), {
    initialState: { n: 0 },
    waitStrategy: (state) => (state.n >= 3 ? { shouldContinue: false } : { shouldContinue: true, delay: { seconds: 1 } }),
  });
  return final;
});
