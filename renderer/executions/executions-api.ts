import type { ExecutionChanged } from '../../shared/contract/events.ts';
import type { ExecutionDetail, ExecutionLogLine, HistoryEvent, NextTimer, PendingCallback } from '../../shared/contract/executions.ts';
import { parseHistoryFile as readHistoryFile } from '../../shared/executions/history-file.ts';
import { api } from '../api/api.ts';
import { currentTargetId, currentTargetParam } from '../targets/target-store.ts';
import { functionNameOfArn, functionOfExecutionArn } from '../../shared/arn/function-arn.ts';
import type { ExecutionSummary } from './execution-filters.ts';
import { type ListCall, summaryOf } from './execution-pages.ts';
import { errorInfo, fromHistory, historyRows } from './from-history.ts';
import { logsByOperation } from './log-lines.ts';
import type { ExecutionDetailView, PendingCallbackView } from './model.ts';

export interface CallbackError {
  type: string;
  message: string;
  data: string;
}

/** `arn:aws:lambda:<region>:<account>:function:<name>[:<qualifier>]` → `<name>`; other text as it is. */
function functionNameOf(functionArn: string): string {
  return functionNameOfArn(functionArn) ?? functionArn;
}

/** `executions.list` on the current target: a page of the filtered list and the counts (an AWS target answers every row at once). */
export const listPage: ListCall = async (filter) => {
  const { items, counts, nextCursor } = await api().call('executions.list', { ...filter, ...currentTargetParam() });
  return { items: items.map(summaryOf), counts, nextCursor };
};

function detailView(detail: ExecutionDetail, events: Parameters<typeof fromHistory>[0]): ExecutionDetailView {
  const { operations } = fromHistory(events);
  return {
    execution: {
      arn: detail.DurableExecutionArn,
      name: detail.DurableExecutionName,
      functionName: functionNameOf(detail.FunctionArn),
      functionArn: detail.FunctionArn,
      version: detail.Version,
      status: detail.Status,
      startMs: detail.StartTimestamp * 1000,
      endMs: detail.EndTimestamp === undefined ? undefined : detail.EndTimestamp * 1000,
      input: detail.InputPayload,
      result: detail.Result,
      error: errorInfo(detail.Error),
    },
    operations,
    history: historyRows(events),
  };
}

/** The execution and its whole history, turned into timeline rows. */
/** The open execution's events as last read, so a refresh of a long history asks only for what is new. */
let lastRead: { key: string; events: HistoryEvent[] } | undefined;

async function historyOf(arn: string): Promise<HistoryEvent[]> {
  // Keyed by target too: two targets can hold executions with the same ARN (another studio, a restored account).
  const key = `${currentTargetId()} ${arn}`;
  const known = lastRead?.key === key ? lastRead.events : undefined;
  const afterEventId = known?.at(-1)?.EventId;
  const reply = await api().call('executions.history', { arn, ...currentTargetParam(), ...(afterEventId === undefined ? {} : { afterEventId }) });
  const events = reply.continued === true && known !== undefined ? [...known, ...reply.Events] : reply.Events;
  lastRead = { key, events };
  return events;
}

export async function loadExecution(arn: string): Promise<ExecutionDetailView> {
  const [detail, events, logs] = await Promise.all([
    api().call('executions.get', { arn, ...currentTargetParam() }),
    historyOf(arn),
    // Logs are a help, not the view: a host without them still shows the timeline. The durable
    // logger's lines are kept by the local service only.
    currentTargetParam().target === undefined
      ? api()
          .call('executions.logs', { arn })
          .catch((): ExecutionLogLine[] => [])
      : Promise.resolve([]),
  ]);
  return { ...detailView(detail, events), logs: logsByOperation(logs) };
}

function pendingView(p: PendingCallback): PendingCallbackView {
  return {
    callbackId: p.callbackId,
    executionArn: p.executionArn,
    executionName: p.executionName,
    functionName: p.functionName,
    operationId: p.operationId,
    name: p.operationName ?? p.operationId,
    startMs: p.startedMs,
    timeoutMs: p.timeoutAtMs,
    stepPath: p.stepPath ?? [p.operationName ?? p.operationId],
    input: p.input,
    requestLog: (p.requestLog ?? []).map(({ timestamp, level, message }) => ({ timestamp, level, message })),
  };
}

export async function listPendingCallbacks(): Promise<PendingCallbackView[]> {
  return (await api().call('callbacks.pending', currentTargetParam())).map(pendingView);
}

/** Stops each execution; returns the ones that could not be stopped, with why. */
export async function stopExecutions(arns: readonly string[]): Promise<{ arn: string; message: string }[]> {
  const { failed } = await api().call('executions.stop', { arns: [...arns], ...currentTargetParam() });
  return failed;
}

/** Starts the same function version again with the same input; returns the new execution's ARN. */
export async function rerunExecution(arn: string): Promise<string> {
  return (await api().call('executions.rerun', { arn })).arn;
}

/** Starts a local execution of the workspace's code from this execution's recorded operations. */
export async function debugLocally(arn: string): Promise<string> {
  return (await api().call('executions.debugLocally', { arn, ...currentTargetParam() })).arn;
}

export async function exportHistory(arn: string): Promise<{ fileName: string; text: string }> {
  return api().call('executions.exportHistory', { arn, ...currentTargetParam() });
}

/** Reads an exported history (this studio's or AWS's GetDurableExecutionHistory JSON) into the detail view. */
export function parseHistoryFile(text: string, fileName: string): ExecutionDetailView {
  const { events } = readHistoryFile(text);
  const { operations, execution } = fromHistory(events);
  return {
    execution: {
      arn: execution.id ?? fileName,
      name: execution.name || fileName,
      // Exported histories name their execution by ARN, and the ARN names the function.
      functionName: functionOfExecutionArn(execution.id ?? '') ?? '(from a file)',
      status: execution.status,
      startMs: execution.startMs,
      endMs: execution.endMs,
      input: execution.input,
      result: execution.result,
      error: execution.error,
    },
    operations,
    history: historyRows(events),
  };
}

/** The timer Skip would fire, as the engine says it (local target only); null when none waits. */
export async function nextTimer(arn: string): Promise<NextTimer | null> {
  return (await api().call('clock.next', { arn })).next;
}

/** Fires the execution's earliest wait, retry delay or callback timeout now, if it is still `expected` (local target only). */
export async function skipTimer(arn: string, expected?: { kind: string; operationId: string }): Promise<void> {
  const { skipped } = await api().call('clock.skip', { arn, ...(expected === undefined ? {} : { expected }) });
  if (skipped === null) throw new Error('Nothing was waiting on a timer: the execution has no wait, retry delay or callback timeout left.');
}

export async function callbackSuccess(callbackId: string, result: string): Promise<void> {
  await api().call('callbacks.succeed', { callbackId, result, ...currentTargetParam() });
}

export async function callbackFailure(callbackId: string, error: CallbackError): Promise<void> {
  await api().call('callbacks.fail', {
    callbackId,
    ...currentTargetParam(),
    error: {
      ...(error.type.trim() === '' ? {} : { type: error.type.trim() }),
      ...(error.message.trim() === '' ? {} : { message: error.message }),
      ...(error.data === '' ? {} : { data: error.data }),
    },
  });
}

export async function callbackHeartbeat(callbackId: string): Promise<void> {
  await api().call('callbacks.heartbeat', { callbackId, ...currentTargetParam() });
}

function changedSummary(e: ExecutionChanged): ExecutionSummary {
  const start = Date.parse(e.startTimestamp);
  const end = e.endTimestamp === undefined ? undefined : Date.parse(e.endTimestamp);
  return {
    arn: e.durableExecutionArn,
    name: e.durableExecutionName,
    functionName: functionNameOf(e.functionArn),
    status: e.status,
    startMs: start,
    ...(end === undefined || Number.isNaN(end) ? {} : { endMs: end }),
  };
}

/** Subscribes to execution changes; returns the unsubscribe function. */
export function onExecutionsChanged(listener: (summary: ExecutionSummary) => void): () => void {
  return api().on('executions.changed', (event) => listener(changedSummary(event)));
}
