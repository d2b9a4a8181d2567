import { CreateAliasCommand, PublishVersionCommand, SendDurableExecutionCallbackFailureCommand, SendDurableExecutionCallbackSuccessCommand, StopDurableExecutionCommand } from '@aws-sdk/client-lambda';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { applyUpdates } from './checkpoint.ts';
import type { HistoryEvent } from './history.ts';
import { insertExecution } from './lifecycle.ts';
import type { DurableHarness } from './test-support.ts';

/** One execution's stored history (the events exactly as GetDurableExecutionHistory sends them). */
export type Histories = Record<string, HistoryEvent[]>;

/** Deploys what the scenarios run. */
export async function deployScenarioFunctions(h: DurableHarness): Promise<void> {
  await Promise.all([
    h.deploy('shapes', 'history-shapes.mjs'),
    h.deploy('retry', 'retry.mjs'),
    h.deploy('approval', 'callback.mjs'),
    h.deploy('cb', 'create-callback.mjs'),
    h.deploy('parent', 'invoke-parent.mjs'),
    h.deploy('plain', 'plain.mjs', { durable: false }),
    h.deploy('child', 'child-durable.mjs'),
    h.deploy('hour', 'long-wait.mjs'),
    h.deploy('short-lived', 'long-wait.mjs', { executionTimeout: 1 }),
  ]);
  const version = await h.client.send(new PublishVersionCommand({ FunctionName: 'child' }));
  await h.client.send(new CreateAliasCommand({ FunctionName: 'child', Name: 'live', FunctionVersion: version.Version ?? '1' }));
}

const raw = (h: DurableHarness, arn: string): HistoryEvent[] => h.engine.store.events(arn, 1, 1_000_000, false);

async function callbackIdOf(h: DurableHarness, arn: string): Promise<string> {
  const id = (await h.waitForEvent(arn, 'CallbackStarted')).CallbackStartedDetails?.CallbackId;
  if (id === undefined) throw new Error('CallbackStarted without CallbackId');
  return id;
}

/** Skips the execution's next timer once the current invocation has ended (so the skip is what resumes it). */
async function skipAfter(h: DurableHarness, arn: string, eventType: string): Promise<void> {
  await h.waitForEvent(arn, eventType);
  await h.waitForEvent(arn, 'InvocationCompleted');
  if ((await h.engine.skip(arn)) === undefined) throw new Error(`nothing to skip after ${eventType}`);
}

/** The child execution a parent's chained invoke started. */
async function childOf(h: DurableHarness, parentArn: string): Promise<string> {
  for (;;) {
    const started = raw(h, parentArn).find((e) => e['EventType'] === 'ChainedInvokeStarted');
    const arn = (started?.['ChainedInvokeStartedDetails'] as { DurableExecutionArn?: string } | undefined)?.DurableExecutionArn;
    if (arn !== undefined) return arn;
    await new Promise((r) => setTimeout(r, 50));
  }
}

/**
 * WAIT CANCEL, which the SDK never sends: applied as a checkpoint would, on an execution that
 * is never invoked.
 */
function cancelledWait(h: DurableHarness): HistoryEvent[] {
  const { store } = h.engine;
  const start = { region: h.service.region, accountId: h.service.accountId, functionName: 'hour', version: '$LATEST', input: '{}', timeoutSeconds: 60, retentionDays: 1 };
  const { execution } = insertExecution(store, { ...start, functionArn: h.service.functionArn('hour', '$LATEST') }, Date.now());
  store.tx(() => applyUpdates(store, execution, [{ Id: 'w1', Type: 'WAIT', Action: 'START', Name: 'w', SubType: 'Wait', WaitOptions: { WaitSeconds: 60 } }], Date.now()));
  store.tx(() => applyUpdates(store, execution, [{ Id: 'w1', Type: 'WAIT', Action: 'CANCEL', Error: { ErrorType: 'Cancelled', ErrorMessage: 'no longer needed' } }], Date.now()));
  return raw(h, execution.arn);
}

/**
 * Runs every scenario at once, each to its end, and returns their histories by scenario name
 * (a parent and its child execution as `<name>` and `<name>.child`).
 */
export async function runScenarios(h: DurableHarness): Promise<Histories> {
  const scenarios: Record<string, () => Promise<Histories>> = {
    shapes: async () => {
      const arn = await h.start('shapes');
      await skipAfter(h, arn, 'WaitStarted');
      await h.finish(arn);
      return { shapes: raw(h, arn) };
    },
    retry: async () => {
      const counterFile = join(mkdtempSync(join(tmpdir(), 'shapes-retry-')), 'count');
      const arn = await h.start('retry', { counterFile, failTimes: 1, maxAttempts: 3, delaySeconds: 3600 });
      await skipAfter(h, arn, 'StepFailed');
      await h.finish(arn);
      return { retry: raw(h, arn) };
    },
    callback: async () => {
      const arn = await h.start('approval', { timeout: 60, heartbeat: 30 });
      const id = await callbackIdOf(h, arn);
      await h.client.send(new SendDurableExecutionCallbackSuccessCommand({ CallbackId: id, Result: Buffer.from('yes') }));
      await h.finish(arn);
      return { callback: raw(h, arn) };
    },
    callbackFailed: async () => {
      const arn = await h.start('cb', {});
      const id = await callbackIdOf(h, arn);
      await h.client.send(new SendDurableExecutionCallbackFailureCommand({ CallbackId: id, Error: { ErrorType: 'Rejected', ErrorMessage: 'no' } }));
      await h.finish(arn);
      return { callbackFailed: raw(h, arn) };
    },
    callbackTimeout: async () => {
      const arn = await h.start('cb', { timeout: 3600 });
      await skipAfter(h, arn, 'CallbackStarted');
      await h.finish(arn);
      return { callbackTimeout: raw(h, arn) };
    },
    heartbeatTimeout: async () => {
      const arn = await h.start('approval', { timeout: 3600, heartbeat: 1800 });
      await skipAfter(h, arn, 'CallbackStarted');
      await h.finish(arn);
      return { heartbeatTimeout: raw(h, arn) };
    },
    chainedPlain: async () => {
      const arn = await h.start('parent', { target: 'plain', input: { a: 1 } });
      await h.finish(arn);
      return { chainedPlain: raw(h, arn) };
    },
    chainedFailed: async () => {
      const arn = await h.start('parent', { target: 'plain', input: { fail: true } });
      await h.finish(arn);
      return { chainedFailed: raw(h, arn) };
    },
    chainedAlias: async () => {
      const arn = await h.start('parent', { target: 'child:live', input: { n: 2 } });
      const child = await childOf(h, arn);
      await h.finish(arn);
      return { chainedAlias: raw(h, arn), 'chainedAlias.child': raw(h, child) };
    },
    chainedTimedOut: async () => {
      const arn = await h.start('parent', { target: 'short-lived:$LATEST', input: {} });
      const child = await childOf(h, arn);
      await h.finish(arn);
      return { chainedTimedOut: raw(h, arn), 'chainedTimedOut.child': raw(h, child) };
    },
    chainedStopped: async () => {
      const arn = await h.start('parent', { target: 'hour', input: {} });
      const child = await childOf(h, arn);
      await h.waitForEvent(child, 'WaitStarted');
      await h.client.send(new StopDurableExecutionCommand({ DurableExecutionArn: child, Error: { ErrorType: 'Manual', ErrorMessage: 'stopped' } }));
      await h.finish(arn);
      return { chainedStopped: raw(h, arn), 'chainedStopped.child': raw(h, child) };
    },
  };
  const results = await Promise.all(Object.values(scenarios).map((run) => run()));
  return Object.assign({ waitCancelled: cancelledWait(h) }, ...results) as Histories;
}
