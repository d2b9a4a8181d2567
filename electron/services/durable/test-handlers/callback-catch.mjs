import { withDurableExecution } from '@aws/durable-execution-sdk-js';

const seen = (error) => ({ name: error.name, message: error.message, causeName: error.cause?.name, data: error.errorData });

// Returns what the handler sees when its callback is answered with a failure, through
// waitForCallback or createCallback (`event.create`).
export const handler = withDurableExecution(async (event, context) => {
  try {
    if (event.create) {
      const [promise] = await context.createCallback('approval');
      await promise;
    } else {
      await context.waitForCallback('approval', async () => {});
    }
    return { answered: 'result' };
  } catch (error) {
    return seen(error);
  }
});
