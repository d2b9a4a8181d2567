import { StudioError } from '../../../shared/contract/errors.ts';
import { shapeAnswer } from '../../../shared/rules/shape-answer.ts';
import type { UrlCors } from '../../../shared/workspace/url-cors.ts';
import { runDurable } from '../local-run/durable-run.ts';
import type { FunctionSync } from '../local-run/function-sync.ts';
import { syncForRun } from '../local-run/sync-for-run.ts';
import type { DurableEngine } from '../durable/engine.ts';
import type { LocalLambdaService } from '../lambda/lambda-service.ts';
import type { FunctionStore } from '../workspace/function-store.ts';
import type { UrlDispatch } from './function-url-server.ts';

/** What running a workspace function behind its URL needs. */
export interface UrlDispatchServices {
  functions: FunctionStore;
  sync: FunctionSync;
  lambda: LocalLambdaService;
  engine: DurableEngine;
}

/**
 * Runs the workspace function a request names, as it is on disk now (saved code is bundled
 * before it runs, so the next request after a save runs the new code). A function whose HTTP
 * endpoint is off is not found, as a function without a URL is not reachable on AWS.
 */
export function createUrlDispatch(services: UrlDispatchServices): UrlDispatch {
  const { functions, lambda, engine } = services;
  return async (functionName, event) => {
    const detail = await functions.get(functionName);
    const http = detail.config?.triggers?.http;
    if (detail.config !== null && http?.enabled !== true) {
      throw new StudioError('NOT_FOUND', `${functionName} has no HTTP endpoint. Turn on "HTTP endpoint" in its settings (function.json: triggers.http.enabled).`);
    }
    const config = await syncForRun(services, functionName, detail);
    const cors = config.triggers?.http?.cors;
    const payload = JSON.stringify(event);
    // The trigger's returns and catches rules shape the answer before it is mapped to the response.
    const shaped = (answer: { payload: string; failed: boolean }, requestId: string) =>
      shapeAnswer(config.triggers?.http, answer, { event, context: { functionName, requestId, trigger: 'http' } });
    if (config.durable?.enabled !== true) {
      const result = await lambda.invoke({ functionName, payload, caller: 'url' });
      return { kind: 'answer', cors, ...shaped({ payload: result.payload.toString('utf8'), failed: result.errorType !== undefined }, result.requestId) };
    }
    const trigger = config.triggers?.http ?? { invocationType: 'RequestResponse' as const, maxWaitSeconds: 30 };
    if (trigger.invocationType === 'Event') {
      const started = await engine.invokeDurable(
        { method: 'POST', path: `/2015-03-31/functions/${functionName}/invocations`, query: new URLSearchParams(), headers: { 'x-amz-invocation-type': 'Event' }, body: Buffer.from(payload) },
        { functionName, qualifier: '$LATEST', functionArn: lambda.functionArn(functionName), caller: 'url' },
      );
      const arn = started.headers?.['x-amz-durable-execution-arn'];
      if (arn === undefined) throw new Error(`The durable engine started no execution for ${functionName}.`);
      return { kind: 'running', executionArn: arn, cors };
    }
    const result = await runDurable({ lambda, engine, waitMs: trigger.maxWaitSeconds * 1000 }, { functionName, payload, caller: 'url' });
    if (result.statusCode === 202 && result.durableExecutionArn !== undefined) return { kind: 'running', executionArn: result.durableExecutionArn, cors };
    return { kind: 'answer', cors, ...shaped({ payload: result.payload, failed: result.functionError !== undefined }, result.requestId) };
  };
}

/**
 * The CORS settings of a function whose URL is served, read from function.json as it is now. A
 * function that is missing, off or whose file does not read has none here: the request then goes
 * on to the dispatch, which answers with what is wrong.
 */
export function createUrlCorsLookup(functions: FunctionStore): (functionName: string) => Promise<UrlCors | undefined> {
  return async (functionName) => {
    const detail = await functions.get(functionName).catch(() => undefined);
    const http = detail?.config?.triggers?.http;
    return http?.enabled === true ? http.cors : undefined;
  };
}
