import { functionNameOfArn } from '../../../shared/arn/function-arn.ts';
import { StudioError } from '../../../shared/contract/errors.ts';
import {
  ExecutionDetail,
  ExecutionSummary,
  HistoryEvent,
  type ExecutionFilter,
  type PendingCallback,
} from '../../../shared/contract/executions.ts';
import { executionInput, openCallbacks } from '../../../shared/executions/pending-callbacks.ts';
import { submitterLines } from '../../../shared/executions/submitter-log.ts';
import { z } from 'zod';
import type { DurableEngine } from '../durable/engine.ts';
import { assertJson } from '../../../shared/json/assert-json.ts';
import type { ExecutionLogs } from './execution-logs.ts';
import type { Handlers } from './handler-table.ts';
import { type LambdaApiCall, label } from '../lambda-client/lambda-api-client.ts';
import { filterExecutions } from '../../../shared/executions/filter-executions.ts';
import { type ExecutionsPage, listLocalExecutions } from './local-executions-list.ts';

type ExecutionsArea = Pick<
  Handlers,
  | 'executions.list'
  | 'executions.get'
  | 'executions.history'
  | 'executions.stop'
  | 'executions.rerun'
  | 'executions.exportHistory'
  | 'executions.logs'
  | 'callbacks.pending'
  | 'callbacks.succeed'
  | 'callbacks.fail'
  | 'callbacks.heartbeat'
  | 'clock.skip'
  | 'clock.next'
  | 'executions.retryState'
>;

const FUNCTIONS = '/2015-03-31/functions';
/** An approver reads the start of an execution's input; a large one is cut here rather than sent whole on every change. */
const INPUT_PREVIEW_CHARS = 2_000;
const DURABLE = '/2025-12-01';

const FunctionsPage = z.object({
  Functions: z.array(z.looseObject({ FunctionName: z.string(), DurableConfig: z.unknown().optional() })).optional(),
  NextMarker: z.string().nullish(),
});
const ExecutionsPage = z.object({
  DurableExecutions: z.array(ExecutionSummary.omit({ FunctionName: true })).optional(),
  NextMarker: z.string().nullish(),
});
const HistoryPage = z.object({ Events: z.array(HistoryEvent).optional(), NextMarker: z.string().nullish() });

/** Reads an API reply with the schema the API promises; a reply that breaks it is the host's fault, said plainly. */
function read<T>(schema: z.ZodType<T>, body: unknown, what: string): T {
  const parsed = schema.safeParse(body);
  if (!parsed.success) throw new StudioError('INTERNAL', `The Lambda API answered ${what} in an unexpected shape.`, parsed.error.message);
  return parsed.data;
}

function functionNameOf(arn: string): string {
  return functionNameOfArn(arn) ?? arn;
}

export interface ExecutionsServices {
  /** Signed calls to the Lambda API of the current target. */
  call: LambdaApiCall;
  /** The local engine, for the virtual clock; absent when the target is not local. */
  engine?: DurableEngine;
  /** The durable logger's lines of local executions. */
  logs?: ExecutionLogs;
}

/** The execution viewer's handlers: lists, details, history, stop, re-run, callbacks, all through the Lambda API. */
export function createExecutionsHandlers({ call, engine, logs }: ExecutionsServices): ExecutionsArea {
  /** The functions there are now, and which of them are durable. */
  async function listFunctions(): Promise<{ all: Set<string>; durable: string[] }> {
    const all = new Set<string>();
    const durable: string[] = [];
    let marker: string | undefined;
    do {
      const reply = await call({ method: 'GET', path: `${FUNCTIONS}/`, query: { Marker: marker, MaxItems: '50' } });
      const page = read(FunctionsPage, reply.body, 'ListFunctions');
      for (const f of page.Functions ?? []) {
        all.add(f.FunctionName);
        if (f.DurableConfig !== undefined && f.DurableConfig !== null) durable.push(f.FunctionName);
      }
      marker = page.NextMarker ?? undefined;
    } while (marker !== undefined);
    return { all, durable };
  }

  async function executionsOf(functionName: string): Promise<ExecutionSummary[]> {
    const items: ExecutionSummary[] = [];
    let marker: string | undefined;
    do {
      const reply = await call({ method: 'GET', path: `${DURABLE}/functions/${label(functionName)}/durable-executions`, query: { Marker: marker, MaxItems: '1000' } });
      const page = read(ExecutionsPage, reply.body, 'ListDurableExecutionsByFunction');
      for (const e of page.DurableExecutions ?? []) items.push({ ...e, FunctionName: functionName });
      marker = page.NextMarker ?? undefined;
    } while (marker !== undefined);
    return items;
  }

  async function history(arn: string, startMarker?: string): Promise<HistoryEvent[]> {
    const events: HistoryEvent[] = [];
    let marker: string | undefined = startMarker;
    do {
      const reply = await call({
        method: 'GET',
        path: `${DURABLE}/durable-executions/${label(arn)}/history`,
        query: { IncludeExecutionData: 'true', MaxItems: '1000', Marker: marker },
      });
      const page = read(HistoryPage, reply.body, 'GetDurableExecutionHistory');
      events.push(...(page.Events ?? []));
      marker = page.NextMarker ?? undefined;
    } while (marker !== undefined);
    return events;
  }

  /**
   * Running executions' histories as last read, so the pending-callbacks list (asked for on
   * every change) reads only the events since. The local service's marker is the next event id;
   * where a marker means something else (AWS), the whole history is read again.
   */
  async function laterEvents(arn: string, lastId: number): Promise<HistoryEvent[] | undefined> {
    try {
      const more = await history(arn, String(lastId + 1));
      return more.length === 0 || more[0]?.EventId === lastId + 1 ? more : undefined;
    } catch {
      // Not a marker this API understands.
      return undefined;
    }
  }

  const seen = new Map<string, HistoryEvent[]>();
  async function historySince(arn: string): Promise<HistoryEvent[]> {
    const known = seen.get(arn);
    const lastId = known?.at(-1)?.EventId;
    if (known !== undefined && lastId !== undefined) {
      const more = await laterEvents(arn, lastId);
      if (more !== undefined) {
        const all = more.length === 0 ? known : [...known, ...more];
        seen.set(arn, all);
        return all;
      }
    }
    const all = await history(arn);
    seen.set(arn, all);
    return all;
  }

  async function getExecution(arn: string): Promise<ExecutionDetail> {
    const reply = await call({ method: 'GET', path: `${DURABLE}/durable-executions/${label(arn)}`, query: { IncludeExecutionData: 'true' } });
    return read(ExecutionDetail, reply.body, 'GetDurableExecution');
  }

  async function list(filter: ExecutionFilter): Promise<ExecutionsPage> {
    const functions = await listFunctions();
    // Locally the store also holds executions of functions that are no longer durable, renamed
    // or deleted: they still exist, so they are listed (a deleted function's marked as such).
    // It answers a page and its counts from its indexes rather than every execution through the API.
    if (engine !== undefined) return listLocalExecutions(engine.store, filter, functions.all);
    const names = filter.functionName === undefined ? functions.durable : [filter.functionName];
    const all = (await Promise.all(names.map(executionsOf))).flat();
    const marked = all.map((e) => (functions.all.has(e.FunctionName) ? e : { ...e, FunctionDeleted: true }));
    return filterExecutions(marked, filter);
  }

  const callback = async (callbackId: string, action: 'succeed' | 'fail' | 'heartbeat', body?: string) => {
    await call({ method: 'POST', path: `${DURABLE}/durable-execution-callbacks/${label(callbackId)}/${action}`, ...(body === undefined ? {} : { body }) });
    return { ok: true as const };
  };

  return {
    'executions.list': (filter) => list(filter),
    'executions.get': ({ arn }) => getExecution(arn),
    'executions.history': async ({ arn, afterEventId }) => {
      if (afterEventId !== undefined) {
        const more = await laterEvents(arn, afterEventId);
        if (more !== undefined) return { Events: more, continued: true };
      }
      return { Events: await history(arn) };
    },
    'executions.stop': async ({ arns }) => {
      const stopped: string[] = [];
      const failed: { arn: string; message: string }[] = [];
      for (const arn of arns) {
        try {
          const before = await getExecution(arn);
          if (before.Status !== 'RUNNING') {
            failed.push({ arn, message: `${before.DurableExecutionName} is already ${before.Status}.` });
            continue;
          }
          await call({ method: 'POST', path: `${DURABLE}/durable-executions/${label(arn)}/stop`, body: '{}' });
          stopped.push(arn);
        } catch (error) {
          failed.push({ arn, message: error instanceof Error ? error.message : String(error) });
        }
      }
      return { stopped, failed };
    },
    'executions.rerun': async ({ arn }) => {
      const execution = await getExecution(arn);
      const functionName = functionNameOf(execution.FunctionArn);
      const reply = await call({
        method: 'POST',
        path: `${FUNCTIONS}/${label(functionName)}/invocations`,
        query: { Qualifier: execution.Version },
        headers: { 'x-amz-invocation-type': 'Event' },
        body: execution.InputPayload ?? '{}',
      });
      const started = reply.headers['x-amz-durable-execution-arn'];
      if (started === undefined) throw new StudioError('INTERNAL', `Invoking ${functionName} started no durable execution; is durable execution still on for it?`);
      return { arn: started };
    },
    'executions.exportHistory': async ({ arn }) => {
      const execution = await getExecution(arn);
      const events = await history(arn);
      return { fileName: `${execution.DurableExecutionName}.history.json`, text: `${JSON.stringify({ Events: events }, null, 2)}\n` };
    },
    'executions.logs': async ({ arn }) => (logs === undefined ? [] : logs.lines(arn)),
    'callbacks.pending': async () => {
      const running = (await list({ statuses: ['RUNNING'] })).items;
      const stillRunning = new Set(running.map((e) => e.DurableExecutionArn));
      for (const arn of seen.keys()) if (!stillRunning.has(arn)) seen.delete(arn);
      const pending: PendingCallback[] = [];
      for (const execution of running) {
        const events = await historySince(execution.DurableExecutionArn);
        const open = openCallbacks(events);
        if (open.length === 0) continue;
        const input = executionInput(events)?.slice(0, INPUT_PREVIEW_CHARS);
        const lines = logs === undefined ? [] : await logs.lines(execution.DurableExecutionArn);
        for (const callback of open) {
          const { parentId: _parentId, ...listed } = callback;
          pending.push({
            ...listed,
            executionArn: execution.DurableExecutionArn,
            executionName: execution.DurableExecutionName,
            functionName: execution.FunctionName,
            ...(input === undefined ? {} : { input }),
            requestLog: submitterLines(events, callback, lines),
          });
        }
      }
      return pending.sort((a, b) => a.startedMs - b.startedMs);
    },
    'callbacks.succeed': async ({ callbackId, result }) => {
      assertJson(result, 'The callback result');
      return callback(callbackId, 'succeed', result);
    },
    'callbacks.fail': ({ callbackId, error }) =>
      callback(
        callbackId,
        'fail',
        JSON.stringify({
          ...(error.type === undefined || error.type === '' ? {} : { ErrorType: error.type }),
          ...(error.message === undefined || error.message === '' ? {} : { ErrorMessage: error.message }),
          ...(error.data === undefined || error.data === '' ? {} : { ErrorData: error.data }),
        }),
      ),
    'callbacks.heartbeat': ({ callbackId }) => callback(callbackId, 'heartbeat'),
    'clock.skip': async ({ arn, expected }) => {
      if (engine === undefined) throw new StudioError('BAD_INPUT', 'Skipping time works on the local target only; AWS keeps its own clock.');
      await getExecution(arn);
      const skipped = await engine.skip(arn, expected);
      return { skipped: skipped === undefined ? null : { kind: skipped.kind, operationId: skipped.operationId } };
    },
    'executions.retryState': async ({ arn }) => ({ retry: engine?.invocationRetry(arn) ?? null }),
    'clock.next': async ({ arn }) => {
      if (engine === undefined) throw new StudioError('BAD_INPUT', 'Skipping time works on the local target only; AWS keeps its own clock.');
      await getExecution(arn);
      return { next: engine.nextTimer(arn) ?? null };
    },
  };
}
