import { withDurableExecution } from '@aws/durable-execution-sdk-js';

export const handler = withDurableExecution(async (event, context) => {
  const [promise, callbackId] = await context.createCallback('cb', event.timeout ? { timeout: { seconds: event.timeout } } : {});
  context.logger.info('waiting for', callbackId.slice(0, 8));
  const value = await promise;
  return { value };
});
