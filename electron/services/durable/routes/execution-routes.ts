import { LambdaApiError, type ApiRoute } from '../../lambda/api-types.ts';
import { parseExecutionArn, parseFunctionIdentifier } from '../arns.ts';
import type { EngineInternals } from '../engine-types.ts';
import { withoutExecutionData } from '../history.ts';
import { closeExecution } from '../lifecycle.ts';
import type { ExecutionRow } from '../store.ts';
import { ErrorObject } from '../wire.ts';
import { API, booleanParam, invalidParameter, markerParam, maxItems, notFound, parseBody } from './common.ts';

const STATUSES = ['RUNNING', 'SUCCEEDED', 'FAILED', 'TIMED_OUT', 'STOPPED'];

function executionFor(ctx: EngineInternals, arn: string): ExecutionRow {
  if (parseExecutionArn(arn) === undefined) throw invalidParameter(`${arn} is not a durable execution ARN.`);
  const exec = ctx.store.getExecution(arn);
  if (exec === undefined) throw notFound(`Durable execution not found: ${arn}`);
  return exec;
}

function isoParam(query: URLSearchParams, name: string): number | undefined {
  const raw = query.get(name);
  if (raw === null || raw === '') return undefined;
  const ms = Date.parse(raw);
  if (Number.isNaN(ms)) throw invalidParameter(`${name} must be an ISO-8601 timestamp.`);
  return ms;
}

/** GetDurableExecution, GetDurableExecutionHistory, ListDurableExecutionsByFunction, StopDurableExecution. */
export function executionRoutes(ctx: EngineInternals): ApiRoute[] {
  return [
    {
      operation: 'GetDurableExecutionHistory',
      method: 'GET',
      path: new RegExp(`^${API}/durable-executions/(?<arn>.+)/history$`),
      async handle(request, params) {
        const exec = executionFor(ctx, params['arn'] ?? '');
        const includeData = booleanParam(request.query, 'IncludeExecutionData', true);
        const reverse = booleanParam(request.query, 'ReverseOrder', false);
        const limit = maxItems(request.query, 100, 1000);
        const last = ctx.store.lastEventId(exec.arn);
        const from = markerParam(request.query) ?? (reverse ? last : 1);
        const page = ctx.store.events(exec.arn, from, limit + 1, reverse);
        const events = page.slice(0, limit).map((e) => (includeData ? e : withoutExecutionData(e)));
        const next = page[limit];
        return { status: 200, body: { Events: events, ...(next === undefined ? {} : { NextMarker: String(next['EventId']) }) } };
      },
    },
    {
      operation: 'StopDurableExecution',
      method: 'POST',
      path: new RegExp(`^${API}/durable-executions/(?<arn>.+)/stop$`),
      async handle(request, params) {
        const exec = executionFor(ctx, params['arn'] ?? '');
        const error = request.body.length === 0 ? {} : parseBody(request.body, ErrorObject, 'StopDurableExecution');
        if (exec.status !== 'RUNNING') return { status: 200, body: { StopTimestamp: (exec.endMs ?? ctx.now()) / 1000 } };
        const nowMs = ctx.now();
        const stopped = closeExecution(ctx.store, exec.arn, 'STOPPED', { error }, nowMs, { ErrorType: 'ExecutionStopped', ErrorMessage: 'The execution was stopped while this invocation ran.' });
        ctx.changed(exec.arn);
        return { status: 200, body: { StopTimestamp: (stopped?.endMs ?? nowMs) / 1000 } };
      },
    },
    {
      operation: 'GetDurableExecution',
      method: 'GET',
      path: new RegExp(`^${API}/durable-executions/(?<arn>arn:.+)$`),
      async handle(request, params) {
        const exec = executionFor(ctx, params['arn'] ?? '');
        const includeData = booleanParam(request.query, 'IncludeExecutionData', true);
        const body: Record<string, unknown> = {
          DurableExecutionArn: exec.arn,
          DurableExecutionName: exec.name,
          FunctionArn: exec.functionArn,
          StartTimestamp: exec.startMs / 1000,
          Status: exec.status,
          Version: exec.version,
          DurableConfig: { ExecutionTimeout: exec.timeoutSeconds, RetentionPeriodInDays: exec.retentionDays },
        };
        if (exec.endMs !== null) body['EndTimestamp'] = exec.endMs / 1000;
        if (exec.traceId !== null) body['TraceHeader'] = { XAmznTraceId: exec.traceId };
        if (includeData) {
          body['InputPayload'] = exec.input;
          if (exec.status === 'SUCCEEDED' && exec.result !== null) body['Result'] = exec.result;
          if (exec.status !== 'SUCCEEDED' && exec.error !== null) body['Error'] = exec.error;
        }
        return { status: 200, body };
      },
    },
    {
      operation: 'ListDurableExecutionsByFunction',
      method: 'GET',
      path: new RegExp(`^${API}/functions/(?<fn>[^/]+)/durable-executions$`),
      async handle(request, params) {
        const target = parseFunctionIdentifier(params['fn'] ?? '');
        if (target === undefined) throw invalidParameter(`${params['fn'] ?? ''} is not a function name or ARN.`);
        const qualifier = request.query.get('Qualifier') ?? target.qualifier;
        const statuses = request.query.getAll('Statuses');
        for (const s of statuses) if (!STATUSES.includes(s)) throw invalidParameter(`Statuses must be among ${STATUSES.join(', ')}; got ${s}.`);
        const name = request.query.get('DurableExecutionName') ?? undefined;
        if (name !== undefined && !/^[a-zA-Z0-9_-]{1,64}$/.test(name)) throw invalidParameter('DurableExecutionName must be 1-64 characters of [a-zA-Z0-9-_].');
        const limit = maxItems(request.query, 100, 1000);
        const oldestFirst = booleanParam(request.query, 'ReverseOrder', false);
        const afterSeq = markerParam(request.query);
        const filter = {
          functionName: target.functionName,
          ...(qualifier !== undefined && qualifier !== null ? { version: qualifier } : {}),
          ...(name !== undefined ? { name } : {}),
          statuses,
          ...(isoParam(request.query, 'StartedAfter') !== undefined ? { startedAfterMs: isoParam(request.query, 'StartedAfter') } : {}),
          ...(isoParam(request.query, 'StartedBefore') !== undefined ? { startedBeforeMs: isoParam(request.query, 'StartedBefore') } : {}),
          oldestFirst,
          ...(afterSeq !== undefined ? { afterSeq } : {}),
          limit: limit + 1,
        };
        const rows = ctx.store.listExecutions(filter);
        if (rows.length === 0 && afterSeq === undefined) {
          // An unknown function is an error; a known one with no executions is an empty list.
          try {
            await ctx.invoker.durableConfigOf(target.functionName, qualifier ?? undefined);
          } catch (error) {
            if (error instanceof LambdaApiError) throw error;
            throw notFound(`Function not found: ${target.functionName}`);
          }
        }
        const page = rows.slice(0, limit);
        const next = rows.length > limit ? page[page.length - 1] : undefined;
        return {
          status: 200,
          body: {
            DurableExecutions: page.map((e) => ({
              DurableExecutionArn: e.arn,
              DurableExecutionName: e.name,
              FunctionArn: e.functionArn,
              Status: e.status,
              StartTimestamp: e.startMs / 1000,
              ...(e.endMs !== null ? { EndTimestamp: e.endMs / 1000 } : {}),
            })),
            ...(next !== undefined ? { NextMarker: String(next.seq) } : {}),
          },
        };
      },
    },
  ];
}
