import { SendDurableExecutionCallbackFailureCommand } from '@aws-sdk/client-lambda';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { block, chain, deployBlockFunction, graphOf, resultOf, startWorkflowHarness, type WorkflowHarness } from './test-support.ts';

/**
 * A Lambda block's returns and catches, and how failures end a run, on the real engine:
 * rules are tried in order, a rule without `when` is a fallback, errors are caught by the
 * invoked function's own error type, and an error nothing catches fails the run naming the block.
 */
let h: WorkflowHarness;

beforeAll(async () => {
  h = await startWorkflowHarness();
  await deployBlockFunction(h.client, 'behave', 'behave.mjs');
});

afterAll(async () => {
  await h?.close();
});

const rules = graphOf(
  [
    block('start', 'input'),
    block('call', 'lambda', {
      function: 'behave',
      returns: [
        { body: "'fallback'" },
        { when: 'result.n > 10', body: "'big'" },
        { when: 'result.n > 5', body: "'medium'" },
      ],
      catches: [
        { error: 'PaymentDeclined', body: "{'caught': 'declined', 'message': error.message}" },
        { error: 'Timeout', body: "{'caught': 'timeout'}" },
        { error: 'Timeout', when: "error.message == 'soft'", body: "{'caught': 'soft-timeout', 'input': event.data.fail.message}" },
      ],
    }),
    block('out', 'output'),
  ],
  chain('start', 'call', 'out'),
);

// Steps after the Lambda keep the runner busy, so failures also reach it in checkpoint answers, not only on a new invocation.
const inMap = graphOf(
  [
    block('start', 'input'),
    block('each', 'map', { maxConcurrency: 5 }),
    block('pay', 'lambda', { parent: 'each', function: 'behave', catches: [{ error: 'PaymentDeclined', body: "'declined: ' + error.message" }] }),
    block('check', 'transform', { parent: 'each' }),
    block('out', 'output'),
  ],
  [...chain('start', 'each', 'out'), ...chain('pay', 'check')],
);

const strictMap = graphOf(
  [
    block('start', 'input'),
    block('each', 'map', { maxConcurrency: 3 }),
    block('pay', 'lambda', { parent: 'each', function: 'behave' }),
    block('out', 'output'),
  ],
  chain('start', 'each', 'out'),
);

const approval = graphOf(
  [block('start', 'input'), block('approve', 'approval', { instructions: 'Check the invoice first.' }), block('out', 'output')],
  chain('start', 'approve', 'out'),
);

/** Resolves with the first message the runner logs (lines are the SDK logger's JSON) that starts with `prefix`. */
function logged(prefix: string): Promise<string> {
  return new Promise((resolve) => {
    const stop = h.service.onLog((entry) => {
      let message: unknown;
      try {
        message = (JSON.parse(entry.line) as { message?: unknown }).message;
      } catch {
        return;
      }
      if (typeof message !== 'string' || !message.startsWith(prefix)) return;
      stop();
      resolve(message);
    });
  });
}

const cyclic = graphOf(
  [block('start', 'input'), block('one', 'transform'), block('two', 'transform'), block('out', 'output')],
  [...chain('start', 'one', 'two', 'out'), ...chain('two', 'one')],
);

const broken = graphOf([block('start', 'input'), block('shape', 'transform', { expression: 'data.missing' }), block('out', 'output')], chain('start', 'shape', 'out'));

const fail = (type: string, message: string) => ({ fail: { type, message } });

describe('returns and catches', () => {
  it('tries rules in order and uses a fallback only when no `when` matches', async () => {
    const cases: Array<[unknown, unknown]> = [
      [{ result: { n: 20 } }, 'big'],
      [{ result: { n: 7 } }, 'medium'],
      [{ result: { n: 1 } }, 'fallback'],
      [fail('PaymentDeclined', 'card refused'), { caught: 'declined', message: 'card refused' }],
      [fail('Timeout', 'soft'), { caught: 'soft-timeout', input: 'soft' }],
      [fail('Timeout', 'hard'), { caught: 'timeout' }],
    ];
    const arns = await Promise.all(cases.map(([input]) => h.run(rules, input)));
    const results = await Promise.all(arns.map((arn) => h.finish(arn)));
    expect(results.map((r) => r.Error)).toEqual(cases.map(() => undefined));
    expect(results.map(resultOf)).toEqual(cases.map(([, expected]) => expected));
  }, 60_000);

  it('fails the run with the error type when no rule catches it, naming the block', async () => {
    const done = await h.finish(await h.run(rules, fail('Boom', 'it broke')));
    expect(done.Status).toBe('FAILED');
    expect(done.Error?.ErrorType).toBe('Boom');
    expect(done.Error?.ErrorMessage).toBe('Block "call": it broke');
  }, 30_000);

  it('catches by type inside Map items', async () => {
    const input = Array.from({ length: 40 }, (_, i) => (i % 4 === 1 ? fail('PaymentDeclined', `no funds ${i}`) : { result: i }));
    const done = await h.finish(await h.run(inMap, input));
    expect(done.Error).toBeUndefined();
    expect(resultOf(done)).toEqual(input.map((_, i) => (i % 4 === 1 ? `declined: no funds ${i}` : i)));
  }, 30_000);

  it('fails the run when more Map items fail than it tolerates, with the first failure', async () => {
    const input = Array.from({ length: 12 }, (_, i) => (i === 4 ? fail('Boom', 'item four') : { result: i }));
    const done = await h.finish(await h.run(strictMap, input));
    expect(done.Status).toBe('FAILED');
    expect(done.Error?.ErrorType).toBe('Boom');
    expect(done.Error?.ErrorMessage).toMatch(/^Block "each": 1 of 12 items failed( \(\d+ more did not finish\))?; the first \(4\): Block "pay": item four$/);
  }, 30_000);

  it('refuses to run a graph that cannot run, naming the blocks at fault', async () => {
    const done = await h.finish(await h.run(cyclic, {}));
    expect(done.Status).toBe('FAILED');
    expect(done.Error?.ErrorType).toBe('WorkflowGraphError');
    expect(done.Error?.ErrorMessage).toContain('Block "one": is part of a cycle');
    expect(done.Error?.ErrorMessage).toContain('Block "two": is part of a cycle');
    const events = await h.history(done.DurableExecutionArn ?? '');
    expect(events.filter((e) => e.EventType === 'StepStarted')).toEqual([]);
  }, 30_000);

  it('fails the run on an expression that cannot be evaluated, without retrying its step', async () => {
    const done = await h.finish(await h.run(broken, {}));
    expect(done.Status).toBe('FAILED');
    expect(done.Error?.ErrorType).toBe('WorkflowExpressionError');
    expect(done.Error?.ErrorMessage).toBe('Block "shape" (expression): No such key: missing');
    const events = await h.history(done.DurableExecutionArn ?? '');
    expect(events.filter((e) => e.EventType === 'StepStarted' && e.Name === 'shape')).toHaveLength(1);
    expect(events.filter((e) => e.EventType === 'StepFailed' && e.Name === 'shape')).toHaveLength(1);
  }, 30_000);

  it('fails the run with the type an approver rejects with', async () => {
    const instructions = logged('Block "approve"');
    const arn = await h.run(approval, {});
    const started = await h.waitForEvent(arn, 'CallbackStarted');
    const callbackId = started.CallbackStartedDetails?.CallbackId ?? '';
    // Whoever approves learns what to check, and with which callback, from the run's log.
    expect(await instructions).toBe(`Block "approve" waits for approval (callback ${callbackId}). Check the invoice first.`);
    await h.client.send(
      new SendDurableExecutionCallbackFailureCommand({ CallbackId: callbackId, Error: { ErrorType: 'Rejected', ErrorMessage: 'not this week' } }),
    );
    const done = await h.finish(arn);
    expect(done.Status).toBe('FAILED');
    expect(done.Error?.ErrorType).toBe('Rejected');
    expect(done.Error?.ErrorMessage).toBe('Block "approve": not this week');
  }, 30_000);
});
