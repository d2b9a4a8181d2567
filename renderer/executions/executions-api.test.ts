import { describe, expect, it } from 'vitest';
import { parseHistoryFile } from './executions-api.ts';

describe('a history file opened in the studio', () => {
  it('names the function its execution ARN names', () => {
    const arn = 'arn:aws:lambda:us-east-1:123456789012:function:orders:$LATEST/durable-execution/run-1/abc';
    const text = JSON.stringify({ Events: [{ EventType: 'ExecutionStarted', EventId: 1, Id: arn, Name: 'run-1', EventTimestamp: '2026-01-01T00:00:00Z', ExecutionStartedDetails: { Input: { Payload: '{}' } } }] });
    expect(parseHistoryFile(text, 'run-1.json').execution.functionName).toBe('orders');
  });
});
