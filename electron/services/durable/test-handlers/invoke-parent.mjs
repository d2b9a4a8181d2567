import { withDurableExecution } from '@aws/durable-execution-sdk-js';

export const handler = withDurableExecution(async (event, context) => {
  const out = await context.invoke('call', event.target, event.input);
  return { out };
});
