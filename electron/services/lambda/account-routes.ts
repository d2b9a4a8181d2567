import type { ApiRoute } from './api-types.ts';
import type { FunctionRegistry } from './function-registry.ts';

/**
 * GetAccountSettings: the cheapest call that proves a key pair may use the Lambda API, which
 * is how a target that serves only Lambda (no STS) is checked. Limits are Lambda's defaults.
 */
export function accountRoutes(registry: FunctionRegistry): ApiRoute[] {
  return [
    {
      operation: 'GetAccountSettings',
      method: 'GET',
      path: /^\/2016-08-19\/account-settings\/?$/,
      async handle() {
        const records = registry.list();
        const totalCodeSize = records.reduce((sum, r) => sum + r.latest.codeSize + [...r.versions.values()].reduce((s, v) => s + v.codeSize, 0), 0);
        return {
          status: 200,
          body: {
            AccountLimit: {
              TotalCodeSize: 80_530_636_800,
              CodeSizeUnzipped: 262_144_000,
              CodeSizeZipped: 52_428_800,
              ConcurrentExecutions: 1000,
              UnreservedConcurrentExecutions: 1000,
            },
            AccountUsage: { TotalCodeSize: totalCodeSize, FunctionCount: records.length },
          },
        };
      },
    },
  ];
}
