import { GetDurableExecutionCommand, GetFunctionConfigurationCommand, InvokeCommand } from '@aws-sdk/client-lambda';
import type { InvokeResult } from '../../../shared/contract/invoke.ts';
import { parseReportLine } from '../invoke/parse-report.ts';
import { assertJson } from '../../../shared/json/assert-json.ts';
import { LIVE_ALIAS } from './deploy-steps.ts';
import type { TargetService } from './target-service.ts';

/** How long an invoke of a durable function waits for its execution to close before answering RUNNING. */
export const AWS_DURABLE_ANSWER_WAIT_MS = 5_000;

const decode = (bytes: Uint8Array | undefined): string => new TextDecoder().decode(bytes ?? new Uint8Array());

/** Lambda's log tail is the last 4 KB of the invocation's log, base64. */
function tailLines(logResult: string | undefined): string[] {
  if (logResult === undefined || logResult === '') return [];
  return Buffer.from(logResult, 'base64').toString('utf8').split('\n').filter((line) => line.trim() !== '');
}

/**
 * Invokes a function deployed to an AWS target, through alias `live` unless told otherwise.
 * A plain function runs synchronously with the log tail and its REPORT figures. A durable one is
 * started as an Event invoke (an execution may wait for days) and watched for a short while with
 * growing pauses, so a quick execution still answers with its result.
 */
export async function invokeOnAws(
  targets: TargetService,
  input: { target: string; functionName: string; payload: string; qualifier?: string; waitMs?: number },
): Promise<InvokeResult> {
  assertJson(input.payload, 'The event');
  const { lambda, target } = await targets.awsClients(input.target);
  const qualifier = input.qualifier ?? LIVE_ALIAS;
  const send = <T>(action: string, work: () => Promise<T>) => targets.attempt(target, action, work);
  const config = await send('lambda:GetFunctionConfiguration', () =>
    lambda.send(new GetFunctionConfigurationCommand({ FunctionName: input.functionName, Qualifier: qualifier })),
  );
  const durable = config.DurableConfig !== undefined;
  const reply = await send('lambda:InvokeFunction', () =>
    lambda.send(
      new InvokeCommand({
        FunctionName: input.functionName,
        Qualifier: qualifier,
        Payload: new TextEncoder().encode(input.payload),
        InvocationType: durable ? 'Event' : 'RequestResponse',
        ...(durable ? {} : { LogType: 'Tail' }),
      }),
    ),
  );
  const requestId = reply.$metadata.requestId ?? '';
  const logs = tailLines(reply.LogResult);
  const report = logs.map(parseReportLine).find((r) => r !== undefined);
  const base = {
    requestId,
    statusCode: reply.StatusCode ?? 200,
    ...(reply.ExecutedVersion === undefined ? {} : { executedVersion: reply.ExecutedVersion }),
    logs,
    ...(report === undefined ? {} : { report }),
  };
  if (!durable) {
    return { ...base, ...(reply.FunctionError === undefined ? {} : { functionError: reply.FunctionError }), payload: decode(reply.Payload) };
  }
  const arn = reply.DurableExecutionArn;
  if (arn === undefined) return { ...base, payload: decode(reply.Payload) };
  const deadline = Date.now() + (input.waitMs ?? AWS_DURABLE_ANSWER_WAIT_MS);
  let pause = 200;
  for (;;) {
    const execution = await send('lambda:GetDurableExecution', () => lambda.send(new GetDurableExecutionCommand({ DurableExecutionArn: arn, IncludeExecutionData: true })));
    const closed = { ...base, requestId: requestId || (arn.split('/').at(-1) ?? arn), durableExecutionArn: arn };
    if (execution.Status === 'SUCCEEDED') return { ...closed, statusCode: 200, payload: execution.Result ?? 'null' };
    if (execution.Status !== 'RUNNING' && execution.Status !== undefined) {
      return {
        ...closed,
        statusCode: 200,
        functionError: 'Unhandled',
        payload: JSON.stringify({
          errorType: execution.Error?.ErrorType ?? `Execution${execution.Status}`,
          errorMessage: execution.Error?.ErrorMessage ?? `The durable execution ended ${execution.Status}.`,
        }),
      };
    }
    if (Date.now() + pause > deadline) return { ...closed, statusCode: 202, payload: JSON.stringify({ DurableExecutionArn: arn, Status: 'RUNNING' }) };
    await new Promise((resolve) => setTimeout(resolve, pause));
    pause = Math.min(pause * 2, 2_000);
  }
}
