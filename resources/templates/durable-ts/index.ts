import {
  createRetryStrategy,
  JitterStrategy,
  withDurableExecution,
  type DurableContext,
} from '@aws/durable-execution-sdk-js';

/** The order this execution approves. */
interface OrderEvent {
  orderId: string;
  amount: number;
  customerEmail?: string;
}

/** What an approver sends back with SendDurableExecutionCallbackSuccess. */
interface ApprovalDecision {
  approved: boolean;
  approver?: string;
  comment?: string;
}

interface OrderResult {
  orderId: string;
  status: 'PROCESSED' | 'REJECTED';
  approver?: string;
  confirmation?: string;
}

/** Retries the processing step up to 5 times, waiting 2 s, 4 s, 8 s… (at most 1 min) between tries. */
const processRetry = createRetryStrategy({
  maxAttempts: 5,
  initialDelay: { seconds: 2 },
  maxDelay: { minutes: 1 },
  backoffRate: 2,
  jitter: JitterStrategy.FULL,
});

async function orderApproval(event: OrderEvent, context: DurableContext): Promise<OrderResult> {
  // Each step runs once; on replay its checkpointed result is returned instead.
  const order = await context.step('validate', async () => {
    if (!event.orderId) throw new Error('orderId is required');
    if (!(event.amount > 0)) throw new Error('amount must be a positive number');
    return { orderId: event.orderId, amount: event.amount };
  });

  // The execution suspends here (no compute is billed) until someone answers the callback
  // or a day passes. Send the callback id to whoever approves: email, chat, a ticket.
  const decisionText = await context.waitForCallback(
    'wait-for-approval',
    async (callbackId, ctx) => {
      ctx.logger.info('Approval requested', { orderId: order.orderId, callbackId });
    },
    { timeout: { days: 1 } },
  );
  const decision = JSON.parse(decisionText) as ApprovalDecision;

  if (!decision.approved) {
    return { orderId: order.orderId, status: 'REJECTED', ...(decision.approver ? { approver: decision.approver } : {}) };
  }

  const confirmation = await context.step(
    'process',
    async () => {
      // Call the payment or fulfilment service here; a thrown error is retried by the strategy.
      return `CONF-${order.orderId}-${Math.round(order.amount * 100)}`;
    },
    { retryStrategy: processRetry },
  );

  return {
    orderId: order.orderId,
    status: 'PROCESSED',
    confirmation,
    ...(decision.approver ? { approver: decision.approver } : {}),
  };
}

export const handler = withDurableExecution(orderApproval);
