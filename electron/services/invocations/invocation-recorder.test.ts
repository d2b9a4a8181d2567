import { InvokeCommand, SendDurableExecutionCallbackSuccessCommand } from '@aws-sdk/client-lambda';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startDurableHarness, type DurableHarness } from '../durable/test-support.ts';
import { executionLines } from '../lambda/execution-lines.ts';
import { createInvocationRecorder, type InvocationRecorder } from './invocation-recorder.ts';
import { openInvocationStore, type InvocationStore } from './invocation-store.ts';

let h: DurableHarness;
let store: InvocationStore;
let recorder: InvocationRecorder;
const changes: string[] = [];

beforeAll(async () => {
  h = await startDurableHarness();
  store = openInvocationStore(join(h.stateDir, 'invocations.db'));
  recorder = createInvocationRecorder(h.service, store, { onChange: (s) => changes.push(`${s.requestId}:${s.status}`) });
  await Promise.all([h.deploy('approval', 'callback.mjs'), h.deploy('plain', 'plain.mjs', { durable: false })]);
}, 30_000);
afterAll(async () => {
  recorder?.close();
  await h?.close();
  store?.close();
});

async function approve(arn: string): Promise<void> {
  const started = await h.waitForEvent(arn, 'CallbackStarted');
  await h.client.send(new SendDurableExecutionCallbackSuccessCommand({ CallbackId: started.CallbackStartedDetails?.CallbackId ?? '', Result: Buffer.from('true') }));
}

describe('invocations of every caller, tied to their durable execution', () => {
  it('two executions of one function with interleaved invocations each own only their invocations and lines', async () => {
    const lines = executionLines('approval', (l) => h.service.onLog(l), (l) => h.service.onInvocation(l));
    try {
      const a = await h.start('approval', {}, 'exec-a');
      await h.waitForEvent(a, 'CallbackStarted');
      const b = await h.start('approval', {}, 'exec-b');
      await approve(a);
      await h.finish(a);
      await approve(b);
      await h.finish(b);
      // An invocation is recorded once it ends, which can come just after its execution closes.
      await expect.poll(() => recorder.ofExecution(a).length).toBe(2);
      await expect.poll(() => recorder.ofExecution(b).length).toBe(2);

      const ofA = recorder.ofExecution(a);
      const ofB = recorder.ofExecution(b);
      expect(ofA.map((i) => i.invocationNo)).toEqual([1, 2]);
      expect(ofB.map((i) => i.invocationNo)).toEqual([1, 2]);
      // The first invocation is the SDK caller's (an Invoke through the endpoint); the resume is the engine's.
      expect(ofA.map((i) => i.caller)).toEqual(['sdk', 'durable']);
      expect(ofA.map((i) => i.durableStatus)).toEqual(['PENDING', 'SUCCEEDED']);
      const idsA = new Set(ofA.map((i) => i.requestId));
      for (const inv of ofB) expect(idsA.has(inv.requestId)).toBe(false);
      for (const inv of [...ofA, ...ofB]) {
        expect(inv.lines[0]?.line).toContain(`START RequestId: ${inv.requestId}`);
        expect(inv.lines.at(-1)?.line).toContain(`REPORT RequestId: ${inv.requestId}`);
      }
      // The lines an invoke hands back for one execution are its invocations' only.
      const textA = lines.of(a).join('\n');
      expect(textA).toContain(ofA[1]?.requestId);
      for (const inv of ofB) expect(textA).not.toContain(inv.requestId);
      // Listeners heard each start and end.
      expect(changes).toContain(`${ofB[1]?.requestId}:succeeded`);
    } finally {
      lines.stop();
    }
  }, 60_000);

  it('lists a plain function\u2019s invocations newest first with the caller read from the user agent', async () => {
    const api = await fetch(`${h.service.endpoint}/2015-03-31/functions/plain/invocations`, { method: 'POST', body: '{}' });
    // Unsigned requests are refused before any invocation: nothing is recorded for them.
    expect(api.status).toBe(403);
    const direct = await h.service.invoke({ functionName: 'plain', payload: '{"a":1}', caller: 'panel' });
    await h.client.send(new InvokeCommand({ FunctionName: 'plain', Payload: Buffer.from('{}') }));
    await expect.poll(() => recorder.list('plain').length).toBe(2);
    const [sdk, panel] = recorder.list('plain');
    expect(sdk?.caller).toBe('sdk');
    expect(panel).toMatchObject({ caller: 'panel', requestId: direct.requestId, status: 'succeeded', version: '$LATEST' });
    expect(panel?.durationMs).toBeGreaterThan(0);
    expect(recorder.get(direct.requestId)?.lines.map((l) => l.line).join('\n')).toContain('REPORT RequestId');
  }, 30_000);
});
