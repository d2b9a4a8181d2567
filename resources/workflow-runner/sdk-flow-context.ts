import { type BatchResult, BatchItemStatus, CallbackError, type DurableContext, DurableOperationError, InvokeError, OperationType } from '@aws/durable-execution-sdk-js';
import { type FlowContext, type FlowItem, NOT_FINISHED } from '../../shared/workflow/interpret.ts';
import { blockError, errorTypeOf, flowErrorOf } from './flow-errors.ts';
import type { OperationLog } from './operation-log.ts';

/**
 * The interpreter's FlowContext on the official SDK's DurableContext. Every operation is
 * named after its block; `path` holds the names of the operations this context runs inside
 * (a Map and its item, a Parallel and its branch), which is how a failure is found again
 * in the operation log.
 */
export function sdkFlowContext(ctx: DurableContext, log: OperationLog, path: readonly string[] = []): FlowContext {
  return {
    async step(name, fn) {
      try {
        // Expressions give the same answer every time: a retry could only fail again.
        return await ctx.step(name, async () => fn(), { retryStrategy: () => ({ shouldRetry: false }) });
      } catch (error) {
        // Only a failed step is the block's failure; anything else is the SDK's to handle.
        if (!(error instanceof DurableOperationError)) throw error;
        throw blockError(name, error);
      }
    },

    async invoke(name, functionName, payload) {
      try {
        return { ok: true, value: await ctx.invoke<unknown, unknown>(name, functionName, payload) };
      } catch (error) {
        if (!(error instanceof InvokeError)) throw error;
        const type = log.failureType([...path, name], OperationType.CHAINED_INVOKE) ?? errorTypeOf(error);
        return { ok: false, error: flowErrorOf(error, type) };
      }
    },

    async wait(name, seconds) {
      await ctx.wait(name, { seconds });
    },

    async waitForCallback(name, config) {
      try {
        return await ctx.waitForCallback<string | undefined>(
          name,
          async (callbackId, { logger }) => {
            logger.info(`Block "${name}" waits for approval (callback ${callbackId}).${config.instructions === '' ? '' : ` ${config.instructions}`}`);
          },
          {
            ...(config.timeoutSeconds === undefined ? {} : { timeout: { seconds: config.timeoutSeconds } }),
            ...(config.heartbeatSeconds === undefined ? {} : { heartbeatTimeout: { seconds: config.heartbeatSeconds } }),
          },
        );
      } catch (error) {
        if (!(error instanceof CallbackError)) throw error;
        const type = log.failureType([...path, name], OperationType.CALLBACK) ?? errorTypeOf(error);
        throw blockError(name, error, type);
      }
    },

    async map(name, items, fn, config) {
      const itemName = (index: number) => `${name}[${index}]`;
      const result = await ctx.map<unknown, unknown>(name, items, (child, item, index) => fn(sdkFlowContext(child, log, [...path, name, itemName(index)]), item, index), {
        ...(config.maxConcurrency === undefined ? {} : { maxConcurrency: config.maxConcurrency }),
        completionConfig: { toleratedFailureCount: config.toleratedFailures },
        itemNamer: (_item, index) => itemName(index),
      });
      return flowItems(result, items.length);
    },

    async parallel(name, branches) {
      const result = await ctx.parallel<unknown>(
        name,
        branches.map((branch) => ({ name: branch.name, func: (child: DurableContext) => branch.fn(sdkFlowContext(child, log, [...path, name, branch.name])) })),
      );
      return flowItems(result, branches.length);
    },
  };
}

/**
 * A batch's outcome per item, in item order. An item the batch never finished (it stopped
 * once too many had failed) counts as failed too.
 */
function flowItems(result: BatchResult<unknown>, count: number): FlowItem[] {
  const byIndex = new Map(result.all.map((item) => [item.index, item]));
  return Array.from({ length: count }, (_, index): FlowItem => {
    const item = byIndex.get(index);
    if (item?.status === BatchItemStatus.SUCCEEDED) return { ok: true, value: item.result ?? null };
    if (item?.status === BatchItemStatus.FAILED && item.error !== undefined) return { ok: false, error: flowErrorOf(item.error) };
    return { ok: false, error: { type: NOT_FINISHED, message: 'did not finish: the block stopped after too many failures' } };
  });
}
