import { appendFileSync } from 'node:fs';
import { withDurableExecution } from '@aws/durable-execution-sdk-js';

// Steps that return at once, so checkpoints follow each other as fast as the engine answers them;
// the map's items finish together, so their updates reach the engine in batches of several.
export const handler = withDurableExecution(async (event, context) => {
  const items = Array.from({ length: event.items }, (_, i) => i);
  const mapped = await context.map(
    'items',
    items,
    async (ctx, item) =>
      ctx.step(`item-${item}`, async () => {
        appendFileSync(event.log, `${event.id} item-${item}\n`);
        return item;
      }),
    { maxConcurrency: 8 },
  );
  let sum = mapped.getResults().reduce((a, b) => a + b, 0);
  for (let i = 0; i < event.steps; i++) {
    sum += await context.step(`s${i}`, async () => {
      appendFileSync(event.log, `${event.id} s${i}\n`);
      return i;
    });
  }
  return sum;
});
