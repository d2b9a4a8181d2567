import type { InvocationCaller } from '../../../shared/contract/invocations.ts';
import type { InvocationResult } from '../runners/sandbox-types.ts';

/** Who asked for an invocation and what it serves, known before it runs. */
export interface InvocationMeta {
  requestId: string;
  functionName: string;
  version: string;
  caller: InvocationCaller;
  /** Set when the invocation runs a durable execution's handler. */
  durableExecutionArn?: string;
  /** Which invocation of that execution this is (1 = the first). */
  invocationNo?: number;
}

/** An invocation started or ended in a sandbox; every invocation of every function, whoever asked. */
export type InvocationEvent =
  | { kind: 'start'; meta: InvocationMeta; startMs: number }
  | { kind: 'end'; meta: InvocationMeta; endMs: number; result: InvocationResult }
  | { kind: 'end'; meta: InvocationMeta; endMs: number; error: string };

/**
 * Reads the caller from an Invoke request's user agent: the AWS CLI says `aws-cli/…`, the AWS
 * SDKs `aws-sdk-js/…`, `Boto3/…` and the like; anything else signed for the endpoint is `api`.
 */
export function callerOf(headers: Record<string, string | undefined>): InvocationCaller {
  const agent = `${headers['user-agent'] ?? ''} ${headers['x-amz-user-agent'] ?? ''}`.toLowerCase();
  if (agent.includes('aws-cli/')) return 'cli';
  if (/\baws-sdk-|\bboto3\/|\bbotocore\//.test(agent)) return 'sdk';
  return 'api';
}
