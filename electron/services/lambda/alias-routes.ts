import { type ApiRoute, LambdaApiError } from './api-types.ts';
import { CreateAliasInput, parseBody, toAliasConfiguration, UpdateAliasInput } from './api-shapes.ts';
import { type FunctionRecord, newRevisionId, parseFunctionRef } from './function-registry.ts';
import { FN, type RouteContext } from './function-routes.ts';

const API = '/2015-03-31/functions';

function checkVersion(ctx: RouteContext, record: FunctionRecord, version: string): void {
  if (version !== '$LATEST' && !record.versions.has(version)) {
    throw new LambdaApiError(404, 'ResourceNotFoundException', `Function not found: ${ctx.registry.functionArn(record.name, version)}`);
  }
}

/** CreateAlias, GetAlias, UpdateAlias, ListAliases, DeleteAlias. */
export function aliasRoutes(ctx: RouteContext): ApiRoute[] {
  const { registry } = ctx;
  const recordOf = (params: Record<string, string>) => registry.get(parseFunctionRef(params['fn'] ?? '', registry.region, registry.accountId).name);
  const aliasOf = (record: FunctionRecord, name: string) => {
    const alias = record.aliases.get(name);
    if (alias === undefined) {
      throw new LambdaApiError(404, 'ResourceNotFoundException', `Cannot find alias arn: ${registry.functionArn(record.name, name)}`);
    }
    return alias;
  };
  return [
    {
      operation: 'CreateAlias',
      method: 'POST',
      path: new RegExp(`^${API}/${FN}/aliases/?$`),
      async handle(request, params) {
        const record = recordOf(params);
        const input = parseBody(request, CreateAliasInput);
        if (record.aliases.has(input.Name)) {
          throw new LambdaApiError(409, 'ResourceConflictException', `Alias already exists: ${registry.functionArn(record.name, input.Name)}`);
        }
        checkVersion(ctx, record, input.FunctionVersion);
        const alias = { name: input.Name, functionVersion: input.FunctionVersion, description: input.Description ?? '', revisionId: newRevisionId() };
        record.aliases.set(alias.name, alias);
        return { status: 201, body: toAliasConfiguration(registry, record.name, alias) };
      },
    },
    {
      operation: 'ListAliases',
      method: 'GET',
      path: new RegExp(`^${API}/${FN}/aliases/?$`),
      async handle(request, params) {
        const record = recordOf(params);
        const version = request.query.get('FunctionVersion');
        const aliases = [...record.aliases.values()].filter((a) => version === null || a.functionVersion === version);
        return { status: 200, body: { Aliases: aliases.map((a) => toAliasConfiguration(registry, record.name, a)) } };
      },
    },
    {
      operation: 'GetAlias',
      method: 'GET',
      path: new RegExp(`^${API}/${FN}/aliases/(?<alias>[^/]+)/?$`),
      async handle(_request, params) {
        const record = recordOf(params);
        return { status: 200, body: toAliasConfiguration(registry, record.name, aliasOf(record, params['alias'] ?? '')) };
      },
    },
    {
      operation: 'UpdateAlias',
      method: 'PUT',
      path: new RegExp(`^${API}/${FN}/aliases/(?<alias>[^/]+)/?$`),
      async handle(request, params) {
        const record = recordOf(params);
        const alias = aliasOf(record, params['alias'] ?? '');
        const input = parseBody(request, UpdateAliasInput);
        if (input.RevisionId !== undefined && input.RevisionId !== alias.revisionId) {
          throw new LambdaApiError(412, 'PreconditionFailedException', 'The Revision Id provided does not match the latest Revision Id. Call the GetAlias API to retrieve the latest Revision Id');
        }
        if (input.FunctionVersion !== undefined) checkVersion(ctx, record, input.FunctionVersion);
        const updated = {
          ...alias,
          functionVersion: input.FunctionVersion ?? alias.functionVersion,
          description: input.Description ?? alias.description,
          revisionId: newRevisionId(),
        };
        record.aliases.set(updated.name, updated);
        return { status: 200, body: toAliasConfiguration(registry, record.name, updated) };
      },
    },
    {
      operation: 'DeleteAlias',
      method: 'DELETE',
      path: new RegExp(`^${API}/${FN}/aliases/(?<alias>[^/]+)/?$`),
      async handle(_request, params) {
        const record = recordOf(params);
        aliasOf(record, params['alias'] ?? '');
        record.aliases.delete(params['alias'] ?? '');
        return { status: 204 };
      },
    },
  ];
}
