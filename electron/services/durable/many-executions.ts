import { GetDurableExecutionHistoryCommand, InvokeCommand, LambdaClient, SendDurableExecutionCallbackSuccessCommand } from '@aws-sdk/client-lambda';
import { once } from 'node:events';
import { Agent, createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { forwardExecutionChanges } from '../studio/execution-events.ts';
import { startDurableHarness } from './test-support.ts';

/** What a run of many executions at once measured. */
export interface ManyExecutionsFigures {
  count: number;
  /** Executions that ended SUCCEEDED with the expected result. */
  succeeded: number;
  /** From the first start to the last end, ms. */
  totalMs: number;
  /** Each execution's start to end, ms, ascending. */
  completionMs: number[];
  /** Each execution's start to its first invocation's first operation, ms, ascending. */
  firstInvocationMs: number[];
  /** When the last first invocation began and when the median execution ended, ms after the first start. */
  lastFirstInvocationAt: number;
  medianEndAt: number;
  /** Most sandboxes alive at once. */
  peakSandboxes: number;
  /** RSS of this process (the engine and the service) before, and the most sampled during the run, bytes. */
  rssBefore: number;
  rssPeak: number;
  /** Changes the engine made, and `executions.changed` events the renderer's side received. */
  engineChanges: number;
  rendererEvents: number;
}

const sampleEveryMs = 100;

/**
 * Runs `count` executions of test-handlers/many-at-once.mjs together in the real service and
 * engine (process sandboxes, signed HTTP, SQLite), answering each callback when its id arrives,
 * and measures how they shared the sandboxes.
 */
export async function runManyExecutions(count: number, options: { timeoutMs?: number } = {}): Promise<ManyExecutionsFigures> {
  const h = await startDurableHarness();
  // Starts and answers go out together, as from many callers: more sockets than the SDK's default 50.
  const client = new LambdaClient({
    endpoint: h.service.endpoint,
    region: h.service.region,
    credentials: h.service.credentials,
    maxAttempts: 1,
    requestHandler: { httpAgent: new Agent({ keepAlive: true, maxSockets: 256 }) },
  });
  const start = async (i: number): Promise<string> => {
    const out = await client.send(new InvokeCommand({ FunctionName: 'many:$LATEST', InvocationType: 'Event', Payload: JSON.stringify({ i, callbackUrl }), DurableExecutionName: `many-${i}` }));
    if (out.DurableExecutionArn === undefined) throw new Error('Invoke returned no DurableExecutionArn');
    return out.DurableExecutionArn;
  };
  const answering: Array<Promise<unknown>> = [];
  const receiver = createServer((request, response) => {
    let body = '';
    request.on('data', (chunk: Buffer) => (body += chunk.toString()));
    request.on('end', () => {
      response.end();
      answering.push(client.send(new SendDurableExecutionCallbackSuccessCommand({ CallbackId: body, Result: new TextEncoder().encode(JSON.stringify('approved')) })));
    });
  });
  receiver.listen(0, '127.0.0.1');
  await once(receiver, 'listening');
  const callbackUrl = `http://127.0.0.1:${(receiver.address() as AddressInfo).port}/`;

  let engineChanges = 0;
  let rendererEvents = 0;
  const offEngine = h.engine.onExecutionChanged(() => (engineChanges += 1));
  const offRenderer = forwardExecutionChanges(h.engine, { emit: () => (rendererEvents += 1) });
  let peakSandboxes = 0;
  const rssBefore = process.memoryUsage().rss;
  let rssPeak = rssBefore;
  const sampler = setInterval(() => {
    peakSandboxes = Math.max(peakSandboxes, Object.values(h.service.sandboxStats()).reduce((sum, n) => sum + n, 0));
    rssPeak = Math.max(rssPeak, process.memoryUsage().rss);
  }, sampleEveryMs);
  try {
    await h.deploy('many', 'many-at-once.mjs', { timeout: 60, executionTimeout: 3600 });
    const started = performance.now();
    const arns = await Promise.all(Array.from({ length: count }, (_, i) => start(i)));
    const closed = await Promise.all(arns.map((arn) => h.engine.waitForClose(arn, options.timeoutMs ?? 600_000)));
    const totalMs = performance.now() - started;
    await Promise.all(answering);

    let succeeded = 0;
    const timings = await Promise.all(
      arns.map(async (arn, i) => {
        const exec = closed[i];
        const expected = i + 12;
        if (exec?.status === 'SUCCEEDED' && exec.result !== null && (JSON.parse(exec.result) as { total: number }).total === expected) succeeded += 1;
        // About twenty events each: one page holds them.
        const events = (await client.send(new GetDurableExecutionHistoryCommand({ DurableExecutionArn: arn, MaxItems: 1000 }))).Events ?? [];
        const at = (type: string) => events.find((e) => e.EventType === type)?.EventTimestamp?.getTime() ?? NaN;
        const startMs = at('ExecutionStarted');
        return { startMs, firstMs: at('StepStarted'), endMs: at('ExecutionSucceeded') };
      }),
    );
    const firstStart = Math.min(...timings.map((t) => t.startMs));
    const ends = timings.map((t) => t.endMs - firstStart).sort((a, b) => a - b);
    return {
      count,
      succeeded,
      totalMs,
      completionMs: timings.map((t) => t.endMs - t.startMs).sort((a, b) => a - b),
      firstInvocationMs: timings.map((t) => t.firstMs - t.startMs).sort((a, b) => a - b),
      lastFirstInvocationAt: Math.max(...timings.map((t) => t.firstMs - firstStart)),
      medianEndAt: ends[Math.floor(ends.length / 2)] ?? NaN,
      peakSandboxes,
      rssBefore,
      rssPeak: Math.max(rssPeak, process.memoryUsage().rss),
      engineChanges,
      rendererEvents,
    };
  } finally {
    clearInterval(sampler);
    offEngine();
    offRenderer();
    receiver.close();
    client.destroy();
    await h.close();
  }
}
