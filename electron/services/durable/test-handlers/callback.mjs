import { withDurableExecution } from '@aws/durable-execution-sdk-js';

export const handler = withDurableExecution(async (event, context) => {
  const result = await context.waitForCallback(
    'approval',
    async (callbackId, ctx) => {
      ctx.logger.info('submitted', callbackId.length);
    },
    {
      ...(event.timeout ? { timeout: { seconds: event.timeout } } : {}),
      ...(event.heartbeat ? { heartbeatTimeout: { seconds: event.heartbeat } } : {}),
    },
  );
  return { approved: result };
});
