// Many durable executions of a few steps at once: the studio (each execution through the Lambda
// API, its sandbox and the engine) against the SDK floor at the same concurrency (the same
// wrapped handler called that many times at once in this process, against a stub endpoint).
import { InvokeCommand } from '@aws-sdk/client-lambda';
import { Agent } from 'node:http';
import type { DurableEngine } from '../electron/services/durable/engine.ts';
import { lambdaClientOf } from './bench-servers.ts';
import { type Body, durableFloor, expected } from './durable-floor.ts';

/** Steps per second over the whole run, and this process's most RSS while it ran. */
export interface ConcurrentFigures {
  ms: number;
  stepsPerSecond: number;
  peakRss: number;
}

async function measured(count: number, steps: number, run: () => Promise<void>): Promise<ConcurrentFigures> {
  let peakRss = process.memoryUsage().rss;
  const sampler = setInterval(() => (peakRss = Math.max(peakRss, process.memoryUsage().rss)), 50);
  const start = performance.now();
  try {
    await run();
  } finally {
    clearInterval(sampler);
  }
  const ms = performance.now() - start;
  return { ms, stepsPerSecond: (count * steps * 1000) / ms, peakRss: Math.max(peakRss, process.memoryUsage().rss) };
}

/** `count` executions of `functionName` ({ steps }) started at once through the studio's Lambda API, until all closed. */
export async function studioConcurrent(
  service: { endpoint: string; region: string; credentials: { accessKeyId: string; secretAccessKey: string } },
  engine: DurableEngine,
  functionName: string,
  count: number,
  steps: number,
): Promise<ConcurrentFigures> {
  const client = lambdaClientOf(service, { requestHandler: { httpAgent: new Agent({ keepAlive: true, maxSockets: count }) } });
  try {
    return await measured(count, steps, async () => {
      const arns = await Promise.all(
        Array.from({ length: count }, async (_, i) => {
          const out = await client.send(new InvokeCommand({ FunctionName: `${functionName}:$LATEST`, InvocationType: 'Event', Payload: JSON.stringify({ steps }), DurableExecutionName: `many-${i}` }));
          if (out.DurableExecutionArn === undefined) throw new Error('Invoke returned no DurableExecutionArn');
          return out.DurableExecutionArn;
        }),
      );
      const closed = await Promise.all(arns.map((arn) => engine.waitForClose(arn, 600_000)));
      const wrong = closed.filter((exec) => exec?.status !== 'SUCCEEDED' || Number(exec.result) !== expected(steps));
      if (wrong.length > 0) throw new Error(`${wrong.length} executions did not succeed with ${expected(steps)}`);
    });
  } finally {
    client.destroy();
  }
}

/** The same handler body wrapped by the SDK, called `count` times at once against a stub checkpoint endpoint on `port`. */
export async function floorConcurrent(port: number, body: Body, count: number, steps: number): Promise<ConcurrentFigures> {
  const floor = durableFloor(port, body, count);
  try {
    return await measured(count, steps, async () => {
      await Promise.all(
        Array.from({ length: count }, async (_, i) => {
          await floor.run(`arn:aws:lambda:us-east-1:000000000000:function:bench:$LATEST/durable-execution/many-${i}/00000000-0000-0000-0000-${String(i).padStart(12, '0')}`, steps);
        }),
      );
    });
  } finally {
    floor.destroy();
  }
}
