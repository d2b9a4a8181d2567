import type { FunctionSync } from '../local-run/function-sync.ts';
import { syncForRun } from '../local-run/sync-for-run.ts';
import type { DurableEngine } from '../durable/engine.ts';
import type { LocalLambdaService } from '../lambda/lambda-service.ts';
import type { FunctionStore } from '../workspace/function-store.ts';
import type { ScheduledEvent } from './scheduled-event.ts';

/**
 * Runs a function for its schedule as EventBridge does, asynchronously: the code as saved now, a
 * durable function as a new execution (Event invoke). The answer goes nowhere but the log.
 */
export function createScheduleDispatch(services: { functions: FunctionStore; sync: FunctionSync; lambda: LocalLambdaService; engine: DurableEngine }) {
  const { lambda, engine } = services;
  return async (functionName: string, event: ScheduledEvent): Promise<void> => {
    const config = await syncForRun(services, functionName);
    const payload = Buffer.from(JSON.stringify(event));
    if (config.durable?.enabled === true) {
      await engine.invokeDurable(
        { method: 'POST', path: `/2015-03-31/functions/${functionName}/invocations`, query: new URLSearchParams(), headers: { 'x-amz-invocation-type': 'Event' }, body: payload },
        { functionName, qualifier: '$LATEST', functionArn: lambda.functionArn(functionName), caller: 'schedule' },
      );
      return;
    }
    await lambda.invoke({ functionName, payload, caller: 'schedule' });
  };
}
