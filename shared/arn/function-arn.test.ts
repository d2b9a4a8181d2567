import { describe, expect, it } from 'vitest';
import { functionOfExecutionArn } from './arn-function.ts';

describe('functionOfExecutionArn', () => {
  it('reads the function from a qualified execution ARN', () => {
    expect(functionOfExecutionArn('arn:aws:lambda:us-east-1:123456789012:function:orders:$LATEST/durable-execution/run-1/abc')).toBe('orders');
    expect(functionOfExecutionArn('arn:aws:lambda:eu-west-1:123456789012:function:pay_v2:live/durable-execution/n/i')).toBe('pay_v2');
    expect(functionOfExecutionArn('arn:aws:lambda:eu-west-1:123456789012:function:pay:7/durable-execution/n/i')).toBe('pay');
  });

  it('has nothing to say about what is not an execution ARN', () => {
    expect(functionOfExecutionArn('history.json')).toBeUndefined();
    expect(functionOfExecutionArn('arn:aws:lambda:us-east-1:123456789012:function:orders')).toBeUndefined();
  });
});

describe('a history file opened in the studio', () => {
  it('names the function its execution ARN names', async () => {
    const { parseHistoryFile } = await import('./executions-api.ts');
    const arn = 'arn:aws:lambda:us-east-1:123456789012:function:orders:$LATEST/durable-execution/run-1/abc';
    const text = JSON.stringify({ Events: [{ EventType: 'ExecutionStarted', EventId: 1, Id: arn, Name: 'run-1', EventTimestamp: '2026-01-01T00:00:00Z', ExecutionStartedDetails: { Input: { Payload: '{}' } } }] });
    expect(parseHistoryFile(text, 'run-1.json').execution.functionName).toBe('orders');
  });
});
