import { cp, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { type ApiRequest, type ApiRoute, LambdaApiError } from './api-types.ts';
import {
  checkEnvironment,
  checkRuntime,
  CreateFunctionInput,
  parseBody,
  PublishVersionInput,
  toConfiguration,
  UpdateCodeInput,
  UpdateConfigurationInput,
} from './api-shapes.ts';
import { removeStoredCode, storeZip } from './code-store.ts';
import { type FunctionRecord, type FunctionRegistry, type FunctionVersion, lambdaTimestamp, newRevisionId, parseFunctionRef } from './function-registry.ts';

/** What the function routes need from the service around them. */
export interface RouteContext {
  registry: FunctionRegistry;
  stateDir: string;
  /** A function's code or configuration changed (or it is gone): its warm sandboxes must not serve again. */
  retire(functionName: string): void;
}

/** The FunctionName path segment as a named group. */
export const FN = '(?<fn>[^/]+)';
const API = '/2015-03-31/functions';

const noZip = (): LambdaApiError =>
  new LambdaApiError(400, 'InvalidParameterValueException', 'Only Code.ZipFile uploads are supported by the local Lambda service (no S3 or container images).');

function checkRevision(expected: string | undefined, actual: string): void {
  if (expected !== undefined && expected !== actual) {
    throw new LambdaApiError(412, 'PreconditionFailedException', 'The Revision Id provided does not match the latest Revision Id. Call the GetFunction/GetAlias API to retrieve the latest Revision Id');
  }
}

function pageOf<T>(items: T[], query: URLSearchParams): { page: T[]; nextMarker?: string } {
  const start = Number(query.get('Marker') ?? '0');
  const max = Math.min(Number(query.get('MaxItems') ?? '50') || 50, 10_000);
  const from = Number.isInteger(start) && start >= 0 ? start : 0;
  const page = items.slice(from, from + max);
  return from + max < items.length ? { page, nextMarker: String(from + max) } : { page };
}

/** Freezes `$LATEST` as the next numbered version (or returns the newest one if nothing changed, as Lambda does). */
export async function publish(ctx: RouteContext, record: FunctionRecord, description?: string): Promise<FunctionVersion> {
  const latest = record.latest;
  const newest = record.versions.get(String(record.nextVersion - 1));
  if (newest !== undefined && newest.codeSha256 === latest.codeSha256 && sameSettings(newest, latest)) return newest;
  const version = String(record.nextVersion);
  // Workspace builds are rewritten in place, so a version keeps its own copy of the code.
  const codeDir = join(ctx.stateDir, 'lambda', 'versions', record.name, version);
  await rm(codeDir, { recursive: true, force: true });
  await cp(latest.codeDir, codeDir, { recursive: true });
  const frozen: FunctionVersion = {
    ...latest,
    version,
    codeDir,
    description: description ?? latest.description,
    lastModified: lambdaTimestamp(),
    revisionId: newRevisionId(),
  };
  record.versions.set(version, frozen);
  record.nextVersion += 1;
  return frozen;
}

function sameSettings(a: FunctionVersion, b: FunctionVersion): boolean {
  const pick = (v: FunctionVersion) =>
    JSON.stringify([v.runtime, v.handler, v.memorySize, v.timeout, v.environment, v.durable ?? null, v.role]);
  return pick(a) === pick(b);
}

function refOf(ctx: RouteContext, params: Record<string, string>) {
  return parseFunctionRef(params['fn'] ?? '', ctx.registry.region, ctx.registry.accountId);
}

/** CreateFunction, GetFunction(Configuration), ListFunctions, Update*, DeleteFunction, PublishVersion, ListVersionsByFunction. */
export function functionRoutes(ctx: RouteContext): ApiRoute[] {
  const { registry } = ctx;
  const config = (v: FunctionVersion) => toConfiguration(registry, v);
  const resolveQualified = (request: ApiRequest, params: Record<string, string>) =>
    registry.resolve(refOf(ctx, params), request.query.get('Qualifier') ?? undefined);

  return [
    {
      operation: 'CreateFunction',
      method: 'POST',
      path: new RegExp(`^${API}/?$`),
      async handle(request) {
        const input = parseBody(request, CreateFunctionInput);
        const ref = parseFunctionRef(input.FunctionName, registry.region, registry.accountId);
        if (registry.find(ref.name) !== undefined) {
          throw new LambdaApiError(409, 'ResourceConflictException', `Function already exist: ${ref.name}`);
        }
        const runtime = checkRuntime(input.Runtime);
        if (input.Handler === undefined) throw new LambdaApiError(400, 'InvalidParameterValueException', 'Handler is required for a Zip package.');
        if (input.Code.ZipFile === undefined) throw noZip();
        const code = await storeZip(ctx.stateDir, ref.name, input.Code.ZipFile);
        const durable = input.DurableConfig;
        const record = registry.create({
          functionName: ref.name,
          version: '$LATEST',
          runtime,
          handler: input.Handler,
          memorySize: input.MemorySize ?? 128,
          timeout: input.Timeout ?? 3,
          environment: checkEnvironment(input.Environment?.Variables),
          description: input.Description ?? '',
          role: input.Role ?? `arn:aws:iam::${registry.accountId}:role/lambda-studio-local`,
          ...(durable === undefined
            ? {}
            : { durable: { executionTimeout: durable.ExecutionTimeout ?? 86_400, retentionPeriodInDays: durable.RetentionPeriodInDays ?? 14 } }),
          ...(input.TenancyConfig === undefined ? {} : { tenancy: { tenantIsolationMode: input.TenancyConfig.TenantIsolationMode } }),
          codeDir: code.codeDir,
          codeSha256: code.sha256,
          codeSize: code.size,
          lastModified: lambdaTimestamp(),
          revisionId: newRevisionId(),
          origin: 'api',
        });
        const shown = input.Publish === true ? await publish(ctx, record) : record.latest;
        return { status: 201, body: config(shown) };
      },
    },
    {
      operation: 'ListFunctions',
      method: 'GET',
      path: new RegExp(`^${API}/?$`),
      async handle(request) {
        const all = request.query.get('FunctionVersion') === 'ALL';
        const items = registry.list().flatMap((r) => (all ? [r.latest, ...r.versions.values()] : [r.latest]));
        const { page, nextMarker } = pageOf(items, request.query);
        return { status: 200, body: { Functions: page.map(config), ...(nextMarker === undefined ? {} : { NextMarker: nextMarker }) } };
      },
    },
    {
      operation: 'GetFunction',
      method: 'GET',
      path: new RegExp(`^${API}/${FN}/?$`),
      async handle(request, params) {
        const { version } = resolveQualified(request, params);
        return {
          status: 200,
          body: { Configuration: config(version), Code: { RepositoryType: 'S3', Location: `file://${version.codeDir}` }, Tags: {} },
        };
      },
    },
    {
      operation: 'GetFunctionConfiguration',
      method: 'GET',
      path: new RegExp(`^${API}/${FN}/configuration/?$`),
      async handle(request, params) {
        return { status: 200, body: config(resolveQualified(request, params).version) };
      },
    },
    {
      operation: 'UpdateFunctionCode',
      method: 'PUT',
      path: new RegExp(`^${API}/${FN}/code/?$`),
      async handle(request, params) {
        const input = parseBody(request, UpdateCodeInput);
        const record = registry.get(refOf(ctx, params).name);
        checkRevision(input.RevisionId, record.latest.revisionId);
        if (input.ZipFile === undefined) throw noZip();
        const code = await storeZip(ctx.stateDir, record.name, input.ZipFile);
        record.latest = {
          ...record.latest,
          codeDir: code.codeDir,
          codeSha256: code.sha256,
          codeSize: code.size,
          lastModified: lambdaTimestamp(),
          revisionId: newRevisionId(),
        };
        ctx.retire(record.name);
        const shown = input.Publish === true ? await publish(ctx, record) : record.latest;
        return { status: 200, body: config(shown) };
      },
    },
    {
      operation: 'UpdateFunctionConfiguration',
      method: 'PUT',
      path: new RegExp(`^${API}/${FN}/configuration/?$`),
      async handle(request, params) {
        const input = parseBody(request, UpdateConfigurationInput);
        const record = registry.get(refOf(ctx, params).name);
        const latest = record.latest;
        checkRevision(input.RevisionId, latest.revisionId);
        const durable = input.DurableConfig;
        record.latest = {
          ...latest,
          runtime: input.Runtime === undefined ? latest.runtime : checkRuntime(input.Runtime),
          handler: input.Handler ?? latest.handler,
          description: input.Description ?? latest.description,
          timeout: input.Timeout ?? latest.timeout,
          memorySize: input.MemorySize ?? latest.memorySize,
          environment: input.Environment === undefined ? latest.environment : checkEnvironment(input.Environment.Variables),
          role: input.Role ?? latest.role,
          ...(durable === undefined
            ? {}
            : {
                durable: {
                  executionTimeout: durable.ExecutionTimeout ?? latest.durable?.executionTimeout ?? 86_400,
                  retentionPeriodInDays: durable.RetentionPeriodInDays ?? latest.durable?.retentionPeriodInDays ?? 14,
                },
              }),
          lastModified: lambdaTimestamp(),
          revisionId: newRevisionId(),
        };
        ctx.retire(record.name);
        return { status: 200, body: config(record.latest) };
      },
    },
    {
      operation: 'DeleteFunction',
      method: 'DELETE',
      path: new RegExp(`^${API}/${FN}/?$`),
      async handle(request, params) {
        const ref = refOf(ctx, params);
        const qualifier = request.query.get('Qualifier') ?? ref.qualifier;
        const record = registry.get(ref.name);
        if (qualifier !== undefined && qualifier !== '$LATEST') {
          if (!record.versions.has(qualifier)) registry.resolve(ref, qualifier);
          const users = [...record.aliases.values()].filter((a) => a.functionVersion === qualifier).map((a) => a.name);
          if (users.length > 0) {
            throw new LambdaApiError(409, 'ResourceConflictException', `Unable to delete version because the following aliases reference it: [${users.join(', ')}]`);
          }
          record.versions.delete(qualifier);
          await rm(join(ctx.stateDir, 'lambda', 'versions', record.name, qualifier), { recursive: true, force: true });
        } else {
          registry.delete(record.name);
          ctx.retire(record.name);
          await rm(join(ctx.stateDir, 'lambda', 'versions', record.name), { recursive: true, force: true });
          if (record.latest.origin === 'api') await removeStoredCode(ctx.stateDir, record.name);
        }
        return { status: 204 };
      },
    },
    {
      operation: 'PublishVersion',
      method: 'POST',
      path: new RegExp(`^${API}/${FN}/versions/?$`),
      async handle(request, params) {
        const input = parseBody(request, PublishVersionInput);
        const record = registry.get(refOf(ctx, params).name);
        checkRevision(input.RevisionId, record.latest.revisionId);
        if (input.CodeSha256 !== undefined && input.CodeSha256 !== record.latest.codeSha256) {
          throw new LambdaApiError(412, 'PreconditionFailedException', 'CodeSha256 does not match the code of $LATEST.');
        }
        return { status: 201, body: config(await publish(ctx, record, input.Description)) };
      },
    },
    {
      operation: 'ListVersionsByFunction',
      method: 'GET',
      path: new RegExp(`^${API}/${FN}/versions/?$`),
      async handle(request, params) {
        const record = registry.get(refOf(ctx, params).name);
        const { page, nextMarker } = pageOf([record.latest, ...record.versions.values()], request.query);
        return { status: 200, body: { Versions: page.map(config), ...(nextMarker === undefined ? {} : { NextMarker: nextMarker }) } };
      },
    },
  ];
}
