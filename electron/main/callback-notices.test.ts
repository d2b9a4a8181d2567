import { describe, expect, it } from 'vitest';
import type { PendingCallback } from '../../shared/contract/executions.ts';
import { createCallbackNotices } from './callback-notices.ts';

const pending = (callbackId: string, executionName = 'run-1'): PendingCallback => ({
  callbackId,
  executionArn: `arn:${executionName}`,
  executionName,
  functionName: 'orders',
  operationId: 'op',
  operationName: 'wait-for-approval',
  startedMs: 0,
});

describe('callback notices', () => {
  it('stays quiet about what was pending at start, then tells each new callback once', () => {
    const notices = createCallbackNotices();
    expect(notices([pending('a')])).toEqual([]);
    expect(notices([pending('a'), pending('b', 'run-2')])).toEqual([
      { title: 'Approval waiting: orders', body: 'wait-for-approval in run-2 is waiting for an answer.', executionArn: 'arn:run-2' },
    ]);
    expect(notices([pending('b', 'run-2')])).toEqual([]);
  });
});
