import { StudioError } from '../../../shared/contract/errors.ts';
import type { SchedulerClock } from '../schedules/scheduler.ts';
import type { Handlers } from '../handlers/handler-table.ts';
import type { FunctionStore } from '../workspace/function-store.ts';
import type { QueuePoller } from './queue-poller.ts';
import type { QueueStore } from './queue-store.ts';
import { queueArn } from './sqs-event.ts';

/** Messages a status lists at most. */
const LISTED = 500;

export interface QueuesHandlerServices {
  store: QueueStore;
  poller: Pick<QueuePoller, 'trigger' | 'blocked' | 'poll'>;
  functions: FunctionStore;
  clock: SchedulerClock;
  region: string;
  account: string;
  onChange(functionName: string): void;
}

/** Refuses a function that has no queue in its saved function.json. */
async function requireQueue(functions: FunctionStore, functionName: string): Promise<void> {
  const detail = await functions.get(functionName);
  if (detail.config?.triggers?.queue === undefined) {
    throw new StudioError('NOT_FOUND', `${functionName} has no queue. Add one in its Queue view (function.json: triggers.queue) and save it first.`);
  }
}

export function createQueuesHandlers(services: QueuesHandlerServices): Pick<Handlers, 'queues.status' | 'queues.send' | 'queues.redrive' | 'queues.purge'> {
  const { store, poller, functions, clock } = services;
  return {
    'queues.status': async ({ functionName }) => ({
      arn: queueArn(functionName, services.region, services.account),
      delivering: poller.trigger(functionName)?.enabled === true,
      ...(poller.blocked(functionName) === undefined ? {} : { blocked: poller.blocked(functionName) }),
      counts: store.counts(functionName, clock.now()),
      messages: store.list(functionName, clock.now(), LISTED),
    }),
    'queues.send': async ({ functionName, messages }) => {
      await requireQueue(functions, functionName);
      const sent = store.send(functionName, messages.map((m) => ({ body: m.body, ...(m.messageAttributes === undefined ? {} : { messageAttributes: m.messageAttributes }) })), clock.now());
      services.onChange(functionName);
      void poller.poll();
      return { messageIds: sent.map((m) => m.messageId) };
    },
    'queues.redrive': async ({ functionName, messageIds }) => {
      const moved = store.redrive(functionName, clock.now(), messageIds);
      services.onChange(functionName);
      void poller.poll();
      return { moved };
    },
    'queues.purge': async ({ functionName, which }) => {
      const deleted = store.purge(functionName, which);
      services.onChange(functionName);
      return { deleted };
    },
  };
}
