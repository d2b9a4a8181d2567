import { z } from 'zod';
import { Runtime } from '../../../shared/workspace/function-config.ts';
import { type ApiRequest, LambdaApiError } from './api-types.ts';
import type { AliasRecord, FunctionRegistry, FunctionVersion } from './function-registry.ts';

const Environment = z.object({ Variables: z.record(z.string().regex(/^[A-Za-z][A-Za-z0-9_]*$/), z.string()).optional() }).loose();
const DurableConfigInput = z
  .object({
    ExecutionTimeout: z.number().int().min(1).max(31_622_400).optional(),
    RetentionPeriodInDays: z.number().int().min(1).max(90).optional(),
    KMSKeyArn: z.string().optional(),
  })
  .loose();

/** Tenant isolation: set once at creation (Lambda has no update for it). */
const TenancyConfigInput = z.object({ TenantIsolationMode: z.enum(['PER_TENANT']) }).loose();

/** The fields of FunctionConfiguration a caller may set; other Lambda fields are accepted and ignored. */
const ConfigurationInput = z
  .object({
    Runtime: z.string().optional(),
    Role: z.string().optional(),
    Handler: z.string().regex(/^[^\s]+$/).max(128).optional(),
    Description: z.string().max(256).optional(),
    Timeout: z.number().int().min(1).max(900).optional(),
    MemorySize: z.number().int().min(128).max(10_240).optional(),
    Environment: Environment.optional(),
    DurableConfig: DurableConfigInput.optional(),
    RevisionId: z.string().optional(),
  })
  .loose();

/** CreateFunction's body. */
export const CreateFunctionInput = ConfigurationInput.extend({
  FunctionName: z.string().min(1).max(140),
  Code: z.object({ ZipFile: z.string().optional(), S3Bucket: z.string().optional(), ImageUri: z.string().optional() }).loose(),
  Publish: z.boolean().optional(),
  PackageType: z.string().optional(),
  TenancyConfig: TenancyConfigInput.optional(),
});
/** UpdateFunctionConfiguration's body. */
export const UpdateConfigurationInput = ConfigurationInput;
/** UpdateFunctionCode's body. */
export const UpdateCodeInput = z
  .object({ ZipFile: z.string().optional(), S3Bucket: z.string().optional(), ImageUri: z.string().optional(), Publish: z.boolean().optional(), RevisionId: z.string().optional() })
  .loose();
/** PublishVersion's body. */
export const PublishVersionInput = z.object({ Description: z.string().max(256).optional(), RevisionId: z.string().optional(), CodeSha256: z.string().optional() }).loose();
const AliasName = z.string().regex(/^(?!^[0-9]+$)[a-zA-Z0-9_-]{1,128}$/, 'must be letters, digits, - or _ and not only digits');
/** CreateAlias's body. */
export const CreateAliasInput = z
  .object({ Name: AliasName, FunctionVersion: z.string().regex(/^(\$LATEST|[0-9]+)$/), Description: z.string().max(256).optional() })
  .loose();
/** UpdateAlias's body. */
export const UpdateAliasInput = z
  .object({ FunctionVersion: z.string().regex(/^(\$LATEST|[0-9]+)$/).optional(), Description: z.string().max(256).optional(), RevisionId: z.string().optional() })
  .loose();

/** Variables Lambda sets itself and refuses to take from a function's configuration. */
export const RESERVED_ENV_KEYS = [
  '_HANDLER', '_X_AMZN_TRACE_ID', 'AWS_DEFAULT_REGION', 'AWS_REGION', 'AWS_EXECUTION_ENV', 'AWS_LAMBDA_FUNCTION_NAME',
  'AWS_LAMBDA_FUNCTION_MEMORY_SIZE', 'AWS_LAMBDA_FUNCTION_VERSION', 'AWS_LAMBDA_INITIALIZATION_TYPE', 'AWS_LAMBDA_LOG_GROUP_NAME',
  'AWS_LAMBDA_LOG_STREAM_NAME', 'AWS_ACCESS_KEY', 'AWS_ACCESS_KEY_ID', 'AWS_SECRET_ACCESS_KEY', 'AWS_SESSION_TOKEN',
  'AWS_LAMBDA_RUNTIME_API', 'LAMBDA_TASK_ROOT', 'LAMBDA_RUNTIME_DIR',
];

/** Refuses reserved variable names with Lambda's own message. */
export function checkEnvironment(variables: Record<string, string> | undefined): Record<string, string> {
  const used = Object.keys(variables ?? {}).filter((key) => RESERVED_ENV_KEYS.includes(key));
  if (used.length > 0) {
    throw new LambdaApiError(
      400,
      'InvalidParameterValueException',
      `Lambda was unable to configure your environment variables because the environment variables you have provided contains reserved keys that are currently not supported for modification. Reserved keys used in this request: ${used.join(', ')}`,
    );
  }
  return variables ?? {};
}

/** Parses a JSON body against a schema, answering bad input as Lambda does. */
export function parseBody<T extends z.ZodType>(request: ApiRequest, schema: T): z.infer<T> {
  let json: unknown = {};
  if (request.body.length > 0) {
    try {
      json = JSON.parse(request.body.toString('utf8'));
    } catch {
      throw new LambdaApiError(400, 'InvalidRequestContentException', 'Could not parse request body into json: the body is not valid JSON.');
    }
  }
  const parsed = schema.safeParse(json);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const field = issue?.path.join('.') ?? 'body';
    throw new LambdaApiError(400, 'InvalidParameterValueException', `Value at '${field}' failed to satisfy constraint: ${issue?.message ?? 'invalid'}`);
  }
  return parsed.data;
}

/** Checks a runtime name against the ones the studio can run. */
export function checkRuntime(value: string | undefined): Runtime {
  const parsed = Runtime.safeParse(value);
  if (!parsed.success) {
    throw new LambdaApiError(
      400,
      'InvalidParameterValueException',
      `The runtime parameter of ${value ?? '(none)'} is not supported here. Use one of: ${Runtime.options.join(', ')}.`,
    );
  }
  return parsed.data;
}

/** Lambda's FunctionConfiguration document for one version. */
export function toConfiguration(registry: FunctionRegistry, v: FunctionVersion): Record<string, unknown> {
  return {
    FunctionName: v.functionName,
    FunctionArn: registry.functionArn(v.functionName, v.version === '$LATEST' ? undefined : v.version),
    Runtime: v.runtime,
    Role: v.role,
    Handler: v.handler,
    CodeSize: v.codeSize,
    Description: v.description,
    Timeout: v.timeout,
    MemorySize: v.memorySize,
    LastModified: v.lastModified,
    CodeSha256: v.codeSha256,
    Version: v.version,
    Environment: { Variables: v.environment },
    TracingConfig: { Mode: 'PassThrough' },
    RevisionId: v.revisionId,
    State: 'Active',
    LastUpdateStatus: 'Successful',
    PackageType: 'Zip',
    Architectures: ['x86_64'],
    EphemeralStorage: { Size: 512 },
    LoggingConfig: { LogFormat: 'Text', LogGroup: `/aws/lambda/${v.functionName}` },
    ...(v.durable === undefined
      ? {}
      : { DurableConfig: { ExecutionTimeout: v.durable.executionTimeout, RetentionPeriodInDays: v.durable.retentionPeriodInDays } }),
    ...(v.tenancy === undefined ? {} : { TenancyConfig: { TenantIsolationMode: v.tenancy.tenantIsolationMode } }),
  };
}

/** Lambda's AliasConfiguration document. */
export function toAliasConfiguration(registry: FunctionRegistry, functionName: string, alias: AliasRecord): Record<string, unknown> {
  return {
    AliasArn: registry.functionArn(functionName, alias.name),
    Name: alias.name,
    FunctionVersion: alias.functionVersion,
    Description: alias.description,
    RevisionId: alias.revisionId,
  };
}
