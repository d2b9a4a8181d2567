import { randomUUID } from 'node:crypto';
import type { Runner, Runtime } from '../../../shared/workspace/function-config.ts';
import { LambdaApiError } from './api-types.ts';

/** Durable settings in Lambda's own field names. */
export interface DurableConfigValue {
  executionTimeout: number;
  retentionPeriodInDays: number;
}

/** One runnable version of a function (`$LATEST` or a published number): what a sandbox needs. */
export interface FunctionVersion {
  functionName: string;
  version: string;
  runtime: Runtime;
  handler: string;
  memorySize: number;
  timeout: number;
  environment: Record<string, string>;
  description: string;
  role: string;
  durable?: DurableConfigValue;
  /** Tenant isolation, fixed at creation; versions inherit it. */
  tenancy?: { tenantIsolationMode: 'PER_TENANT' };
  /** Where its sandboxes run; unset means the service's default (functions created through the API say nothing). */
  runner?: Runner;
  /** The container image to run (docker runner), instead of the runtime's default. */
  image?: string;
  /** The folder mounted as the task root (`LAMBDA_TASK_ROOT`). */
  codeDir: string;
  codeSha256: string;
  codeSize: number;
  lastModified: string;
  /** Changes on every update; also keys the warm sandboxes, so old code never serves a new request. */
  revisionId: string;
  /** Where the function came from: the workspace folder, or an API call (an outside tool). */
  origin: 'workspace' | 'api';
}

/** A named pointer to a version. */
export interface AliasRecord {
  name: string;
  functionVersion: string;
  description: string;
  revisionId: string;
}

/** A function: its `$LATEST`, published versions and aliases. */
export interface FunctionRecord {
  name: string;
  latest: FunctionVersion;
  versions: Map<string, FunctionVersion>;
  aliases: Map<string, AliasRecord>;
  nextVersion: number;
}

/** A function reference as the API accepts it: name, `name:qualifier`, partial or full ARN. */
export interface FunctionRef {
  name: string;
  qualifier?: string;
}

const ARN_PATTERN = /^arn:aws[a-zA-Z-]*:lambda:([a-z0-9-]+):(\d{12}):function:([A-Za-z0-9_-]+)(?::([A-Za-z0-9$_-]+))?$/;
const PARTIAL_ARN_PATTERN = /^(\d{12}):function:([A-Za-z0-9_-]+)(?::([A-Za-z0-9$_-]+))?$/;
const NAME_PATTERN = /^([A-Za-z0-9_-]{1,64})(?::([A-Za-z0-9$_-]+))?$/;

/** Lambda's timestamp format, e.g. `2026-11-23T19:46:58.000+0000`. */
export function lambdaTimestamp(date: Date = new Date()): string {
  return date.toISOString().replace('Z', '+0000');
}

/** A fresh RevisionId. */
export const newRevisionId = (): string => randomUUID();

/** Reads a FunctionName path parameter in any of the forms Lambda accepts. */
export function parseFunctionRef(value: string, region: string, accountId: string): FunctionRef {
  const arn = ARN_PATTERN.exec(value);
  if (arn !== null) {
    if (arn[1] !== region || arn[2] !== accountId) {
      throw new LambdaApiError(404, 'ResourceNotFoundException', `Function not found: ${value} (this endpoint serves ${region}, account ${accountId}).`);
    }
    return arn[4] === undefined ? { name: arn[3] as string } : { name: arn[3] as string, qualifier: arn[4] };
  }
  const partialMatch = PARTIAL_ARN_PATTERN.exec(value);
  const plainMatch = partialMatch === null ? NAME_PATTERN.exec(value) : null;
  const parts: Array<string | undefined> | null =
    partialMatch !== null ? [partialMatch[1], partialMatch[2], partialMatch[3]] : plainMatch !== null ? [accountId, plainMatch[1], plainMatch[2]] : null;
  if (parts === null || parts[0] !== accountId || parts[1] === undefined) {
    throw new LambdaApiError(
      400,
      'ValidationException',
      `1 validation error detected: Value '${value}' at 'functionName' failed to satisfy constraint: Member must satisfy regular expression pattern: (arn:(aws[a-zA-Z-]*)?:lambda:)?([a-z]{2}(-gov)?-[a-z]+-\\d{1}:)?(\\d{12}:)?(function:)?([a-zA-Z0-9-_]+)(:(\\$LATEST|[a-zA-Z0-9-_]+))?`,
    );
  }
  return parts[2] === undefined ? { name: parts[1] } : { name: parts[1], qualifier: parts[2] };
}

/** In-memory table of functions, versions and aliases. */
export class FunctionRegistry {
  readonly #functions = new Map<string, FunctionRecord>();
  readonly region: string;
  readonly accountId: string;

  constructor(region: string, accountId: string) {
    this.region = region;
    this.accountId = accountId;
  }

  functionArn(name: string, qualifier?: string): string {
    const base = `arn:aws:lambda:${this.region}:${this.accountId}:function:${name}`;
    return qualifier === undefined ? base : `${base}:${qualifier}`;
  }

  list(): FunctionRecord[] {
    return [...this.#functions.values()].sort((a, b) => a.name.localeCompare(b.name));
  }

  find(name: string): FunctionRecord | undefined {
    return this.#functions.get(name);
  }

  get(name: string): FunctionRecord {
    const record = this.#functions.get(name);
    if (record === undefined) {
      throw new LambdaApiError(404, 'ResourceNotFoundException', `Function not found: ${this.functionArn(name)}`);
    }
    return record;
  }

  create(latest: FunctionVersion): FunctionRecord {
    if (this.#functions.has(latest.functionName)) {
      throw new LambdaApiError(409, 'ResourceConflictException', `Function already exist: ${latest.functionName}`);
    }
    const record: FunctionRecord = { name: latest.functionName, latest, versions: new Map(), aliases: new Map(), nextVersion: 1 };
    this.#functions.set(record.name, record);
    return record;
  }

  /** Adds or replaces a function's `$LATEST` (workspace sync), keeping its versions and aliases. */
  upsertLatest(latest: FunctionVersion): FunctionRecord {
    const record = this.#functions.get(latest.functionName);
    if (record === undefined) return this.create(latest);
    record.latest = latest;
    return record;
  }

  /** Puts back a record saved earlier (start-up). */
  restore(record: FunctionRecord): void {
    this.#functions.set(record.name, record);
  }

  delete(name: string): void {
    this.get(name);
    this.#functions.delete(name);
  }

  /** Turns a qualifier (absent, `$LATEST`, a version number or an alias) into the version that runs. */
  resolve(ref: FunctionRef, qualifier?: string): { record: FunctionRecord; version: FunctionVersion; qualifier: string } {
    const record = this.get(ref.name);
    if (ref.qualifier !== undefined && qualifier !== undefined && ref.qualifier !== qualifier) {
      throw new LambdaApiError(400, 'InvalidParameterValueException', 'The derived qualifier from the function name does not match the specified qualifier.');
    }
    const wanted = qualifier ?? ref.qualifier ?? '$LATEST';
    if (wanted === '$LATEST') return { record, version: record.latest, qualifier: wanted };
    const byNumber = record.versions.get(wanted);
    if (byNumber !== undefined) return { record, version: byNumber, qualifier: wanted };
    const alias = record.aliases.get(wanted);
    const aliased = alias === undefined ? undefined : alias.functionVersion === '$LATEST' ? record.latest : record.versions.get(alias.functionVersion);
    if (aliased !== undefined) return { record, version: aliased, qualifier: wanted };
    throw new LambdaApiError(404, 'ResourceNotFoundException', `Function not found: ${this.functionArn(record.name, wanted)}`);
  }
}
