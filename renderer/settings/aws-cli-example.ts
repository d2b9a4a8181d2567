import type { LambdaEndpointInfo } from '../../shared/contract/invoke.ts';

/**
 * A shell command that invokes a function of the local service with the AWS CLI. The payload
 * flag keeps v2 from reading the JSON as base64; v1 accepts it too.
 */
export function awsCliExample(info: LambdaEndpointInfo, functionName: string): string {
  return [
    `AWS_ACCESS_KEY_ID=${info.accessKeyId} AWS_SECRET_ACCESS_KEY=${info.secretAccessKey} \\`,
    `aws lambda invoke --endpoint-url ${info.endpoint} --region ${info.region} \\`,
    `  --function-name ${functionName} --cli-binary-format raw-in-base64-out --payload '{}' out.json`,
  ].join('\n');
}
