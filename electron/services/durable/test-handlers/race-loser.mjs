import { withDurableExecution } from '@aws/durable-execution-sdk-js';

const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

// The fast step wins the race and the execution ends; the slow one is still sleeping and would
// checkpoint its result after the invocation that started it has answered.
export const handler = withDurableExecution(async (event, context) => {
  const winner = await context.promise.race('race', [
    context.step('fast', async () => 'fast'),
    context.step('late', async () => {
      await sleep(event.lateMs ?? 800);
      console.log('late step finished');
      return 'late';
    }),
  ]);
  return { winner };
});
