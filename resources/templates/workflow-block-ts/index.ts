import type { Handler } from 'aws-lambda';

/**
 * How a workflow invokes a Lambda block: the output of the previous blocks arrives as
 * `data`; whatever the handler returns becomes this block's output.
 */
export interface BlockEvent<TData> {
  data: TData;
  /** The workflow run and the block being executed, when the workflow runner provides them. */
  workflow?: { name?: string; runId?: string; blockId?: string };
}

/** The block's input: edit to match what the previous block produces. */
interface OrderData {
  orderId: string;
  items: { sku: string; quantity: number; unitPrice: number }[];
}

/** The block's output: what the next blocks receive. */
interface PricedOrder {
  orderId: string;
  itemCount: number;
  total: number;
}

export const handler: Handler<BlockEvent<OrderData>, PricedOrder> = async (event) => {
  const { orderId, items } = event.data;
  const itemCount = items.reduce((sum, item) => sum + item.quantity, 0);
  const total = items.reduce((sum, item) => sum + item.quantity * item.unitPrice, 0);
  return { orderId, itemCount, total: Math.round(total * 100) / 100 };
};
