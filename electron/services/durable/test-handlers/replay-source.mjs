import { appendFileSync, existsSync, readFileSync } from 'node:fs';
import { withDurableExecution } from '@aws/durable-execution-sdk-js';

// Every side effect appends its name to event.effects, so a test counts which code ran how often.
const effect = (file, name) => appendFileSync(file, `${name}\n`);
const runs = (file, name) => (existsSync(file) ? readFileSync(file, 'utf8').split('\n').filter((l) => l === name).length : 0);

export const handler = withDurableExecution(async (event, context) => {
  const first = await context.step('first', async () => {
    effect(event.effects, 'first');
    return `A:${event.x}`;
  });
  const flaky = await context.step(
    'flaky',
    async () => {
      effect(event.effects, 'flaky');
      if (runs(event.effects, 'flaky') === 1) throw new Error('first attempt fails');
      return `${first}+B`;
    },
    { retryStrategy: (_error, attempt) => ({ shouldRetry: attempt < 3, delay: { seconds: 1 } }) },
  );
  const approval = await context.waitForCallback('approval', async () => effect(event.effects, 'submit'), { timeout: { seconds: 300 } });
  const last = await context.step('last', async () => {
    effect(event.effects, 'last');
    return 'C';
  });
  return { first, flaky, approval, last };
});
