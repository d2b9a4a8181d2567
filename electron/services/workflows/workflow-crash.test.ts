import {
  type Event as HistoryEvent,
  GetDurableExecutionCommand,
  GetDurableExecutionHistoryCommand,
  InvokeCommand,
  LambdaClient,
  SendDurableExecutionCallbackSuccessCommand,
} from '@aws-sdk/client-lambda';
import { type ChildProcess, spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { WORKFLOW_RUNNER_FUNCTION } from '../../../shared/workflow/runner-event.ts';
import { block, chain, graphOf, resultOf } from './test-support.ts';

/**
 * A workflow run survives the studio being killed: the process hosting the service, the
 * engine and the runner is SIGKILLed at three points of a run (a block just finished, an
 * approval pending, a Map half done) and started again on the same state folder. The run
 * finishes with the right output, and no block that had finished before a kill runs again.
 */
const stateDir = mkdtempSync(join(tmpdir(), 'workflow-crash-'));
const recordFile = join(stateDir, 'invocations.log');
let host: ChildProcess | undefined;

afterAll(async () => {
  host?.kill('SIGKILL');
  await rm(stateDir, { recursive: true, force: true });
});

async function startHost(): Promise<LambdaClient> {
  const child = spawn(process.execPath, ['--disable-warning=ExperimentalWarning', join(import.meta.dirname, 'workflow-crash-host.ts'), stateDir, recordFile], {
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  host = child;
  const line = await new Promise<string>((resolve, reject) => {
    let out = '';
    child.stdout.on('data', (chunk: Buffer) => {
      out += chunk.toString();
      if (out.includes('\n')) resolve(out.split('\n')[0] ?? '');
    });
    child.once('exit', (code) => reject(new Error(`host exited early with ${code}`)));
  });
  const info = JSON.parse(line) as { endpoint: string; accessKeyId: string; secretAccessKey: string };
  return new LambdaClient({ endpoint: info.endpoint, region: 'us-east-1', credentials: { accessKeyId: info.accessKeyId, secretAccessKey: info.secretAccessKey }, maxAttempts: 1 });
}

async function kill(): Promise<void> {
  const h = host;
  if (h === undefined || h.exitCode !== null) return;
  await new Promise<void>((resolve) => {
    h.once('exit', () => resolve());
    h.kill('SIGKILL');
  });
}

async function history(client: LambdaClient, arn: string): Promise<HistoryEvent[]> {
  return (await client.send(new GetDurableExecutionHistoryCommand({ DurableExecutionArn: arn, MaxItems: 1000, IncludeExecutionData: true }))).Events ?? [];
}

/** Polls history until `found` picks something out of it. */
async function until<T>(client: LambdaClient, arn: string, found: (events: HistoryEvent[]) => T | undefined, what: string, timeoutMs = 30_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = found(await history(client, arn));
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error(`no ${what} within ${timeoutMs} ms`);
    await new Promise((r) => setTimeout(r, 25));
  }
}

/** `<function> <data>` for each invoke that succeeded, as the record file spells invocations. */
function succeededInvokes(events: HistoryEvent[]): string[] {
  const started = new Map(events.filter((e) => e.EventType === 'ChainedInvokeStarted').map((e) => [e.Id, e]));
  return events
    .filter((e) => e.EventType === 'ChainedInvokeSucceeded')
    .map((e) => {
      const start = started.get(e.Id)?.ChainedInvokeStartedDetails;
      const sent = JSON.parse(start?.Input?.Payload ?? '{}') as { data?: unknown };
      return `${start?.FunctionName ?? ''} ${JSON.stringify(sent.data)}`;
    });
}

const graph = graphOf(
  [
    block('start', 'input'),
    block('a', 'lambda', { function: 'step-a' }),
    block('b', 'lambda', { function: 'step-b' }),
    block('gate', 'approval'),
    block('fan', 'map', { items: 'input.items', maxConcurrency: 2 }),
    block('each', 'lambda', { parent: 'fan', function: 'step-each' }),
    block('c', 'lambda', { function: 'step-c', input: 'size(data)' }),
    block('out', 'output', { expression: "{'a': blocks.a.by, 'b': blocks.b.by, 'fan': blocks.fan.map(x, x.data), 'c': data.data, 'gate': blocks.gate}" }),
  ],
  chain('start', 'a', 'b', 'gate', 'fan', 'c', 'out'),
);

describe('a workflow run across studio crashes', () => {
  it('finishes after SIGKILLs without running a finished block again', async () => {
    const started = Date.now();
    let client = await startHost();
    const input = { items: [1, 2, 3, 4, 5, 6] };
    const invoked = await client.send(
      new InvokeCommand({ FunctionName: `${WORKFLOW_RUNNER_FUNCTION}:$LATEST`, InvocationType: 'Event', Payload: JSON.stringify({ workflow: 'crash', graph, input }), DurableExecutionName: 'crash-run' }),
    );
    const arn = invoked.DurableExecutionArn ?? '';
    /** Invocations known finished before some kill: none of them may run again. */
    const finishedBeforeKill = new Set<string>();
    const killAfter = async (events: HistoryEvent[]) => {
      for (const line of succeededInvokes(events)) finishedBeforeKill.add(line);
      await kill();
      client.destroy();
      client = await startHost();
    };

    // 1: right after the first block finished (the second may be running).
    await killAfter(await until(client, arn, (events) => (succeededInvokes(events).length >= 1 ? events : undefined), 'first block'));
    // 2: while the approval waits.
    const callbackId = await until(client, arn, (events) => events.find((e) => e.EventType === 'CallbackStarted')?.CallbackStartedDetails?.CallbackId, 'approval');
    await killAfter(await history(client, arn));
    await client.send(new SendDurableExecutionCallbackSuccessCommand({ CallbackId: callbackId, Result: Buffer.from('"yes"') }));
    // 3: with the Map part done.
    await killAfter(await until(client, arn, (events) => (succeededInvokes(events).filter((l) => l.startsWith('step-each')).length >= 3 ? events : undefined), 'Map items'));

    const done = await until(
      client,
      arn,
      (events) => (events.some((e) => e.EventType === 'ExecutionSucceeded' || e.EventType === 'ExecutionFailed') ? true : undefined),
      'the end of the run',
    );
    expect(done).toBe(true);
    const result = await client.send(new GetDurableExecutionCommand({ DurableExecutionArn: arn }));
    console.log(`crash run: ${Date.now() - started} ms`);
    expect(result.Error).toBeUndefined();
    expect(resultOf(result)).toEqual({ a: 'step-a', b: 'step-b', fan: [1, 2, 3, 4, 5, 6], c: 6, gate: 'yes' });

    const lines = existsSync(recordFile) ? readFileSync(recordFile, 'utf8').split('\n').filter(Boolean) : [];
    const counts = new Map<string, number>();
    for (const line of lines) counts.set(line, (counts.get(line) ?? 0) + 1);
    expect(finishedBeforeKill.size).toBeGreaterThanOrEqual(5);
    for (const line of finishedBeforeKill) expect(counts.get(line), line).toBe(1);
    // Every block ran; one a kill interrupted may have run twice, none more.
    expect([...counts.keys()].sort()).toEqual(succeededInvokes(await history(client, arn)).sort());
    for (const [line, count] of counts) expect(count, line).toBeLessThanOrEqual(2);
    client.destroy();
    await kill();
  }, 60_000);
});
