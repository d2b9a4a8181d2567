import { withDurableExecution } from '@aws/durable-execution-sdk-js';

export const handler = withDurableExecution(async (event, context) => {
  const result = await context.map(
    'items',
    [1, 2, 3, 4],
    async (ctx, item) => ctx.step(`work-${item}`, async () => {
      if (item % 2 === 0) throw new Error(`item ${item} failed`);
      return item;
    }, { retryStrategy: () => ({ shouldRetry: false }) }),
    { completionConfig: { toleratedFailureCount: event.tolerated } },
  );
  if (result.completionReason === 'FAILURE_TOLERANCE_EXCEEDED') throw new Error(`too many failures: ${result.failureCount}`);
  return { reason: result.completionReason, ok: result.successCount, failed: result.failureCount };
});
