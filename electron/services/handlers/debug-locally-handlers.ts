import { functionOfExecutionArn } from '../../../shared/arn/function-arn.ts';
import { StudioError } from '../../../shared/contract/errors.ts';
import { HistoryEvent } from '../../../shared/contract/executions.ts';
import { LOCAL_TARGET_ID } from '../../../shared/contract/targets.ts';
import type { FunctionConfig } from '../../../shared/workspace/function-config.ts';
import { z } from 'zod';
import type { DurableEngine } from '../durable/engine.ts';
import { HistoryReplayError, historyToReplaySeed, type ReplaySeed } from '../durable/history-replay.ts';
import type { Handlers } from './handler-table.ts';
import { type LambdaApiCall, label } from '../lambda-client/lambda-api-client.ts';

type DebugLocallyArea = Pick<Handlers, 'executions.debugLocally'>;

/** Reads a recorded execution's whole history, oldest first, payloads included, from the target that holds it. */
export type HistoryOf = (arn: string, target: string | undefined) => Promise<HistoryEvent[]>;

/** What replaying a recorded execution on the local target needs. */
export interface DebugLocallyServices {
  /** Brings the workspace function up to date in the local service (building its current source); its config. */
  prepare(functionName: string): Promise<FunctionConfig>;
  engine: Pick<DurableEngine, 'startSeeded'>;
  historyOf: HistoryOf;
}

const HistoryPage = z.object({ Events: z.array(HistoryEvent).optional(), NextMarker: z.string().nullish() });

/**
 * GetDurableExecutionHistory through the local service's Lambda API, all pages. Records on
 * other targets are read by the `HistoryOf` that the targets' clients provide.
 */
export function historyFromLocal(call: LambdaApiCall): HistoryOf {
  return async (arn, target) => {
    if (target !== undefined && target !== LOCAL_TARGET_ID) {
      throw new StudioError('UNAVAILABLE', `Reading executions from the target "${target}" is not available in this build; only local executions can be debugged locally.`);
    }
    const events: HistoryEvent[] = [];
    let marker: string | undefined;
    do {
      const reply = await call({
        method: 'GET',
        path: `/2025-12-01/durable-executions/${label(arn)}/history`,
        query: { IncludeExecutionData: 'true', MaxItems: '1000', Marker: marker },
      });
      const page = HistoryPage.safeParse(reply.body);
      if (!page.success) throw new StudioError('INTERNAL', 'The Lambda API answered GetDurableExecutionHistory in an unexpected shape.', page.error.message);
      events.push(...(page.data.Events ?? []));
      marker = page.data.NextMarker ?? undefined;
    } while (marker !== undefined);
    return events;
  };
}

/** The function part of an execution ARN (`arn:aws:lambda:<region>:<account>:function:<name>:<qualifier>/durable-execution/...`). */
function functionNameOf(arn: string): string {
  const name = functionOfExecutionArn(arn);
  if (name === undefined) throw new StudioError('BAD_INPUT', `${arn} is not a durable execution ARN.`);
  return name;
}

/** The seed a history gives; a history that cannot seed an execution is the caller's to fix. */
function seedOf(events: HistoryEvent[]): ReplaySeed {
  try {
    return historyToReplaySeed(events);
  } catch (error) {
    if (error instanceof HistoryReplayError) throw new StudioError('BAD_INPUT', error.message);
    throw error;
  }
}

/**
 * `executions.debugLocally`: a new local execution of the workspace function named like the
 * recorded execution's function, starting from the record's operations (see
 * `historyToReplaySeed`); the record itself is only read.
 */
export function createDebugLocallyHandlers(services: DebugLocallyServices): DebugLocallyArea {
  return {
    'executions.debugLocally': async ({ arn, target }) => {
      const functionName = functionNameOf(arn);
      let config: FunctionConfig;
      try {
        config = await services.prepare(functionName);
      } catch (error) {
        if (error instanceof StudioError && error.code === 'NOT_FOUND') {
          throw new StudioError(
            'NOT_FOUND',
            `There is no function "${functionName}" in this workspace. Debugging locally runs the workspace function with the same name as the execution's function.`,
            error.details,
            { cause: error },
          );
        }
        throw error;
      }
      if (config.durable?.enabled !== true) {
        throw new StudioError('BAD_INPUT', `${functionName} is not durable in this workspace; turn durable execution on in its function.json to debug its executions locally.`);
      }
      const events = await services.historyOf(arn, target);
      const execution = await services.engine.startSeeded({ functionName, seed: seedOf(events), replayOf: arn });
      return { arn: execution.arn };
    },
  };
}
