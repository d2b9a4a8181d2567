import { describe, expect, it } from 'vitest';
import { functionNameOfArn, functionOfExecutionArn } from './function-arn.ts';

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

describe('functionNameOfArn', () => {
  it('reads the function from a function ARN, qualified or not, and from an execution ARN', () => {
    expect(functionNameOfArn('arn:aws:lambda:us-east-1:123456789012:function:orders')).toBe('orders');
    expect(functionNameOfArn('arn:aws:lambda:us-east-1:123456789012:function:orders:$LATEST')).toBe('orders');
    expect(functionNameOfArn('arn:aws-cn:lambda:cn-north-1:123456789012:function:pay_v2:3')).toBe('pay_v2');
    expect(functionNameOfArn('arn:aws:lambda:us-east-1:123456789012:function:orders:$LATEST/durable-execution/run-1/abc')).toBe('orders');
  });

  it('has nothing to say about what is not a function ARN', () => {
    expect(functionNameOfArn('orders')).toBeUndefined();
    expect(functionNameOfArn('arn:aws:s3:::bucket')).toBeUndefined();
    expect(functionNameOfArn('arn:aws:lambda:us-east-1:123456789012:layer:orders:1')).toBeUndefined();
  });
});
