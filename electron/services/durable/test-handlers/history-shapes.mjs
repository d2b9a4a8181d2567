import { withDurableExecution } from '@aws/durable-execution-sdk-js';

// One run that writes most operation events: a step, a failed and a succeeded child context,
// a step that fails without retry, and a wait.
export const handler = withDurableExecution(async (_event, context) => {
  const a = await context.step('ok', async () => 'a');
  let contextError = '';
  try {
    await context.runInChildContext('bad-child', async () => {
      throw new Error('child context failed');
    });
  } catch (error) {
    contextError = error.message;
  }
  const inner = await context.runInChildContext('good-child', async (ctx) => ctx.step('inner', async () => 1));
  let stepError = '';
  try {
    await context.step('boom', async () => {
      throw new Error('step failed');
    }, { retryStrategy: () => ({ shouldRetry: false }) });
  } catch (error) {
    stepError = error.message;
  }
  await context.wait('pause', { seconds: 3600 });
  return { a, contextError, inner, stepError };
});
