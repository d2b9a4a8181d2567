/** The AWS console's address per partition; other partitions have no console we can name. */
const CONSOLE_DOMAINS: Record<string, string> = {
  aws: 'console.aws.amazon.com',
  'aws-cn': 'console.amazonaws.cn',
  'aws-us-gov': 'console.amazonaws-us-gov.com',
};

interface FunctionRef {
  partition: string;
  region: string;
  name: string;
  /** A published version number, when the ARN names one. */
  version?: string;
}

/**
 * Reads a function ARN (`arn:aws:lambda:<region>:<account>:function:<name>[:<qualifier>]`) or a
 * durable execution ARN, whose function part carries the qualifier before `/durable-execution/…`.
 */
export function parseFunctionArn(arn: string): FunctionRef | undefined {
  const functionPart = arn.split('/')[0] ?? arn;
  const parts = functionPart.split(':');
  if (parts.length < 7 || parts[0] !== 'arn' || parts[2] !== 'lambda' || parts[5] !== 'function') return undefined;
  const [, partition, , region, , , name, qualifier] = parts;
  if (partition === undefined || region === undefined || name === undefined || region === '' || name === '') return undefined;
  return { partition, region, name, ...(qualifier !== undefined && /^\d+$/.test(qualifier) ? { version: qualifier } : {}) };
}

/**
 * The Lambda console page of the function an execution ran, on the version it ran when known.
 * The console has no documented address for one durable execution, so this opens the function,
 * whose page lists its durable executions. Undefined when the ARN is not an AWS one.
 */
export function executionConsoleUrl(executionOrFunctionArn: string): string | undefined {
  const ref = parseFunctionArn(executionOrFunctionArn);
  if (ref === undefined) return undefined;
  const domain = CONSOLE_DOMAINS[ref.partition];
  if (domain === undefined) return undefined;
  const region = encodeURIComponent(ref.region);
  const path = `/functions/${encodeURIComponent(ref.name)}${ref.version === undefined ? '' : `/versions/${ref.version}`}`;
  return `https://${region}.${domain}/lambda/home?region=${region}#${path}`;
}
