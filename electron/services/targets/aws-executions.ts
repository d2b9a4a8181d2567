import {
  GetDurableExecutionCommand,
  GetDurableExecutionHistoryCommand,
  ListDurableExecutionsByFunctionCommand,
  SendDurableExecutionCallbackFailureCommand,
  SendDurableExecutionCallbackHeartbeatCommand,
  SendDurableExecutionCallbackSuccessCommand,
  StopDurableExecutionCommand,
} from '@aws-sdk/client-lambda';
import { z } from 'zod';
import { StudioError } from '../../../shared/contract/errors.ts';
import {
  type CallbackFailure,
  ExecutionDetail,
  type ExecutionFilter,
  ExecutionSummary,
  HistoryEvent,
  type PendingCallback,
} from '../../../shared/contract/executions.ts';
import { executionInput, openCallbacks } from '../../../shared/executions/pending-callbacks.ts';
import { assertJson } from '../../../shared/json/assert-json.ts';
import { toApiJson } from './api-json.ts';
import type { TargetService } from './target-service.ts';
import { filterExecutions } from '../../../shared/executions/filter-executions.ts';

const ExecutionsPage = z.object({ DurableExecutions: z.array(ExecutionSummary.omit({ FunctionName: true })).optional() });
const HistoryPage = z.object({ Events: z.array(HistoryEvent).optional() });

function read<T>(schema: z.ZodType<T>, reply: unknown, what: string): T {
  const parsed = schema.safeParse(toApiJson(reply));
  if (!parsed.success) throw new StudioError('INTERNAL', `AWS answered ${what} in an unexpected shape.`, parsed.error.message);
  return parsed.data;
}

/** What the AWS side needs besides the target's clients. */
export interface AwsExecutionsDeps {
  targets: TargetService;
  /** The workspace's durable functions: on AWS those are the ones whose executions are listed. */
  durableFunctionNames: () => Promise<string[]>;
}

/**
 * The execution viewer's calls against an AWS target, through `@aws-sdk/client-lambda`. Replies
 * are turned back into the API's JSON so the viewer cannot tell them from the local service's.
 */
export function createAwsExecutions({ targets, durableFunctionNames }: AwsExecutionsDeps) {
  async function on(id: string) {
    const clients = await targets.awsClients(id);
    const send = <T>(action: string, work: () => Promise<T>) => targets.attempt(clients.target, action, work);
    return { lambda: clients.lambda, send };
  }

  async function executionsOf(id: string, functionName: string): Promise<ExecutionSummary[]> {
    const { lambda, send } = await on(id);
    const items: ExecutionSummary[] = [];
    let marker: string | undefined;
    do {
      let reply;
      try {
        reply = await send('lambda:ListDurableExecutionsByFunction', () =>
          lambda.send(new ListDurableExecutionsByFunctionCommand({ FunctionName: functionName, MaxItems: 1000, ...(marker === undefined ? {} : { Marker: marker }) })),
        );
      } catch (error) {
        // A workspace function not deployed to this target simply has no executions there.
        if (error instanceof StudioError && error.code === 'NOT_FOUND') return items;
        throw error;
      }
      const page = read(ExecutionsPage, reply, 'ListDurableExecutionsByFunction');
      for (const e of page.DurableExecutions ?? []) items.push({ ...e, FunctionName: functionName });
      marker = reply.NextMarker ?? undefined;
    } while (marker !== undefined);
    return items;
  }

  async function get(id: string, arn: string): Promise<ExecutionDetail> {
    const { lambda, send } = await on(id);
    const reply = await send('lambda:GetDurableExecution', () => lambda.send(new GetDurableExecutionCommand({ DurableExecutionArn: arn, IncludeExecutionData: true })));
    return read(ExecutionDetail, reply, 'GetDurableExecution');
  }

  async function history(id: string, arn: string): Promise<HistoryEvent[]> {
    const { lambda, send } = await on(id);
    const events: HistoryEvent[] = [];
    let marker: string | undefined;
    do {
      const reply = await send('lambda:GetDurableExecutionHistory', () =>
        lambda.send(new GetDurableExecutionHistoryCommand({ DurableExecutionArn: arn, IncludeExecutionData: true, MaxItems: 1000, ...(marker === undefined ? {} : { Marker: marker }) })),
      );
      events.push(...(read(HistoryPage, reply, 'GetDurableExecutionHistory').Events ?? []));
      marker = reply.NextMarker ?? undefined;
    } while (marker !== undefined);
    return events;
  }

  async function list(id: string, filter: ExecutionFilter) {
    const names = filter.functionName === undefined ? await durableFunctionNames() : [filter.functionName];
    // One function after another: AWS rate-limits the control plane per account.
    const all: ExecutionSummary[] = [];
    for (const name of names) all.push(...(await executionsOf(id, name)));
    return filterExecutions(all, filter);
  }

  async function stop(id: string, arns: string[]) {
    const { lambda, send } = await on(id);
    const stopped: string[] = [];
    const failed: { arn: string; message: string }[] = [];
    for (const arn of arns) {
      try {
        const before = await get(id, arn);
        if (before.Status !== 'RUNNING') {
          failed.push({ arn, message: `${before.DurableExecutionName} is already ${before.Status}.` });
          continue;
        }
        await send('lambda:StopDurableExecution', () => lambda.send(new StopDurableExecutionCommand({ DurableExecutionArn: arn })));
        stopped.push(arn);
      } catch (error) {
        failed.push({ arn, message: error instanceof Error ? error.message : String(error) });
      }
    }
    return { stopped, failed };
  }

  async function pendingCallbacks(id: string): Promise<PendingCallback[]> {
    const running = (await list(id, { statuses: ['RUNNING'] })).items;
    const pending: PendingCallback[] = [];
    for (const execution of running) {
      const events = await history(id, execution.DurableExecutionArn);
      const input = executionInput(events)?.slice(0, 2_000);
      for (const { parentId: _parentId, ...open } of openCallbacks(events)) {
        pending.push({ ...open, executionArn: execution.DurableExecutionArn, executionName: execution.DurableExecutionName, functionName: execution.FunctionName, ...(input === undefined ? {} : { input }) });
      }
    }
    return pending.sort((a, b) => a.startedMs - b.startedMs);
  }

  async function succeed(id: string, callbackId: string, result: string) {
    assertJson(result, 'The callback result');
    const { lambda, send } = await on(id);
    await send('lambda:SendDurableExecutionCallbackSuccess', () =>
      lambda.send(new SendDurableExecutionCallbackSuccessCommand({ CallbackId: callbackId, Result: new TextEncoder().encode(result) })),
    );
    return { ok: true as const };
  }

  async function fail(id: string, callbackId: string, error: CallbackFailure) {
    const { lambda, send } = await on(id);
    await send('lambda:SendDurableExecutionCallbackFailure', () =>
      lambda.send(
        new SendDurableExecutionCallbackFailureCommand({
          CallbackId: callbackId,
          Error: {
            ...(error.type === undefined || error.type === '' ? {} : { ErrorType: error.type }),
            ...(error.message === undefined || error.message === '' ? {} : { ErrorMessage: error.message }),
            ...(error.data === undefined || error.data === '' ? {} : { ErrorData: error.data }),
          },
        }),
      ),
    );
    return { ok: true as const };
  }

  async function heartbeat(id: string, callbackId: string) {
    const { lambda, send } = await on(id);
    await send('lambda:SendDurableExecutionCallbackHeartbeat', () => lambda.send(new SendDurableExecutionCallbackHeartbeatCommand({ CallbackId: callbackId })));
    return { ok: true as const };
  }

  async function exportHistory(id: string, arn: string) {
    const execution = await get(id, arn);
    const events = await history(id, arn);
    return { fileName: `${execution.DurableExecutionName}.history.json`, text: `${JSON.stringify({ Events: events }, null, 2)}\n` };
  }

  return { list, get, history, stop, pendingCallbacks, succeed, fail, heartbeat, exportHistory };
}

export type AwsExecutions = ReturnType<typeof createAwsExecutions>;
