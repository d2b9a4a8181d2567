import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { deploy, startTestService, type TestService } from './test-support.ts';

const AWS = '/usr/bin/aws';
const run = promisify(execFile);
let t: TestService;

// The AWS CLI signs with botocore rather than the JS SDK: a second, independent client.
describe.skipIf(!existsSync(AWS))('the AWS CLI against the studio', () => {
  beforeAll(async () => {
    t = await startTestService();
    await deploy(t, 'cli', { 'index.mjs': 'export const handler = async (e) => ({ y: e.x * 2 });' });
  });
  afterAll(async () => {
    await t.close();
  });

  const aws = (...args: string[]) =>
    run(AWS, ['--endpoint-url', t.service.endpoint, '--region', t.service.region, '--output', 'json', ...args], {
      env: { PATH: process.env['PATH'] ?? '', HOME: t.stateDir, AWS_ACCESS_KEY_ID: t.service.credentials.accessKeyId, AWS_SECRET_ACCESS_KEY: t.service.credentials.secretAccessKey, AWS_PAGER: '' },
    });

  it('invokes a function with aws lambda invoke', async () => {
    const outFile = join(t.stateDir, 'out.json');
    const { stdout } = await aws('lambda', 'invoke', '--function-name', 'cli', '--cli-binary-format', 'raw-in-base64-out', '--payload', '{"x":21}', outFile);
    expect(JSON.parse(stdout)).toMatchObject({ StatusCode: 200, ExecutedVersion: '$LATEST' });
    expect(JSON.parse(await readFile(outFile, 'utf8'))).toEqual({ y: 42 });
  });

  it('gets Lambda error codes', async () => {
    const error = (await aws('lambda', 'get-function', '--function-name', 'nope').catch((e: unknown) => e)) as { stderr: string };
    expect(error.stderr).toContain('(ResourceNotFoundException) when calling the GetFunction operation');
  });
});
