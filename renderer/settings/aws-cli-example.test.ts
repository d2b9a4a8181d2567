import { describe, expect, it } from 'vitest';
import { awsCliExample } from './aws-cli-example.ts';

describe('awsCliExample', () => {
  it('names the endpoint, region, credentials and function a copy-paste needs', () => {
    const text = awsCliExample({ endpoint: 'http://127.0.0.1:41234', region: 'eu-west-1', accessKeyId: 'AKID', secretAccessKey: 'SECRET' }, 'orders');
    expect(text).toContain('AWS_ACCESS_KEY_ID=AKID AWS_SECRET_ACCESS_KEY=SECRET');
    expect(text).toContain('--endpoint-url http://127.0.0.1:41234 --region eu-west-1');
    expect(text).toContain('--function-name orders');
    expect(text.split('\n').slice(0, -1).every((line) => line.endsWith('\\'))).toBe(true);
  });
});
