import { describe, expect, it } from 'vitest';
import type { HistoryEvent } from '../../shared/contract/executions.ts';
import { deriveRunView } from './run-state.ts';
import { CALLBACK_ID, finished, orderGraph, stopped, untilApproval } from './run-state.fixture.ts';

const statuses = (events: HistoryEvent[]) => {
  const view = deriveRunView(orderGraph, events);
  return Object.fromEntries(Object.entries(view.blocks).map(([id, b]) => [id, b.status]));
};

describe('deriveRunView', () => {
  it('shows a fresh run: the Input done, the first block running, the rest pending', () => {
    const view = deriveRunView(orderGraph, untilApproval.slice(0, 2));
    expect(view.status).toBe('RUNNING');
    expect(view.blocks['input']).toMatchObject({ status: 'succeeded', output: '{"items":[1,2,3]}' });
    expect(view.blocks['normalize']).toMatchObject({ status: 'running', label: 'Running', input: '{"items":[1,2,3]}' });
    expect(view.blocks['charge']?.status).toBe('pending');
    expect(view.blocks['price']?.status).toBe('pending');
    expect(view.input).toBe('{"items":[1,2,3]}');
    expect(view.runGraph?.blocks).toHaveLength(orderGraph.blocks.length);
  });

  it('waits for the approval with its callback id; the branch not taken is skipped', () => {
    expect(statuses(untilApproval)).toEqual({
      input: 'succeeded',
      normalize: 'succeeded',
      charge: 'succeeded',
      route: 'succeeded',
      small: 'skipped',
      prices: 'succeeded',
      price: 'failed',
      fanout: 'succeeded',
      left: 'succeeded',
      right: 'succeeded',
      cool: 'succeeded',
      approve: 'waiting',
      result: 'pending',
    });
    const view = deriveRunView(orderGraph, untilApproval);
    expect(view.blocks['approve']).toMatchObject({ label: 'Waiting for approval', callbackId: CALLBACK_ID, input: '{"left":1,"right":[2,4]}' });
    expect(view.blocks['route']?.branch).toBe('big');
    // A Condition hands on the data it got, not the name of its branch.
    expect(view.blocks['route']?.output).toBe('{"ok":true,"items":[1,2,3]}');
    expect(view.blocks['prices']?.input).toBe('{"ok":true,"items":[1,2,3]}');
    // So does a Wait; a Parallel's chains start from the Parallel's input.
    expect(view.blocks['cool']).toMatchObject({ input: '{"left":1,"right":[2,4]}', output: '{"left":1,"right":[2,4]}' });
    expect(view.blocks['left']?.input).toBe('[2,4,null]');
    expect(view.takenEdges).toContain('e4');
    expect(view.takenEdges).not.toContain('e5');
  });

  it('reads the Lambda block’s input and result from its chained invoke', () => {
    const charge = deriveRunView(orderGraph, untilApproval).blocks['charge'];
    expect(charge).toMatchObject({ input: '{"data":{"items":[1,2,3]}}', output: '{"ok":true,"items":[1,2,3]}' });
  });

  it('counts a Map’s items, and folds a block’s runs inside it into one state', () => {
    const view = deriveRunView(orderGraph, untilApproval);
    expect(view.blocks['prices']).toMatchObject({ status: 'succeeded', progress: { done: 2, failed: 1, total: 3 }, output: '[2,4,null]' });
    expect(view.blocks['price']).toMatchObject({ label: '1 of 3 failed', progress: { done: 2, failed: 1, total: 3 } });
    expect(view.blocks['price']?.error?.message).toBe('no price for 3');
  });

  it('shows a Map in progress and a retry waiting', () => {
    const cut = untilApproval.findIndex((e) => e.EventType === 'StepSucceeded' && e.Name === 'price');
    const view = deriveRunView(orderGraph, untilApproval.slice(0, cut));
    expect(view.blocks['prices']).toMatchObject({ status: 'running', progress: { done: 0, failed: 0, total: 3 } });
    expect(view.blocks['price']).toMatchObject({ status: 'running', progress: { done: 0, failed: 0, total: 3 } });
    expect(view.blocks['fanout']?.status).toBe('pending');
  });

  it('tells a Parallel’s blocks from its branches, which carry the same names', () => {
    const view = deriveRunView(orderGraph, untilApproval);
    expect(view.blocks['left']).toMatchObject({ status: 'succeeded', output: '1' });
    expect(view.blocks['right']?.status).toBe('succeeded');
    expect(view.blocks['fanout']?.output).toBe('{"left":1,"right":[2,4]}');
    const waiting = untilApproval.slice(0, untilApproval.findIndex((e) => e.EventType === 'WaitSucceeded'));
    expect(deriveRunView(orderGraph, waiting).blocks['right']).toMatchObject({ status: 'waiting', label: 'Waiting' });
  });

  it('finishes: the approval’s answer is its output; only the other branch is skipped', () => {
    const view = deriveRunView(orderGraph, finished);
    expect(view.status).toBe('SUCCEEDED');
    expect(view.blocks['approve']).toMatchObject({ status: 'succeeded', output: '{"approved":true}' });
    expect(view.blocks['approve']?.callbackId).toBeUndefined();
    // Two connections lead into result: it gets an object by block name, holding the one that ran.
    expect(view.blocks['result']).toMatchObject({ status: 'succeeded', input: '{"approve":{"approved":true}}' });
    expect(view.blocks['small']).toMatchObject({ status: 'skipped', label: 'Skipped' });
    expect(view.result).toBe('{"approved":true}');
  });

  it('marks what never ran when the run is stopped', () => {
    const view = deriveRunView(orderGraph, stopped);
    expect(view.status).toBe('STOPPED');
    expect(view.blocks['approve']).toMatchObject({ status: 'skipped', label: 'Stopped' });
    expect(view.blocks['result']).toMatchObject({ status: 'skipped', label: 'Not run' });
  });

  it('shows a failed Lambda block with its error, and the run failing', () => {
    const failedRun: HistoryEvent[] = [
      ...untilApproval.slice(0, 4),
      { EventType: 'ChainedInvokeFailed', EventId: 90, EventTimestamp: 1_800_000_001, Id: 'c81e728d9d4c2f63', Name: 'charge', SubType: 'ChainedInvoke', ChainedInvokeFailedDetails: { Error: { Payload: { ErrorType: 'CardDeclined', ErrorMessage: 'insufficient funds' } } } },
      { EventType: 'ExecutionFailed', EventId: 91, EventTimestamp: 1_800_000_002, Id: 'bf0a88a6', ExecutionFailedDetails: { Error: { Payload: { ErrorType: 'CardDeclined', ErrorMessage: 'Block "charge": insufficient funds' } } } },
    ];
    const view = deriveRunView(orderGraph, failedRun);
    expect(view.status).toBe('FAILED');
    expect(view.blocks['charge']).toMatchObject({ status: 'failed', error: { type: 'CardDeclined', message: 'insufficient funds' } });
    expect(view.blocks['route']).toMatchObject({ status: 'skipped', label: 'Not run' });
    expect(view.error?.message).toContain('insufficient funds');
  });

  it('keeps a Lambda block’s output empty when its rules shape it, and shows a caught error as handled', () => {
    const withRules = {
      ...orderGraph,
      blocks: orderGraph.blocks.map((b) => (b.id === 'charge' && b.type === 'lambda' ? { ...b, returns: [{ body: 'data' }], catches: [{ body: '{"declined": true}' }] } : b)),
    };
    const view = deriveRunView(withRules, untilApproval);
    expect(view.blocks['charge']).toMatchObject({ status: 'succeeded', result: '{"ok":true,"items":[1,2,3]}', output: undefined });
    // What the rules made is not in the history, so the next block's input is not claimed either.
    expect(view.blocks['route']?.input).toBeUndefined();

    const declined: HistoryEvent[] = [
      ...untilApproval.slice(0, 4),
      { EventType: 'ChainedInvokeFailed', EventId: 90, EventTimestamp: 1_800_000_001, Id: 'c81e728d9d4c2f63', Name: 'charge', SubType: 'ChainedInvoke', ChainedInvokeFailedDetails: { Error: { Payload: { ErrorType: 'CardDeclined', ErrorMessage: 'no funds' } } } },
      { EventType: 'StepStarted', EventId: 91, EventTimestamp: 1_800_000_002, Id: 'eccbc87e4b5ce2fe', Name: 'route', SubType: 'Step', StepStartedDetails: {} },
    ];
    expect(deriveRunView(withRules, declined).blocks['charge']).toMatchObject({ status: 'succeeded', label: 'Caught CardDeclined', error: { message: 'no funds' } });
    // Without a catch rule the same failure is the block's failure.
    expect(deriveRunView(orderGraph, declined).blocks['charge']?.status).toBe('failed');
  });

  it('takes the run’s input as it is when the event is not a runner event', () => {
    const plain: HistoryEvent[] = [{ EventType: 'ExecutionStarted', EventId: 1, EventTimestamp: 1_800_000_000, Id: 'x', ExecutionStartedDetails: { Input: { Payload: '{"a":1}' } } }];
    const view = deriveRunView(orderGraph, plain);
    expect(view.input).toBe('{"a":1}');
    expect(view.runGraph).toBeUndefined();
    expect(view.blocks['normalize']?.status).toBe('pending');
  });
});
