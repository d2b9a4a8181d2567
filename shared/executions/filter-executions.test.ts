import { describe, expect, it } from 'vitest';
import type { ExecutionSummary } from '../contract/executions.ts';
import { filterExecutions } from './filter-executions.ts';

const row = (name: string, status: ExecutionSummary['Status'], startSeconds: number): ExecutionSummary => ({
  DurableExecutionArn: `arn:aws:lambda:us-east-1:000000000000:function:f:$LATEST/durable-execution/${name}/id`,
  DurableExecutionName: name,
  FunctionArn: 'arn:aws:lambda:us-east-1:000000000000:function:f',
  FunctionName: 'f',
  Status: status,
  StartTimestamp: startSeconds,
});

const all = [row('order-1', 'SUCCEEDED', 100), row('order-2', 'RUNNING', 300), row('refund-1', 'FAILED', 200), row('Order-3', 'RUNNING', 50)];

describe('filterExecutions', () => {
  it('lists newest first and counts every status', () => {
    const { items, counts } = filterExecutions(all, {});
    expect(items.map((e) => e.DurableExecutionName)).toEqual(['order-2', 'refund-1', 'order-1', 'Order-3']);
    expect(counts).toEqual({ SUCCEEDED: 1, RUNNING: 2, FAILED: 1 });
  });

  it('counts before the status filter, after the name and time filters', () => {
    const { items, counts } = filterExecutions(all, { nameContains: ' ORDER ', statuses: ['RUNNING'], startedAfterMs: 60_000 });
    expect(items.map((e) => e.DurableExecutionName)).toEqual(['order-2']);
    expect(counts).toEqual({ SUCCEEDED: 1, RUNNING: 1 });
  });

  it('keeps the time range inclusive at both ends', () => {
    const { items } = filterExecutions(all, { startedAfterMs: 100_000, startedBeforeMs: 200_000 });
    expect(items.map((e) => e.DurableExecutionName)).toEqual(['refund-1', 'order-1']);
  });
});
