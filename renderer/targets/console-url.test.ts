import { describe, expect, it } from 'vitest';
import { executionConsoleUrl, parseFunctionArn } from './console-url.ts';

describe('parseFunctionArn', () => {
  it('reads a durable execution ARN, qualifier included', () => {
    expect(parseFunctionArn('arn:aws:lambda:eu-west-1:123456789012:function:orders:7/durable-execution/run-1/abc')).toEqual({
      partition: 'aws',
      region: 'eu-west-1',
      name: 'orders',
      version: '7',
    });
  });

  it('keeps no version for $LATEST or an alias', () => {
    expect(parseFunctionArn('arn:aws:lambda:us-east-1:123456789012:function:orders:$LATEST/durable-execution/a/b')?.version).toBeUndefined();
    expect(parseFunctionArn('arn:aws:lambda:us-east-1:123456789012:function:orders:live')?.version).toBeUndefined();
    expect(parseFunctionArn('arn:aws:lambda:us-east-1:123456789012:function:orders')?.name).toBe('orders');
  });

  it('refuses what is not a Lambda function ARN', () => {
    expect(parseFunctionArn('arn:aws:states:us-east-1:123456789012:stateMachine:x')).toBeUndefined();
    expect(parseFunctionArn('not an arn')).toBeUndefined();
  });
});

describe('executionConsoleUrl', () => {
  it('links the function version page in the region of the ARN', () => {
    expect(executionConsoleUrl('arn:aws:lambda:eu-west-1:123456789012:function:orders:7/durable-execution/run-1/abc')).toBe(
      'https://eu-west-1.console.aws.amazon.com/lambda/home?region=eu-west-1#/functions/orders/versions/7',
    );
  });

  it('links the function page when no version is known', () => {
    expect(executionConsoleUrl('arn:aws:lambda:us-east-2:123456789012:function:orders:$LATEST/durable-execution/a/b')).toBe(
      'https://us-east-2.console.aws.amazon.com/lambda/home?region=us-east-2#/functions/orders',
    );
  });

  it('uses the console of the China and GovCloud partitions', () => {
    expect(executionConsoleUrl('arn:aws-cn:lambda:cn-north-1:123456789012:function:f')).toBe('https://cn-north-1.console.amazonaws.cn/lambda/home?region=cn-north-1#/functions/f');
    expect(executionConsoleUrl('arn:aws-us-gov:lambda:us-gov-west-1:123456789012:function:f')).toMatch(/^https:\/\/us-gov-west-1\.console\.amazonaws-us-gov\.com\//);
  });

  it('has no link for an unknown partition', () => {
    expect(executionConsoleUrl('arn:aws-iso:lambda:us-iso-east-1:123456789012:function:f')).toBeUndefined();
  });
});
