import { withDurableExecution } from '@aws/durable-execution-sdk-js';

// Strings unique per item, so neither V8 nor the checkpoint batches can share them.
const blob = (seed, kb) => `${seed}:`.padEnd(kb * 1024, String.fromCharCode(97 + (seed.length % 26)));

export const handler = withDurableExecution(async (event, context) => {
  if (event.shape === 'map') {
    const items = Array.from({ length: event.items }, (_, i) => blob(`item-${i}`, event.kb));
    const mapped = await context.map('rows', items, async (ctx, item, i) => ctx.step(`row-${i}`, async () => item.toUpperCase()));
    return { count: mapped.getResults().length, chars: mapped.getResults().reduce((sum, r) => sum + r.length, 0) };
  }
  let chars = 0;
  for (let i = 0; i < event.children; i++) {
    chars += (await context.runInChildContext(`child-${i}`, async () => blob(`child-${i}`, event.kb))).length;
  }
  return { count: event.children, chars };
});
