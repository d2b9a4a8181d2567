import { appendFileSync } from 'node:fs';
import { withDurableExecution } from '@aws/durable-execution-sdk-js';

const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

export const handler = withDurableExecution(async (event, context) => {
  let sum = 0;
  let approval;
  for (let i = 1; i <= 6; i++) {
    sum += await context.step(`s${i}`, async () => {
      appendFileSync(event.counterFile, `start ${i}\n`);
      await sleep(150);
      appendFileSync(event.counterFile, `end ${i}\n`);
      return i;
    });
    if (i === 3) await context.wait('pause', { seconds: 1 });
    if (i === 4) approval = await context.waitForCallback('approve', async () => undefined, { timeout: { seconds: 300 } });
  }
  return { sum, approval };
});
