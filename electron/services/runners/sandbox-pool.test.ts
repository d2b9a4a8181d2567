import { afterEach, describe, expect, it } from 'vitest';
import type { FunctionVersion } from '../lambda/function-registry.ts';
import { createSandboxPool, type SandboxPool } from './sandbox-pool.ts';
import type { AnswerListener, InvocationResult, Sandbox, SandboxInvocation } from './sandbox-types.ts';

const version = { functionName: 'f', version: '$LATEST', revisionId: 'r1' } as FunctionVersion;
const result = (requestId: string): InvocationResult => ({ requestId, payload: Buffer.from('1'), runtimeFailure: false, logs: [], durationMs: 1, billedDurationMs: 1, maxMemoryUsedMb: 1 });

/** A sandbox that answers at once and takes `finishMs` more to write its REPORT. */
function fakeSandbox(id: string, finishMs: number): Sandbox {
  return {
    id,
    alive: true,
    async invoke(invocation: SandboxInvocation, onAnswer?: AnswerListener) {
      onAnswer?.({ requestId: invocation.requestId, payload: Buffer.from(id) });
      await new Promise((resolve) => setTimeout(resolve, finishMs));
      return result(invocation.requestId);
    },
    kill: () => undefined,
  };
}

let pool: SandboxPool | undefined;
afterEach(() => pool?.close());

describe('the sandbox pool', () => {
  it('gives a caller answered early the same sandbox again instead of starting another', async () => {
    let started = 0;
    pool = createSandboxPool({ maxPerFunction: 4, idleMs: 60_000, start: async () => fakeSandbox(`s${++started}`, 30) });
    const call = (n: number) => ({ requestId: `r${n}`, payload: Buffer.from('{}'), invokedFunctionArn: 'arn', traceId: 't' });
    const first = await new Promise<string>((resolve) => void pool?.run(version, call(1), (answer) => resolve(answer.payload.toString())));
    // The first sandbox is still writing its REPORT when the next invocation comes.
    const second = await new Promise<string>((resolve) => void pool?.run(version, call(2), (answer) => resolve(answer.payload.toString())));
    expect([first, second]).toEqual(['s1', 's1']);
    expect(started).toBe(1);
  });

  it('lets one invocation wait for a finishing sandbox and starts others for the rest', async () => {
    let started = 0;
    pool = createSandboxPool({ maxPerFunction: 4, idleMs: 60_000, start: async () => fakeSandbox(`s${++started}`, 30) });
    const call = (n: number) => ({ requestId: `r${n}`, payload: Buffer.from('{}'), invokedFunctionArn: 'arn', traceId: 't' });
    const answeredBy = (n: number) => new Promise<string>((resolve) => void pool?.run(version, call(n), (answer) => resolve(answer.payload.toString())));
    expect(await answeredBy(1)).toBe('s1');
    const rest = await Promise.all([2, 3, 4].map(answeredBy));
    expect(rest.sort()).toEqual(['s1', 's2', 's3']);
    expect(started).toBe(3);
  });

  it('still starts more sandboxes for invocations that overlap while running', async () => {
    let started = 0;
    pool = createSandboxPool({ maxPerFunction: 4, idleMs: 60_000, start: async () => fakeSandbox(`s${++started}`, 30) });
    const call = (n: number) => ({ requestId: `r${n}`, payload: Buffer.from('{}'), invokedFunctionArn: 'arn', traceId: 't' });
    await Promise.all([1, 2, 3].map((n) => pool?.run(version, call(n))));
    expect(started).toBe(3);
  });
});
