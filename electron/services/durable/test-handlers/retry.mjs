import { appendFileSync, existsSync, readFileSync } from 'node:fs';
import { withDurableExecution } from '@aws/durable-execution-sdk-js';

const attempts = (file) => (existsSync(file) ? readFileSync(file, 'utf8').split('\n').filter(Boolean).length : 0);

export const handler = withDurableExecution(async (event, context) => {
  return context.step(
    'flaky',
    async () => {
      appendFileSync(event.counterFile, 'attempt\n');
      if (attempts(event.counterFile) <= event.failTimes) throw new Error(`attempt ${attempts(event.counterFile)} failed`);
      return `ok after ${attempts(event.counterFile)}`;
    },
    { retryStrategy: (_error, attempt) => ({ shouldRetry: attempt < event.maxAttempts, delay: { seconds: event.delaySeconds ?? 1 } }) },
  );
});
