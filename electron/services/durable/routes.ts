import type { ApiRequest, ApiResponse, ApiRoute } from '../lambda/api-types.ts';
import type { DurableInvokeTarget } from '../lambda/durable-hooks.ts';
import type { EngineInternals } from './engine-types.ts';
import { callbackRoutes } from './routes/callback-routes.ts';
import { checkpointRoutes } from './routes/checkpoint-routes.ts';
import { executionRoutes } from './routes/execution-routes.ts';
import { invokeDurable } from './routes/invoke-durable.ts';

/** The engine's part of the Lambda API. Order matters: the catch-all GetDurableExecution path comes last. */
export function durableRoutes(ctx: EngineInternals): {
  routes: ApiRoute[];
  invokeDurable: (request: ApiRequest, target: DurableInvokeTarget) => Promise<ApiResponse>;
} {
  return {
    routes: [...checkpointRoutes(ctx), ...callbackRoutes(ctx), ...executionRoutes(ctx)],
    invokeDurable: (request, target) => invokeDurable(ctx, request, target),
  };
}
