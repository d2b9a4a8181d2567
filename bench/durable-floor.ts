// The durable SDK floor: a handler body wrapped by the official SDK and called in this process, as
// a sandbox would call it at an execution's start, against a checkpoint endpoint that answers at
// once (stub-checkpoint-server.ts). What the SDK itself costs, with nothing of the studio.
import { DurableExecutionApiClient, withDurableExecution } from '@aws/durable-execution-sdk-js';
import type { Context } from 'aws-lambda';
import { Agent } from 'node:http';
import { lambdaClientOf } from './bench-servers.ts';

/** The benches' handler body: `steps` steps, the i-th returning i, summed. */
export type Body = (event: { steps: number }, context: { step: (name: string, fn: () => Promise<number>) => Promise<number> }) => Promise<number>;

/** What the body returns for `steps` steps. */
export const expected = (steps: number) => (steps * (steps - 1)) / 2;

export interface DurableFloor {
  /** Runs one execution of `steps` steps under `arn` to its end; throws unless it succeeded with the expected sum. */
  run(arn: string, steps: number): Promise<void>;
  destroy(): void;
}

const lambdaContext = { awsRequestId: 'bench', getRemainingTimeInMillis: () => 300_000 } as unknown as Context;

/** `body` wrapped by the SDK, checkpointing to the stub on `port` through up to `maxSockets` sockets (the SDK client's own agent when not given). */
export function durableFloor(port: number, body: Body, maxSockets?: number): DurableFloor {
  const stubClient = lambdaClientOf(
    { endpoint: `http://127.0.0.1:${port}`, region: 'us-east-1', credentials: { accessKeyId: 'bench', secretAccessKey: 'bench' } },
    maxSockets === undefined ? {} : { requestHandler: { httpAgent: new Agent({ keepAlive: true, maxSockets }) } },
  );
  const wrapped = withDurableExecution(body, { durableExecutionClient: new DurableExecutionApiClient(stubClient) });
  return {
    async run(arn, steps) {
      const out = await wrapped(
        {
          DurableExecutionArn: arn,
          CheckpointToken: 't0',
          InitialExecutionState: {
            Operations: [{ Id: 'execution', Type: 'EXECUTION', Status: 'STARTED', StartTimestamp: new Date(), ExecutionDetails: { InputPayload: JSON.stringify({ steps }) } }],
          },
        } as unknown as Parameters<typeof wrapped>[0],
        lambdaContext,
      );
      if (out.Status !== 'SUCCEEDED' || Number(out.Result) !== expected(steps)) throw new Error(`unexpected floor output: ${JSON.stringify(out).slice(0, 300)}`);
    },
    destroy: () => stubClient.destroy(),
  };
}
