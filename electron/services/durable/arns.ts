import { randomText } from '../random-text.ts';

/** A parsed durable execution ARN: `arn:aws:lambda:<region>:<account>:function:<name>:<version>/durable-execution/<name>/<id>`. */
export interface ExecutionArnParts {
  region: string;
  accountId: string;
  functionName: string;
  version: string;
  executionName: string;
  executionId: string;
}

const EXECUTION_ARN =
  /^arn:aws[a-z-]*:lambda:(?<region>[a-z0-9-]+):(?<account>\d{12}):function:(?<fn>[A-Za-z0-9_-]{1,64}):(?<version>\$LATEST(?:\.PUBLISHED)?|\d+)\/durable-execution\/(?<name>[A-Za-z0-9_-]+)\/(?<id>[A-Za-z0-9_-]+)$/;

/** Parses an execution ARN; `undefined` when it is not one. */
export function parseExecutionArn(arn: string): ExecutionArnParts | undefined {
  if (arn.length > 1024) return undefined;
  const g = EXECUTION_ARN.exec(arn)?.groups;
  if (g === undefined) return undefined;
  return {
    region: g['region'] ?? '',
    accountId: g['account'] ?? '',
    functionName: g['fn'] ?? '',
    version: g['version'] ?? '',
    executionName: g['name'] ?? '',
    executionId: g['id'] ?? '',
  };
}

/** Builds an execution ARN from its parts. */
export function executionArn(p: ExecutionArnParts): string {
  return `arn:aws:lambda:${p.region}:${p.accountId}:function:${p.functionName}:${p.version}/durable-execution/${p.executionName}/${p.executionId}`;
}

/** A function ARN, qualified when a qualifier is given. */
export function functionArn(region: string, accountId: string, functionName: string, qualifier?: string): string {
  const base = `arn:aws:lambda:${region}:${accountId}:function:${functionName}`;
  return qualifier === undefined ? base : `${base}:${qualifier}`;
}

/**
 * Splits what a caller may pass as a function name (`name`, `name:qualifier`, a partial
 * `account:function:name[:qualifier]` or a full ARN) into name and qualifier.
 */
export function parseFunctionIdentifier(identifier: string): { functionName: string; qualifier?: string } | undefined {
  const full = /^arn:aws[a-z-]*:lambda:[a-z0-9-]+:\d{12}:function:([A-Za-z0-9_-]{1,64})(?::([A-Za-z0-9$_.-]+))?$/.exec(identifier);
  const partial = /^\d{12}:function:([A-Za-z0-9_-]{1,64})(?::([A-Za-z0-9$_.-]+))?$/.exec(identifier);
  const plain = /^([A-Za-z0-9_-]{1,64})(?::([A-Za-z0-9$_.-]+))?$/.exec(identifier);
  const m = full ?? partial ?? plain;
  if (m === null || m[1] === undefined) return undefined;
  return m[2] === undefined ? { functionName: m[1] } : { functionName: m[1], qualifier: m[2] };
}

/**
 * Callback ids carry the execution ARN and operation id (base64 of a small JSON document)
 * plus a random nonce, so a forged or guessed id never matches a stored callback.
 */
export function encodeCallbackId(arn: string, operationId: string): string {
  const nonce = randomText(9, 'base64url');
  return Buffer.from(JSON.stringify({ a: arn, o: operationId, n: nonce })).toString('base64');
}

/** Reads the execution and operation out of a callback id; `undefined` when it is malformed. */
export function decodeCallbackId(callbackId: string): { arn: string; operationId: string } | undefined {
  if (callbackId.length > 1024 || !/^[A-Za-z0-9+/]+={0,2}$/.test(callbackId)) return undefined;
  try {
    const doc: unknown = JSON.parse(Buffer.from(callbackId, 'base64').toString('utf8'));
    if (typeof doc !== 'object' || doc === null) return undefined;
    const { a, o } = doc as Record<string, unknown>;
    if (typeof a !== 'string' || typeof o !== 'string') return undefined;
    return { arn: a, operationId: o };
  } catch {
    return undefined;
  }
}

/** Checkpoint tokens: opaque, base64 alphabet, unguessable. */
export function newCheckpointToken(): string {
  return randomText(24, 'base64');
}
