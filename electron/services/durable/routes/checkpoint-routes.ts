import { LambdaApiError, type ApiRoute } from '../../lambda/api-types.ts';
import { parseExecutionArn } from '../arns.ts';
import { runCheckpoint } from '../checkpoint.ts';
import type { EngineInternals } from '../engine-types.ts';
import { operationsPage } from '../invocation.ts';
import type { ExecutionRow } from '../store.ts';
import { CheckpointBody, toEpochSeconds } from '../wire.ts';
import { API, invalidParameter, markerParam, maxItems, notFound, parseBody } from './common.ts';

function executionFor(ctx: EngineInternals, arn: string): ExecutionRow {
  if (parseExecutionArn(arn) === undefined) throw invalidParameter(`${arn} is not a durable execution ARN.`);
  const exec = ctx.store.getExecution(arn);
  if (exec === undefined) throw notFound(`Durable execution not found: ${arn}`);
  return exec;
}

/** Only the latest token of the running invocation is accepted; a closed or stopped execution accepts none. */
function checkToken(ctx: EngineInternals, exec: ExecutionRow, token: string | null): void {
  if (exec.status !== 'RUNNING' || exec.token === null || token !== exec.token) {
    throw new LambdaApiError(400, 'InvalidParameterValueException', ctx.staleTokenMessage);
  }
}

/** CheckpointDurableExecution and GetDurableExecutionState: the two APIs the SDK calls from inside a handler. */
export function checkpointRoutes(ctx: EngineInternals): ApiRoute[] {
  return [
    {
      operation: 'CheckpointDurableExecution',
      method: 'POST',
      path: new RegExp(`^${API}/durable-executions/(?<arn>.+)/checkpoint$`),
      async handle(request, params) {
        const arn = params['arn'] ?? '';
        const exec = executionFor(ctx, arn);
        const body = parseBody(request.body, CheckpointBody, 'CheckpointDurableExecution');
        // A retried request (same token and client token) gets the first answer; nothing is applied twice.
        if (body.ClientToken !== undefined) {
          const cached = ctx.store.cachedCheckpoint(arn, body.CheckpointToken, body.ClientToken);
          if (cached !== undefined) return { status: 200, headers: { 'content-type': 'application/json' }, body: cached };
        }
        checkToken(ctx, exec, body.CheckpointToken);
        const updates = body.Updates ?? [];
        if (exec.pendingClose !== null && updates.length > 0) {
          throw invalidParameter('The execution was already completed by this invocation; no further updates are accepted.');
        }
        const nowMs = ctx.now();
        const { response, invokes } = runCheckpoint(ctx.store, exec, updates, nowMs);
        if (body.ClientToken !== undefined) ctx.store.cacheCheckpoint(arn, body.CheckpointToken, body.ClientToken, response, nowMs);
        // After the answer is on its way: the handler waits for it, and nothing here changes it.
        setImmediate(() => {
          ctx.startChainedInvokes(arn, invokes);
          ctx.changed(arn);
        });
        return { status: 200, headers: { 'content-type': 'application/json' }, body: response };
      },
    },
    {
      operation: 'GetDurableExecutionState',
      method: 'GET',
      path: new RegExp(`^${API}/durable-executions/(?<arn>.+)/state$`),
      async handle(request, params) {
        const arn = params['arn'] ?? '';
        const exec = executionFor(ctx, arn);
        const token = request.query.get('CheckpointToken');
        if (token === null || token === '') throw invalidParameter('CheckpointToken is required.');
        checkToken(ctx, exec, token);
        const limit = maxItems(request.query, 100, 1000);
        const marker = markerParam(request.query) ?? 0;
        const { operations, nextMarker } = operationsPage(ctx.store, arn, marker, limit, 5 * 1024 * 1024, toEpochSeconds);
        return { status: 200, body: { Operations: operations, ...(nextMarker === undefined ? {} : { NextMarker: nextMarker }) } };
      },
    },
  ];
}
