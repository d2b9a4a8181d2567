import { create } from 'zustand';
import type { ExecutionDetail, InvocationRetry } from '../../shared/contract/executions.ts';
import { LOCAL_TARGET_ID } from '../../shared/contract/targets.ts';
import type { InvokeResult, TestEvent } from '../../shared/contract/invoke.ts';
import { api } from '../api/api.ts';
import { toFailure, type Failure } from '../lib/errors.ts';
import { onTarget } from '../targets/target-model.ts';
import { currentTargetId } from '../targets/target-store.ts';
import { checkEventText } from './event-text.ts';
import { isRunningDurable, settledDurableResult } from './invoke-outcome.ts';

/** The Invoke panel's state for one function; kept while the user moves between functions. */
export interface FunctionInvokeState {
  eventText: string;
  /** The saved test event the editor was loaded from, if any. */
  selected: string | null;
  events: TestEvent[];
  running: boolean;
  /** Lines streamed while the invocation runs; replaced by the result's own lines when it ends. */
  liveLogs: string[];
  result: InvokeResult | null;
  /** Why the last invoke could not run (bad JSON, build error, host down); not a handler error. */
  problem: Failure | null;
  /**
   * Until when (epoch ms) the function's log lines still join the shown result: a moment past
   * its end (a container's output can trail its answer; a durable execution's last invocation
   * writes END and REPORT after it closed), and for ever while a durable execution it answered
   * early goes on (its later invocations log too).
   */
  followLogsUntil: number;
  /** The target the shown result came from: its durable execution is read back there. */
  target: string;
}

/** How long lines keep joining a result after it, or its durable execution, ended. */
export const FOLLOW_AFTER_END_MS = 3_000;
/** Lines come as events and results as answers, on separate channels: a line the result already holds may still arrive. */
const RECENT_LINES_CHECKED = 200;

/** Which durable execution each recent invocation serves, from `invocations.changed` (told before the invocation's first line). */
const executionOfRequest = new Map<string, string>();
const KNOWN_INVOCATIONS = 1_000;

const EMPTY: FunctionInvokeState = { eventText: '{}', selected: null, events: [], running: false, liveLogs: [], result: null, problem: null, followLogsUntil: 0, target: LOCAL_TARGET_ID };

interface InvokeStore {
  byFunction: Record<string, FunctionInvokeState>;
  get(fn: string): FunctionInvokeState;
  setEventText(fn: string, text: string): void;
  loadEvents(fn: string): Promise<void>;
  selectEvent(fn: string, name: string | null): void;
  saveEvent(fn: string, name: string): Promise<boolean>;
  deleteEvent(fn: string, name: string): Promise<void>;
  run(fn: string, beforeRun?: () => Promise<boolean>): Promise<void>;
  appendLog(fn: string, line: string, requestId?: string): void;
  /** An invocation started: a durable one says which execution it serves, so a followed result takes only its own lines. */
  invocationStarted(invocation: { requestId: string; durableExecutionArn?: string | undefined }): void;
  /**
   * A durable execution changed: a result still waiting on it takes the execution's outcome once
   * it ended, and meanwhile the engine's word on whether its invocations are failing and retried.
   */
  executionChanged(arn: string, status: string, target?: string, retry?: InvocationRetry): Promise<void>;
}

export const useInvoke = create<InvokeStore>((set, get) => {
  const patch = (fn: string, change: Partial<FunctionInvokeState>) =>
    set((state) => ({ byFunction: { ...state.byFunction, [fn]: { ...(state.byFunction[fn] ?? EMPTY), ...change } } }));

  return {
    byFunction: {},
    get: (fn) => get().byFunction[fn] ?? EMPTY,

    setEventText: (fn, eventText) => patch(fn, { eventText }),

    async loadEvents(fn) {
      try {
        const events = await api().call('testEvents.list', { functionName: fn });
        const current = get().get(fn);
        const first = events[0];
        // The first visit opens the first saved event, as the Lambda console does.
        const adopt = current.selected === null && current.result === null && current.eventText === EMPTY.eventText && first !== undefined;
        patch(fn, adopt ? { events, selected: first.name, eventText: first.payload } : { events });
      } catch (error) {
        patch(fn, { problem: toFailure(error, 'Could not load the saved test events') });
      }
    },

    selectEvent(fn, name) {
      const event = get().get(fn).events.find((e) => e.name === name);
      patch(fn, event === undefined ? { selected: null } : { selected: event.name, eventText: event.payload, problem: null });
    },

    async saveEvent(fn, name) {
      const { eventText } = get().get(fn);
      const check = checkEventText(eventText);
      if (!check.ok) {
        patch(fn, { problem: { message: `Not saved. ${check.message}` } });
        return false;
      }
      try {
        await api().call('testEvents.save', { functionName: fn, event: { name, payload: eventText } });
        patch(fn, { selected: name, problem: null });
        await get().loadEvents(fn);
        return true;
      } catch (error) {
        patch(fn, { problem: toFailure(error, `Could not save the test event ${name}`) });
        return false;
      }
    },

    async deleteEvent(fn, name) {
      try {
        await api().call('testEvents.delete', { functionName: fn, name });
        patch(fn, { selected: null });
        await get().loadEvents(fn);
      } catch (error) {
        patch(fn, { problem: toFailure(error, `Could not delete the test event ${name}`) });
      }
    },

    async run(fn, beforeRun) {
      const current = get().get(fn);
      if (current.running) return;
      const check = checkEventText(current.eventText);
      if (!check.ok) {
        patch(fn, { problem: { message: check.message } });
        return;
      }
      const target = currentTargetId();
      patch(fn, { running: true, liveLogs: [], problem: null, result: null, followLogsUntil: 0, target });
      try {
        if (beforeRun !== undefined && !(await beforeRun())) {
          patch(fn, { running: false, problem: { message: 'Not invoked: the function has edits that could not be saved.' } });
          return;
        }
        const result = await api().call('invoke.run', { functionName: fn, payload: check.payload, ...onTarget(target) });
        patch(fn, { running: false, result, liveLogs: [], followLogsUntil: isRunningDurable(result) ? Number.POSITIVE_INFINITY : Date.now() + FOLLOW_AFTER_END_MS });
        if (target !== LOCAL_TARGET_ID && isRunningDurable(result) && result.durableExecutionArn !== undefined) followOnAws(result.durableExecutionArn, target);
      } catch (error) {
        patch(fn, { running: false, problem: toFailure(error, target === LOCAL_TARGET_ID ? 'The function could not be invoked' : `The function could not be invoked on ${target}`) });
      }
    },

    appendLog(fn, line, requestId) {
      const current = get().get(fn);
      const followed = current.result?.durableExecutionArn;
      if (current.running) patch(fn, { liveLogs: [...current.liveLogs, line] });
      else if (followed !== undefined && requestId !== undefined && executionOfRequest.get(requestId) !== followed) return;
      else if (current.result !== null && Date.now() < current.followLogsUntil && !current.result.logs.slice(-RECENT_LINES_CHECKED).includes(line)) {
        patch(fn, { result: { ...current.result, logs: [...current.result.logs, line] } });
      }
    },

    invocationStarted({ requestId, durableExecutionArn }) {
      if (durableExecutionArn === undefined) return;
      executionOfRequest.set(requestId, durableExecutionArn);
      // Oldest out first (a Map keeps insertion order): only recent invocations still log.
      if (executionOfRequest.size > KNOWN_INVOCATIONS) executionOfRequest.delete(executionOfRequest.keys().next().value ?? '');
    },

    async executionChanged(arn, status, target = LOCAL_TARGET_ID, retry) {
      const waiting = Object.entries(get().byFunction).filter(
        ([, state]) => state.target === target && state.result !== null && state.result.durableExecutionArn === arn && isRunningDurable(state.result),
      );
      if (waiting.length === 0) return;
      if (status === 'RUNNING') {
        for (const [fn, state] of waiting) {
          if (state.result === null || (state.result.invocationRetry === undefined && retry === undefined)) continue;
          const { invocationRetry: _before, ...rest } = state.result;
          patch(fn, { result: retry === undefined ? rest : { ...rest, invocationRetry: retry } });
        }
        return;
      }
      let end: ExecutionDetail;
      try {
        end = await api().call('executions.get', { arn, ...onTarget(target) });
      } catch {
        return; // The panel keeps saying "running"; the execution view has the truth.
      }
      for (const [fn] of waiting) {
        const result = get().get(fn).result;
        // Another invoke may have replaced it meanwhile.
        if (result === null || result.durableExecutionArn !== arn || !isRunningDurable(result)) continue;
        const settled = settledDurableResult(result, end);
        if (settled !== null) patch(fn, { result: settled, followLogsUntil: Date.now() + FOLLOW_AFTER_END_MS });
      }
    },
  };
});

/** How often a durable execution started on AWS is asked for its end: AWS sends the studio no events. */
const AWS_FOLLOW_MS = 5_000;

/** Gives a durable result from an AWS target its execution's outcome once it ends, for as long as the panel still waits on it. */
function followOnAws(arn: string, target: string): void {
  const stillWaiting = () => Object.values(useInvoke.getState().byFunction).some((s) => s.target === target && s.result?.durableExecutionArn === arn && isRunningDurable(s.result));
  const tick = () => {
    if (!stillWaiting()) return;
    api()
      .call('executions.get', { arn, target })
      .then(
        (detail) => useInvoke.getState().executionChanged(arn, detail.Status, target),
        () => undefined,
      )
      .finally(() => {
        if (stillWaiting()) setTimeout(tick, AWS_FOLLOW_MS);
      });
  };
  setTimeout(tick, AWS_FOLLOW_MS);
}

let subscribed = false;

/**
 * Streams `invoke.log` lines into the running invocation of their function (and into a durable
 * result while its execution goes on), and gives a durable invoke that answered early its
 * execution's outcome when it ends. Called once at start-up.
 */
export function subscribeInvokeLogs(): () => void {
  if (subscribed) return () => {};
  subscribed = true;
  const offLogs = api().on('invoke.log', (event) => useInvoke.getState().appendLog(event.functionName, event.line, event.requestId));
  const offInvocations = api().on('invocations.changed', (event) => useInvoke.getState().invocationStarted(event));
  const offExecutions = api().on('executions.changed', (event) => void useInvoke.getState().executionChanged(event.durableExecutionArn, event.status, LOCAL_TARGET_ID, event.invocationRetry));
  return () => {
    subscribed = false;
    offLogs();
    offInvocations();
    offExecutions();
  };
}
