import { randomUUID } from 'node:crypto';
import type { ExecutionRow } from './store.ts';

/**
 * An execution change in the shape of Lambda's "Durable Execution Status Change" event on
 * EventBridge, so the studio's listeners and a user's EventBridge rules read the same thing.
 */
export interface DurableExecutionStatusChange {
  version: '0';
  id: string;
  'detail-type': 'Durable Execution Status Change';
  source: 'aws.lambda';
  account: string;
  time: string;
  region: string;
  resources: string[];
  detail: {
    durableExecutionArn: string;
    durableExecutionName: string;
    functionArn: string;
    status: string;
    startTimestamp: string;
    endTimestamp?: string;
    /** The last history event id at the time of the change, so listeners can fetch just what is new. */
    lastEventId: number;
  };
}

/** Builds the status-change event for an execution's current state. */
export function statusChangeEvent(exec: ExecutionRow, region: string, accountId: string, nowMs: number, lastEventId: number): DurableExecutionStatusChange {
  return {
    version: '0',
    id: randomUUID(),
    'detail-type': 'Durable Execution Status Change',
    source: 'aws.lambda',
    account: accountId,
    time: new Date(nowMs).toISOString(),
    region,
    resources: [exec.arn],
    detail: {
      durableExecutionArn: exec.arn,
      durableExecutionName: exec.name,
      functionArn: exec.functionArn,
      status: exec.status,
      startTimestamp: new Date(exec.startMs).toISOString(),
      ...(exec.endMs === null ? {} : { endTimestamp: new Date(exec.endMs).toISOString() }),
      lastEventId,
    },
  };
}
