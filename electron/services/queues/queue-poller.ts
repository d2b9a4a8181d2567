import type { FunctionConfig, QueueTrigger } from '../../../shared/workspace/function-config.ts';
import { realClock, type SchedulerClock } from '../schedules/scheduler.ts';
import { readBatchResponse } from './batch-response.ts';
import type { QueueStore, Receipt } from './queue-store.ts';
import { queueArn, sqsEvent, type SqsEvent } from './sqs-event.ts';

/** How a batch's invocation ended: the function's answer, or its error. */
export type BatchInvocation = { payload: string; error?: undefined } | { error: string };

export interface QueuePollerOptions {
  store: QueueStore;
  /** Every function's name and config (null when its function.json is broken). */
  list(): Promise<{ name: string; config: FunctionConfig | null }[]>;
  get(name: string): Promise<FunctionConfig | null>;
  /**
   * Gets the function ready to run (its function.json read, its code built) before a batch is
   * received; when it throws, nothing is received, so a broken file or build costs no message a receive.
   */
  prepare?(functionName: string): Promise<void>;
  /** Runs the function with a batch, as an SQS event source mapping does (synchronously). */
  invoke(functionName: string, event: SqsEvent): Promise<BatchInvocation>;
  region: string;
  account: string;
  /** Time (visibility timeouts, batching windows) and the poll timer; tests move it on. */
  clock?: SchedulerClock;
  /** How often the queues are looked at (default 200 ms). */
  pollIntervalMs?: number;
  /** A function's queue changed (its counts or messages). */
  onChange?: (functionName: string) => void;
  log?: (message: string, error?: unknown) => void;
}

export interface QueuePoller {
  /** Reads every function's queue and starts polling. */
  start(): Promise<void>;
  /** Reads one function's queue setting again (its files changed). */
  refresh(name: string): Promise<void>;
  /** The function's queue setting while it has one (on or off). */
  trigger(name: string): QueueTrigger | undefined;
  /** Why the queue is not delivering although it is on (the function cannot be prepared), if so. */
  blocked(name: string): string | undefined;
  /** Looks at every queue now and starts the batches that are due; resolves when those batches have ended. */
  poll(): Promise<void>;
  /** Stops polling; batches still running record nothing more (their messages come back after their visibility timeout). */
  close(): void;
}

interface Entry {
  trigger: QueueTrigger;
  /** One batch at a time per queue; the queue is not received from while it runs. */
  running: Promise<void> | undefined;
  /** When a batch smaller than the batch size was first seen waiting (the batching window starts). */
  windowStartMs: number | undefined;
  /** The function could not be prepared: why, and when to try again (sooner when its files change). */
  blocked: { reason: string; untilMs: number } | undefined;
}

/** How long a queue whose function cannot be prepared waits before trying again, unless its files change. */
const BLOCKED_RETRY_MS = 5_000;

/**
 * Delivers each function's queue to it as an SQS event source mapping does: receive a batch (one
 * commit, before the function runs), invoke the function with the SQS event, then delete what
 * succeeded (one commit). What failed is left in flight and comes back when the visibility
 * timeout that began at its receive ends; a message received `maxReceiveCount` times goes to the
 * dead-letter list on the receive after. One batch at a time per queue.
 */
export function createQueuePoller(options: QueuePollerOptions): QueuePoller {
  const { store } = options;
  const clock = options.clock ?? realClock;
  const log = options.log ?? (() => {});
  const changed = options.onChange ?? (() => {});
  const entries = new Map<string, Entry>();
  let closed = false;
  let cancelTick = () => {};
  let seenVersion = store.dataVersion();

  const runBatch = async (name: string, entry: Entry): Promise<void> => {
    const { trigger } = entry;
    if (options.prepare !== undefined) {
      try {
        await options.prepare(name);
      } catch (error) {
        const reason = error instanceof Error ? error.message : String(error);
        if (entry.blocked?.reason !== reason) changed(name);
        entry.blocked = { reason, untilMs: clock.now() + BLOCKED_RETRY_MS };
        return;
      }
      if (entry.blocked !== undefined) {
        entry.blocked = undefined;
        changed(name);
      }
    }
    const received = store.receive(name, {
      max: trigger.batchSize,
      nowMs: clock.now(),
      visibilityTimeoutMs: trigger.visibilityTimeoutSeconds * 1000,
      maxReceiveCount: trigger.deadLetter ? trigger.maxReceiveCount : undefined,
    });
    entry.windowStartMs = undefined;
    if (received.messages.length === 0) {
      if (received.deadLettered > 0) changed(name);
      return;
    }
    changed(name);
    const receipts: Receipt[] = received.messages.map(({ messageId, receiptHandle }) => ({ messageId, receiptHandle }));
    let outcome;
    try {
      outcome = await options.invoke(name, sqsEvent(received.messages, { arn: queueArn(name, options.region, options.account), region: options.region }));
    } catch (error) {
      outcome = { error: error instanceof Error ? error.message : String(error) };
    }
    // Closing cut the batch short: its messages come back after their visibility timeout, as after a crash.
    if (closed) return;
    if (outcome.error !== undefined) {
      store.fail(name, receipts, outcome.error);
    } else {
      const verdict = readBatchResponse(outcome.payload, receipts.map((r) => r.messageId), trigger.reportBatchItemFailures);
      if (verdict.kind === 'succeeded') store.delete(name, receipts);
      else if (verdict.kind === 'failed') store.fail(name, receipts, verdict.error);
      else {
        const failed = new Set(verdict.failed);
        // The deletes and the failure notes are separate commits: a crash between them leaves the
        // failed ones in flight either way, which is what they are.
        store.delete(name, receipts.filter((r) => !failed.has(r.messageId)));
        store.fail(name, receipts.filter((r) => failed.has(r.messageId)), 'Reported in batchItemFailures');
      }
    }
    changed(name);
  };

  /** Starts the queue's next batch when one is due: a full batch, or the batching window over. */
  const consider = (name: string, entry: Entry): Promise<void> | undefined => {
    if (closed || !entry.trigger.enabled || entry.running !== undefined) return entry.running;
    if (entry.blocked !== undefined && clock.now() < entry.blocked.untilMs) return undefined;
    const { visible } = store.counts(name, clock.now());
    if (visible === 0) {
      entry.windowStartMs = undefined;
      return undefined;
    }
    const windowMs = entry.trigger.batchWindowSeconds * 1000;
    if (visible < entry.trigger.batchSize && windowMs > 0) {
      entry.windowStartMs ??= clock.now();
      if (clock.now() - entry.windowStartMs < windowMs) return undefined;
    }
    const running = runBatch(name, entry)
      .catch((error: unknown) => log(`A batch of ${name}'s queue failed`, error))
      .finally(() => {
        entry.running = undefined;
      });
    entry.running = running;
    // The next batch follows at once when more is waiting (not while the function cannot be prepared).
    return running.then(() => (entry.blocked === undefined ? consider(name, entry) : undefined));
  };

  const poll = async (): Promise<void> => {
    try {
      const version = store.dataVersion();
      if (version !== seenVersion) {
        // Another process (the CLI) sent messages: the views follow.
        seenVersion = version;
        for (const name of entries.keys()) changed(name);
      }
      await Promise.all([...entries].map(([name, entry]) => consider(name, entry)));
    } catch (error) {
      log('Polling the queues failed', error);
    }
  };

  const tick = () => {
    if (closed) return;
    void poll();
    cancelTick = clock.setTimer(options.pollIntervalMs ?? 200, tick);
  };

  const apply = (name: string, config: FunctionConfig | null) => {
    const trigger = config?.triggers?.queue;
    if (trigger === undefined) {
      entries.delete(name);
      return;
    }
    const current = entries.get(name);
    if (current !== undefined) {
      current.trigger = trigger;
      // Its files changed: try again at the next poll.
      if (current.blocked !== undefined) current.blocked.untilMs = clock.now();
    } else entries.set(name, { trigger, running: undefined, windowStartMs: undefined, blocked: undefined });
  };

  return {
    async start() {
      for (const { name, config } of await options.list()) apply(name, config);
      tick();
    },
    async refresh(name) {
      let config: FunctionConfig | null;
      try {
        config = await options.get(name);
      } catch {
        config = null; // deleted or renamed away
      }
      // A broken function.json keeps the queue it had, as a deployed mapping keeps running.
      const current = entries.get(name);
      if (config === null && current !== undefined) {
        if (current.blocked !== undefined) current.blocked.untilMs = clock.now();
        return;
      }
      apply(name, config);
      changed(name);
    },
    trigger: (name) => entries.get(name)?.trigger,
    blocked: (name) => entries.get(name)?.blocked?.reason,
    poll,
    close() {
      closed = true;
      cancelTick();
    },
  };
}
