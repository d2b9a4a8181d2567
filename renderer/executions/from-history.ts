import type { HistoryEvent } from '../../shared/contract/executions.ts';
import { eventTimeMs } from '../../shared/executions/pending-callbacks.ts';
import type { AttemptView, ErrorInfo, ExecutionView, HistoryRow, OperationView } from './model.ts';

type Mutable<T> = { -readonly [K in keyof T]: T[K] };
type Op = Mutable<Omit<OperationView, 'attempts'>> & { attempts: AttemptView[] };

const TYPE_BY_PREFIX: [string, string][] = [
  ['ChainedInvoke', 'CHAINED_INVOKE'],
  ['Callback', 'CALLBACK'],
  ['Context', 'CONTEXT'],
  ['Execution', 'EXECUTION'],
  ['Invocation', 'INVOCATION'],
  ['Step', 'STEP'],
  ['Wait', 'WAIT'],
];

function operationType(eventType: string): string | undefined {
  return TYPE_BY_PREFIX.find(([prefix]) => eventType.startsWith(prefix))?.[1];
}

function record(value: unknown): Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Record<string, unknown>) : {};
}

function detailsOf(event: HistoryEvent): Record<string, unknown> {
  return record((event as Record<string, unknown>)[`${event.EventType}Details`]);
}

/** `{Payload, Truncated}` → the payload text. */
function payload(holder: unknown): string | undefined {
  const p = record(holder)['Payload'];
  return typeof p === 'string' ? p : undefined;
}

/** Lambda's ErrorObject → what the views show. */
export function errorInfo(value: unknown): ErrorInfo | undefined {
  const e = record(value);
  if (Object.keys(e).length === 0) return undefined;
  const text = (key: string) => (typeof e[key] === 'string' ? (e[key] as string) : undefined);
  const stack = Array.isArray(e['StackTrace']) ? e['StackTrace'].filter((l): l is string => typeof l === 'string') : undefined;
  return { type: text('ErrorType'), message: text('ErrorMessage'), data: text('ErrorData'), stack };
}

function errorOfDetails(d: Record<string, unknown>): ErrorInfo | undefined {
  return errorInfo(record(d['Error'])['Payload']);
}

function num(value: unknown): number | undefined {
  return typeof value === 'number' && Number.isFinite(value) ? value : undefined;
}

const CLOSING_STATUS: Record<string, string> = {
  Succeeded: 'SUCCEEDED',
  Failed: 'FAILED',
  TimedOut: 'TIMED_OUT',
  Stopped: 'STOPPED',
  Cancelled: 'CANCELLED',
};

function closingStatus(eventType: string): string | undefined {
  for (const [suffix, status] of Object.entries(CLOSING_STATUS)) if (eventType.endsWith(suffix)) return status;
  return undefined;
}

/** One step attempt closing (StepSucceeded / StepFailed), possibly scheduling the next one. */
function closeAttempt(op: Op, succeeded: boolean, t: number, d: Record<string, unknown>): void {
  const retry = record(d['RetryDetails']);
  const current = num(retry['CurrentAttempt']) ?? Math.max(1, op.attempts.length);
  let attempt = op.attempts.at(-1);
  if (attempt === undefined || attempt.endMs !== undefined) {
    // No StepStarted for this attempt (the SDK may skip it): it began when the last one's delay ended.
    const previous = attempt;
    attempt = { number: current, startMs: previous?.endMs !== undefined ? (op.nextAttemptMs ?? previous.endMs) : op.startMs, status: 'STARTED' };
    op.attempts.push(attempt);
  }
  attempt.number = current;
  attempt.endMs = t;
  attempt.status = succeeded ? 'SUCCEEDED' : 'FAILED';
  const error = succeeded ? undefined : errorOfDetails(d);
  if (error !== undefined) attempt.error = error;
  const delay = num(retry['NextAttemptDelaySeconds']);
  if (delay !== undefined) {
    attempt.nextDelaySeconds = delay;
    attempt.nextAttemptMs = t + delay * 1000;
    op.status = 'PENDING';
    op.nextAttemptMs = t + delay * 1000;
    return;
  }
  op.status = succeeded ? 'SUCCEEDED' : 'FAILED';
  op.endMs = t;
  op.nextAttemptMs = undefined;
  if (succeeded) op.result = payload(d['Result']);
  else op.error = error;
}

/** What one event hands its reducer: the event, its time and its details record. */
interface EventInput {
  event: HistoryEvent;
  t: number;
  d: Record<string, unknown>;
}

type OperationReducer = (op: Op, input: EventInput) => void;

function isSkipped(event: HistoryEvent): boolean {
  return (event as Record<string, unknown>)['Skipped'] === true;
}

/** Any event whose name ends in a closing word (Succeeded, Failed, TimedOut, Stopped, Cancelled) closes its operation. */
const closeOperation: OperationReducer = (op, { event, t, d }) => {
  const status = closingStatus(event.EventType);
  if (status === undefined) return;
  op.status = status;
  op.endMs = t;
  const result = payload(d['Result']);
  if (result !== undefined) op.result = result;
  const error = errorOfDetails(d);
  if (error !== undefined) op.error = error;
  if (isSkipped(event)) op.skipped = true;
};

/** Event types with more to say than the closing word; every other type goes to closeOperation. */
const OPERATION_REDUCERS: Readonly<Record<string, OperationReducer>> = {
  StepStarted: (op, { event, t }) => {
    op.status = 'STARTED';
    op.nextAttemptMs = undefined;
    op.attempts.push({ number: op.attempts.length + 1, startMs: t, status: 'STARTED', ...(isSkipped(event) ? { skipped: true } : {}) });
  },
  StepSucceeded: (op, { t, d }) => closeAttempt(op, true, t, d),
  StepFailed: (op, { t, d }) => closeAttempt(op, false, t, d),
  WaitStarted: (op, { t, d }) => {
    const scheduled = d['ScheduledEndTimestamp'];
    const duration = num(d['Duration']);
    op.scheduledEndMs = scheduled !== undefined ? eventTimeMs(scheduled) : duration !== undefined ? t + duration * 1000 : undefined;
  },
  CallbackStarted: (op, { t, d }) => {
    if (typeof d['CallbackId'] === 'string') op.callbackId = d['CallbackId'];
    const timeout = num(d['Timeout']);
    if (timeout !== undefined && timeout > 0) op.timeoutMs = t + timeout * 1000;
    const heartbeat = num(d['HeartbeatTimeout']);
    if (heartbeat !== undefined && heartbeat > 0) op.heartbeatTimeoutSeconds = heartbeat;
  },
  ChainedInvokeStarted: (op, { d }) => {
    if (typeof d['FunctionName'] === 'string') op.chainedFunction = d['FunctionName'];
    if (typeof d['DurableExecutionArn'] === 'string') op.chainedExecutionArn = d['DurableExecutionArn'];
    op.input = payload(d['Input']);
  },
};

type ExecutionSummary = FromHistory['execution'];
type ExecutionReducer = (execution: ExecutionSummary, input: EventInput) => void;

const startExecution: ExecutionReducer = (execution, { event, t, d }) => {
  execution.startMs = t;
  execution.name = event.Name ?? event.Id ?? '';
  execution.id = event.Id;
  execution.input = payload(d['Input']);
};

const closeExecution: ExecutionReducer = (execution, { event, t, d }) => {
  execution.status = closingStatus(event.EventType) ?? execution.status;
  execution.endMs = t;
  execution.result = payload(d['Result']);
  execution.error = errorOfDetails(d);
};

/** Folds one operation's event into its row, creating the row on its first event. */
function reduceOperation(ops: Map<string, Op>, type: string, input: EventInput): void {
  const { event, t } = input;
  const id = event.Id;
  if (id === undefined) return;
  let op = ops.get(id);
  if (op === undefined) {
    op = { id, name: event.Name ?? id, type, status: 'STARTED', startMs: t, attempts: [] };
    ops.set(id, op);
  }
  if (event.Name !== undefined) op.name = event.Name;
  if (event.SubType !== undefined) op.subType = event.SubType;
  if (event.ParentId !== undefined) op.parentId = event.ParentId;
  (OPERATION_REDUCERS[event.EventType] ?? closeOperation)(op, input);
}

/** The raw events as table rows, in the order the API gave them. */
export function historyRows(events: readonly HistoryEvent[]): HistoryRow[] {
  return events.map((event, index) => ({
    index,
    eventId: event.EventId,
    eventType: event.EventType,
    timestampMs: eventTimeMs(event.EventTimestamp),
    operationId: event.Id,
    name: event.Name,
    raw: event as Record<string, unknown>,
  }));
}

export interface FromHistory {
  operations: OperationView[];
  /** What the events say about the execution itself (offline files have nothing else). */
  execution: Omit<ExecutionView, 'arn' | 'functionName'> & { id?: string | undefined };
}

/**
 * Replays GetDurableExecutionHistory events into one row per operation: each step attempt
 * with its error and the delay before the next, waits with their scheduled end, callbacks
 * with their id and timeout, chained invokes with the child execution. Unknown event types
 * are ignored here (they still show in the raw table). O(events).
 */
export function fromHistory(events: readonly HistoryEvent[]): FromHistory {
  const ops = new Map<string, Op>();
  const execution: FromHistory['execution'] = { name: '', status: 'RUNNING', startMs: Number.NaN };
  for (const event of events) {
    const type = operationType(event.EventType);
    if (type === undefined || type === 'INVOCATION') continue;
    const input: EventInput = { event, t: eventTimeMs(event.EventTimestamp), d: detailsOf(event) };
    if (type === 'EXECUTION') (event.EventType === 'ExecutionStarted' ? startExecution : closeExecution)(execution, input);
    else reduceOperation(ops, type, input);
  }
  // waitForCallback names its child context, not the callback inside it: borrow the name people gave.
  // Its other child is the step that hands the callback id out: call it what it is.
  for (const op of ops.values()) {
    const parent = op.parentId === undefined ? undefined : ops.get(op.parentId);
    if (parent === undefined) continue;
    if (parent.subType === 'WaitForCallback' && op.type === 'STEP' && (op.name === op.id || op.name === parent.name)) op.name = 'submitter';
    else if (op.name === op.id && parent.name !== parent.id) op.name = parent.name;
  }
  if (Number.isNaN(execution.startMs)) execution.startMs = ops.values().next().value?.startMs ?? 0;
  return { operations: [...ops.values()], execution };
}
