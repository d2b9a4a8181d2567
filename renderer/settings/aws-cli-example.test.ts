import { describe, expect, it } from 'vitest';
import { awsCliExample } from './aws-cli-example.ts';

const INFO = { endpoint: 'http://127.0.0.1:41234', region: 'eu-west-1', accessKeyId: 'AKID', secretAccessKey: 'wJalrXUtnFEMI' };

describe('awsCliExample', () => {
  it('names the endpoint, region, credentials and function a copy-paste needs', () => {
    const text = awsCliExample(INFO, 'orders');
    expect(text).toContain('AWS_ACCESS_KEY_ID=AKID AWS_SECRET_ACCESS_KEY=wJalrXUtnFEMI');
    expect(text).toContain('--endpoint-url http://127.0.0.1:41234 --region eu-west-1');
    expect(text).toContain('--function-name orders');
    expect(text.split('\n').slice(0, -1).every((line) => line.endsWith('\\'))).toBe(true);
  });

  it('gives AWS CLI v1 a form without --cli-binary-format, which v1 rejects, and v2 the option it needs', () => {
    expect(awsCliExample(INFO, 'orders', 2)).toContain("--cli-binary-format raw-in-base64-out --payload '{}'");
    const v1 = awsCliExample(INFO, 'orders', 1);
    expect(v1).not.toContain('--cli-binary-format');
    expect(v1).toContain("--payload '{}' out.json");
  });

  it('masks the secret in the shown form only', () => {
    const shown = awsCliExample(INFO, 'orders', 2, { maskSecret: true });
    expect(shown).not.toContain('wJalrXUtnFEMI');
    expect(shown).toContain('AWS_ACCESS_KEY_ID=AKID AWS_SECRET_ACCESS_KEY=••••••••');
  });
});
