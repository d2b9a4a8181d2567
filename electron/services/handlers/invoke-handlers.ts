import type { InvokeResult } from '../../../shared/contract/invoke.ts';
import { shapeAnswer } from '../../../shared/rules/shape-answer.ts';
import type { FunctionConfig, InvokeTrigger } from '../../../shared/workspace/function-config.ts';
import type { DurableEngine } from '../durable/engine.ts';
import type { LocalLambdaService } from '../lambda/lambda-service.ts';
import { assertJson } from '../../../shared/json/assert-json.ts';
import type { TestEventsStore } from '../test-events/test-events-store.ts';
import type { FunctionStore } from '../workspace/function-store.ts';
import { runDurable } from '../local-run/durable-run.ts';
import type { FunctionSync } from '../local-run/function-sync.ts';
import type { Handlers } from './handler-table.ts';
import { syncForRun } from '../local-run/sync-for-run.ts';

type InvokeArea = Pick<Handlers, 'lambda.endpoint' | 'invoke.run' | 'testEvents.list' | 'testEvents.save' | 'testEvents.delete'>;

/** What running a workspace function needs. */
export interface InvokeServices {
  functions: FunctionStore;
  lambda: LocalLambdaService;
  engine: DurableEngine;
  sync: FunctionSync;
  testEvents: TestEventsStore;
}

/**
 * Brings a workspace function up to date in the local Lambda service (bundling its current
 * source) and runs it. The config and the payload are checked first, so a typo never reaches
 * the handler and a broken function.json is reported as such.
 */
async function runFunction(services: InvokeServices, functionName: string, payload: string, qualifier?: string): Promise<InvokeResult> {
  assertJson(payload, 'The event');
  const config = await syncForRun(services, functionName);
  const rules = config.triggers?.invoke;
  if (rules !== undefined && (rules.returns?.length ?? 0) + (rules.catches?.length ?? 0) > 0) {
    return shaped(await runUnshaped(services, config, functionName, payload, qualifier), rules, JSON.parse(payload) as unknown, functionName);
  }
  return runUnshaped(services, config, functionName, payload, qualifier);
}

/**
 * The result after the function's `triggers.invoke` rules: a result reshaped by `returns`, an
 * error caught by `catches` turned into a success; a durable execution still running is left as it is.
 */
function shaped(result: InvokeResult, rules: InvokeTrigger, event: unknown, functionName: string): InvokeResult {
  if (result.statusCode === 202) return result;
  const answer = shapeAnswer(rules, { payload: result.payload, failed: result.functionError !== undefined }, { event, context: { functionName, requestId: result.requestId, trigger: 'invoke' } });
  const { functionError: _previous, ...rest } = result;
  return { ...rest, payload: answer.payload, ...(answer.failed ? { functionError: result.functionError ?? 'Unhandled' } : {}) };
}

async function runUnshaped(services: InvokeServices, config: FunctionConfig, functionName: string, payload: string, qualifier?: string): Promise<InvokeResult> {
  if (config.durable?.enabled === true) {
    return runDurable(services, { functionName, payload, ...(qualifier === undefined ? {} : { qualifier }) });
  }
  const result = await services.lambda.invoke({ functionName, payload, caller: 'panel', ...(qualifier === undefined ? {} : { qualifier }) });
  const functionError = result.errorType === undefined ? undefined : result.runtimeFailure ? result.errorType : 'Unhandled';
  return {
    requestId: result.requestId,
    statusCode: 200,
    ...(functionError === undefined ? {} : { functionError }),
    payload: result.payload.toString('utf8'),
    executedVersion: result.executedVersion,
    logs: result.logs,
    report: {
      durationMs: result.durationMs,
      billedDurationMs: result.billedDurationMs,
      memorySizeMb: config.memorySize,
      maxMemoryUsedMb: result.maxMemoryUsedMb,
      ...(result.initDurationMs === undefined ? {} : { initDurationMs: result.initDurationMs }),
    },
    ...(result.durableExecutionArn === undefined ? {} : { durableExecutionArn: result.durableExecutionArn }),
  };
}

/** The invoke area of the contract: the local endpoint, running functions, saved test events. */
export function createInvokeHandlers(services: InvokeServices): InvokeArea {
  const { lambda, testEvents, functions } = services;
  return {
    'lambda.endpoint': async () => ({ endpoint: lambda.endpoint, region: lambda.region, ...lambda.credentials }),
    'invoke.run': ({ functionName, payload, qualifier }) => runFunction(services, functionName, payload, qualifier),
    'testEvents.list': async ({ functionName }) => {
      await functions.folderOf(functionName);
      return testEvents.list(functionName);
    },
    'testEvents.save': async ({ functionName, event }) => {
      await functions.folderOf(functionName);
      await testEvents.save(functionName, event);
      return { ok: true };
    },
    'testEvents.delete': async ({ functionName, name }) => {
      await testEvents.remove(functionName, name);
      return { ok: true };
    },
  };
}
