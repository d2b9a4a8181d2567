import type { SandboxInvoker } from '../lambda/durable-hooks.ts';
import { parseFunctionIdentifier } from './arns.ts';
import type { ChainedInvokeRequest } from './checkpoint.ts';
import type { StartExecutionInput } from './lifecycle.ts';
import { completeChainedInvoke } from './service-events.ts';
import type { DurableStore, ExecutionRow } from './store.ts';
import type { ErrorObject } from './wire.ts';

/** What running a chained invoke needs from the engine. */
export interface ChainedInvokeDeps {
  store: DurableStore;
  invoker: SandboxInvoker;
  region: string;
  accountId: string;
  now(): number;
  isClosed(): boolean;
  changed(arn: string): void;
  startExecution(input: Omit<StartExecutionInput, 'region' | 'accountId'>): { execution: ExecutionRow; created: boolean };
}

/** Lambda's function error document (`{errorType, errorMessage}`) as an ErrorObject, without stack or data. */
function functionErrorOf(text: string, fallbackType: string): ErrorObject {
  try {
    const doc = JSON.parse(text) as { errorType?: unknown; errorMessage?: unknown };
    return { ErrorType: typeof doc.errorType === 'string' ? doc.errorType : fallbackType, ErrorMessage: typeof doc.errorMessage === 'string' ? doc.errorMessage : text };
  } catch {
    return { ErrorType: fallbackType, ErrorMessage: text };
  }
}

/**
 * Starts what a CHAINED_INVOKE names. A durable target becomes a child execution whose end
 * completes the operation (see the engine's `executionClosed`); a plain function runs once
 * and its response or error completes the operation directly.
 */
export async function runChainedInvoke(deps: ChainedInvokeDeps, arn: string, r: ChainedInvokeRequest): Promise<void> {
  const complete = (outcome: Parameters<typeof completeChainedInvoke>[3]): void => {
    if (deps.isClosed()) return;
    if (completeChainedInvoke(deps.store, arn, r.opId, outcome, deps.now())) deps.changed(arn);
  };
  const target = parseFunctionIdentifier(r.functionName);
  if (target === undefined) {
    complete({ status: 'FAILED', error: { ErrorType: 'InvalidParameterValueException', ErrorMessage: `${r.functionName} is not a function name or ARN.` } });
    return;
  }
  let config: Awaited<ReturnType<SandboxInvoker['durableConfigOf']>>;
  let version: string;
  try {
    config = await deps.invoker.durableConfigOf(target.functionName, target.qualifier);
    version = await deps.invoker.versionOf(target.functionName, target.qualifier);
  } catch (error) {
    complete({ status: 'FAILED', error: { ErrorType: 'ResourceNotFoundException', ErrorMessage: (error as Error).message } });
    return;
  }
  if (deps.isClosed()) return;
  const parent = deps.store.getExecution(arn);
  if (parent === undefined || parent.status !== 'RUNNING') return;
  // The started event is written inside the checkpoint, before the target is resolved; it
  // learns the version (and a durable target's execution) here, as soon as they are known.
  const patchStarted = (details: Record<string, unknown>): void =>
    deps.store.patchEventDetails(arn, (e) => e['EventType'] === 'ChainedInvokeStarted' && e['Id'] === r.opId, 'ChainedInvokeStartedDetails', details);
  if (config !== null) {
    // A durable target stays on the version its alias (or $LATEST) pointed at when it started.
    const { execution } = deps.startExecution({
      functionName: target.functionName,
      version,
      functionArn: `arn:aws:lambda:${deps.region}:${deps.accountId}:function:${target.functionName}:${version}`,
      input: r.payload ?? '{}',
      timeoutSeconds: config.executionTimeout,
      retentionDays: config.retentionPeriodInDays,
      parentArn: arn,
      parentOpId: r.opId,
    });
    patchStarted({ ExecutedVersion: version, DurableExecutionArn: execution.arn });
    deps.changed(execution.arn);
    return;
  }
  patchStarted({ ExecutedVersion: version });
  try {
    const outcome = await deps.invoker.invokeSandbox({
      functionName: target.functionName,
      ...(target.qualifier !== undefined ? { qualifier: target.qualifier } : {}),
      payload: Buffer.from(r.payload ?? '{}'),
    });
    const text = outcome.payload.toString('utf8');
    if (outcome.functionError !== undefined) complete({ status: 'FAILED', error: functionErrorOf(text, outcome.functionError) });
    else complete({ status: 'SUCCEEDED', result: text });
  } catch (error) {
    complete({ status: 'FAILED', error: { ErrorType: 'ServiceException', ErrorMessage: (error as Error).message } });
  }
}
