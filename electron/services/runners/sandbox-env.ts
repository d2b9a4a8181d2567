import { randomBytes } from 'node:crypto';
import type { SandboxFunction } from './sandbox-types.ts';

/** What the host tells every sandbox besides the function's own settings. */
export interface SandboxHostInfo {
  region: string;
  functionArn: string;
  runtimeApi: string;
  credentials: { accessKeyId: string; secretAccessKey: string; sessionToken?: string };
  /** The local Lambda service, for durable functions' checkpoints. */
  lambdaEndpoint: string;
  /** The studio's node_modules: the SDKs a Lambda runtime provides. */
  nodeModulesDir: string;
  /** The bootstrap's folder (`LAMBDA_RUNTIME_DIR`). */
  runtimeDir: string;
  /** PATH for the child (the studio's own, so interpreters resolve). */
  path: string;
}

function logStreamName(version: string): string {
  const day = new Date().toISOString().slice(0, 10).replaceAll('-', '/');
  return `${day}/[${version}]${randomBytes(16).toString('hex')}`;
}

/**
 * The environment Lambda gives a function, built from scratch: the studio's own environment
 * (which may hold real AWS credentials) never leaks into handler code. The function's
 * variables go first so Lambda's reserved ones always win, as in the cloud.
 */
export function sandboxEnvironment(version: SandboxFunction, host: SandboxHostInfo): Record<string, string> {
  const env: Record<string, string> = {
    ...version.environment,
    PATH: host.path,
    LANG: 'en_US.UTF-8',
    TZ: ':UTC',
    _HANDLER: version.handler,
    LAMBDA_TASK_ROOT: version.codeDir,
    LAMBDA_RUNTIME_DIR: host.runtimeDir,
    AWS_LAMBDA_RUNTIME_API: host.runtimeApi,
    AWS_LAMBDA_FUNCTION_NAME: version.functionName,
    AWS_LAMBDA_FUNCTION_VERSION: version.version,
    AWS_LAMBDA_FUNCTION_MEMORY_SIZE: String(version.memorySize),
    AWS_LAMBDA_LOG_GROUP_NAME: `/aws/lambda/${version.functionName}`,
    AWS_LAMBDA_LOG_STREAM_NAME: logStreamName(version.version),
    AWS_LAMBDA_INITIALIZATION_TYPE: 'on-demand',
    AWS_EXECUTION_ENV: `AWS_Lambda_${version.runtime}`,
    AWS_REGION: host.region,
    AWS_DEFAULT_REGION: host.region,
    AWS_ACCESS_KEY_ID: host.credentials.accessKeyId,
    AWS_SECRET_ACCESS_KEY: host.credentials.secretAccessKey,
    NODE_PATH: host.nodeModulesDir,
  };
  if (host.credentials.sessionToken !== undefined) env['AWS_SESSION_TOKEN'] = host.credentials.sessionToken;
  if (version.durable !== undefined) {
    env['AWS_ENDPOINT_URL_LAMBDA'] = host.lambdaEndpoint;
    env['AWS_EC2_METADATA_DISABLED'] = 'true';
  }
  return env;
}
