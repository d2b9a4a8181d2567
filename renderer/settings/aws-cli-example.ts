import type { LambdaEndpointInfo } from '../../shared/contract/invoke.ts';

export type AwsCliVersion = 1 | 2;

/** What stands for the secret where the command is shown; the copied command carries the key. */
export const SECRET_MASK = '••••••••';

/**
 * A shell command that invokes a function of the local service with the AWS CLI. Version 2 reads
 * `--payload` as base64 unless told `--cli-binary-format raw-in-base64-out`, an option version 1
 * rejects as unknown; version 1 reads the JSON as it is.
 */
export function awsCliExample(info: LambdaEndpointInfo, functionName: string, version: AwsCliVersion = 2, options: { maskSecret?: boolean } = {}): string {
  const secret = options.maskSecret === true ? SECRET_MASK : info.secretAccessKey;
  const payload = version === 2 ? `--cli-binary-format raw-in-base64-out --payload '{}'` : `--payload '{}'`;
  return [
    `AWS_ACCESS_KEY_ID=${info.accessKeyId} AWS_SECRET_ACCESS_KEY=${secret} \\`,
    `aws lambda invoke --endpoint-url ${info.endpoint} --region ${info.region} \\`,
    `  --function-name ${functionName} ${payload} out.json`,
  ].join('\n');
}
