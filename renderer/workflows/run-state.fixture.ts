import type { HistoryEvent } from '../../shared/contract/executions.ts';
import type { WorkflowGraph } from '../../shared/workflow/schema.ts';

/**
 * A run of an order workflow as the durable SDK records it (event shapes taken from the
 * official LocalDurableTestRunner running the same operations): normalize → charge (Lambda)
 * → route (Condition: big / default) → prices (Map over 3 items, item 3 failing its retries,
 * one failure tolerated) → fanout (Parallel: left, right) → cool (Wait) → approve (Approval)
 * → result (Output). The default branch leads to `small`, which never runs.
 */
export const orderGraph: WorkflowGraph = {
  version: 1,
  blocks: [
    { id: 'prices', type: 'map', position: { x: 700, y: 0 }, items: 'data.items', toleratedFailures: 1 },
    { id: 'fanout', type: 'parallel', position: { x: 1100, y: 0 } },
    { id: 'input', type: 'input', position: { x: 0, y: 0 }, sample: { items: [1, 2, 3] } },
    { id: 'normalize', type: 'transform', position: { x: 200, y: 0 }, expression: 'data' },
    { id: 'charge', type: 'lambda', position: { x: 400, y: 0 }, function: 'payments', returns: [], catches: [] },
    { id: 'route', type: 'condition', position: { x: 550, y: 0 }, branches: [{ id: 'big', when: 'size(data.items) > 2' }] },
    { id: 'small', type: 'transform', position: { x: 700, y: 300 }, expression: 'data' },
    { id: 'price', type: 'transform', parent: 'prices', position: { x: 20, y: 50 }, expression: 'data * 2' },
    { id: 'left', type: 'transform', parent: 'fanout', position: { x: 20, y: 50 }, expression: '1' },
    { id: 'right', type: 'wait', parent: 'fanout', position: { x: 20, y: 150 }, seconds: 5 },
    { id: 'cool', type: 'wait', position: { x: 1500, y: 0 }, seconds: 10 },
    { id: 'approve', type: 'approval', position: { x: 1700, y: 0 }, instructions: 'Check the order' },
    { id: 'result', type: 'output', position: { x: 1900, y: 0 } },
  ],
  edges: [
    { id: 'e1', source: 'input', target: 'normalize' },
    { id: 'e2', source: 'normalize', target: 'charge' },
    { id: 'e3', source: 'charge', target: 'route' },
    { id: 'e4', source: 'route', sourceHandle: 'big', target: 'prices' },
    { id: 'e5', source: 'route', sourceHandle: 'default', target: 'small' },
    { id: 'e6', source: 'prices', target: 'fanout' },
    { id: 'e7', source: 'fanout', target: 'cool' },
    { id: 'e8', source: 'cool', target: 'approve' },
    { id: 'e9', source: 'approve', target: 'result' },
    { id: 'e10', source: 'small', target: 'result' },
  ],
};

const T = 1_800_000_000;
let n = 0;
function ev(EventType: string, at: number, op: { Id?: string; Name?: string; SubType?: string; ParentId?: string }, details: Record<string, unknown> = {}): HistoryEvent {
  n += 1;
  return { EventType, EventId: n, EventTimestamp: T + at, ...op, [`${EventType}Details`]: details };
}
const payload = (value: unknown) => ({ Payload: JSON.stringify(value) });
const err = (message: string, type = 'Error') => ({ Payload: { ErrorType: type, ErrorMessage: message } });

const NORMALIZE = { Id: 'c4ca4238a0b92382', Name: 'normalize', SubType: 'Step' };
const CHARGE = { Id: 'c81e728d9d4c2f63', Name: 'charge', SubType: 'ChainedInvoke' };
const ROUTE = { Id: 'eccbc87e4b5ce2fe', Name: 'route', SubType: 'Step' };
const PRICES = { Id: 'a87ff679a2f3e71d', Name: 'prices', SubType: 'Map' };
const item = (i: number, id: string) => ({ Id: id, Name: `map-item-${i}`, SubType: 'MapIteration', ParentId: PRICES.Id });
const ITEMS = [item(0, '74bdefab9757a081'), item(1, '2f5bb7747efda054'), item(2, '4864dafb55d05d74')];
const price = (i: number, id: string) => ({ Id: id, Name: 'price', SubType: 'Step', ParentId: ITEMS[i]!.Id });
const PRICE = [price(0, 'ec3805c75ba4921d'), price(1, '23197d0b00fdfb44'), price(2, '89106acc4a33cc6b')];
const FANOUT = { Id: 'e4da3b7fbbce2345', Name: 'fanout', SubType: 'Parallel' };
const LEFT_BRANCH = { Id: '19a1de167122a18a', Name: 'left', SubType: 'ParallelBranch', ParentId: FANOUT.Id };
const RIGHT_BRANCH = { Id: 'dca19ffa163054fe', Name: 'right', SubType: 'ParallelBranch', ParentId: FANOUT.Id };
const LEFT = { Id: 'e8afef1e62a03550', Name: 'left', SubType: 'Step', ParentId: LEFT_BRANCH.Id };
const RIGHT = { Id: 'c280c2e3604efb29', Name: 'right', SubType: 'Wait', ParentId: RIGHT_BRANCH.Id };
const COOL = { Id: '1679091c5a880faf', Name: 'cool', SubType: 'Wait' };
const APPROVE = { Id: '8f14e45fceea167a', Name: 'approve', SubType: 'WaitForCallback' };
const CALLBACK = { Id: 'a514839c4971406f', SubType: 'Callback', ParentId: APPROVE.Id };
const SUBMITTER = { Id: '6ab5dbc886d46770', SubType: 'Step', ParentId: APPROVE.Id };
const RESULT = { Id: 'c9f0f895fb98ab91', Name: 'result', SubType: 'Step' };
const EXEC = { Id: 'bf0a88a6-2090-42d7-b80a-659689955298', Name: 'order-7' };
const invocation = (at: number) => ev('InvocationCompleted', at, {}, { StartTimestamp: T, EndTimestamp: T + at, RequestId: `r${at}`, Error: {} });

export const CALLBACK_ID = 'eyJleGVjdXRpb25JZCI6IjEyNjk1MzYwIiwib3BlcmF0aW9uSWQiOiJhNTE0ODM5YzQ5NzE0MDZmIn0=';
const priced = [2, 4];

/** Up to the approval waiting for its answer. */
export const untilApproval: HistoryEvent[] = [
  ev('ExecutionStarted', 0, EXEC, { Input: payload({ workflow: 'orders', graph: orderGraph, input: { items: [1, 2, 3] } }) }),
  ev('StepStarted', 0.01, NORMALIZE),
  ev('StepSucceeded', 0.02, NORMALIZE, { Result: payload({ items: [1, 2, 3] }), RetryDetails: {} }),
  ev('ChainedInvokeStarted', 0.03, CHARGE, { FunctionName: 'payments', Input: payload({ data: { items: [1, 2, 3] } }) }),
  ev('ChainedInvokeSucceeded', 0.1, CHARGE, { Result: payload({ ok: true, items: [1, 2, 3] }) }),
  invocation(0.11),
  ev('StepStarted', 0.12, ROUTE),
  ev('StepSucceeded', 0.13, ROUTE, { Result: payload('big'), RetryDetails: {} }),
  ev('ContextStarted', 0.14, PRICES),
  ...ITEMS.map((it, i) => ev('ContextStarted', 0.15 + i / 1000, it)),
  ...PRICE.map((p, i) => ev('StepStarted', 0.16 + i / 1000, p)),
  ev('StepFailed', 0.17, PRICE[2]!, { Error: err('no price for 3'), RetryDetails: { CurrentAttempt: 1, NextAttemptDelaySeconds: 1 } }),
  ...PRICE.slice(0, 2).map((p, i) => ev('StepSucceeded', 0.18, p, { Result: payload(priced[i]), RetryDetails: {} })),
  ...ITEMS.slice(0, 2).map((it, i) => ev('ContextSucceeded', 0.19, it, { Result: payload(priced[i]) })),
  ev('StepStarted', 1.2, PRICE[2]!),
  ev('StepFailed', 1.21, PRICE[2]!, { Error: err('no price for 3'), RetryDetails: { CurrentAttempt: 2 } }),
  ev('ContextFailed', 1.22, ITEMS[2]!, { Error: err('no price for 3', 'StepError') }),
  ev('ContextSucceeded', 1.23, PRICES, {
    Result: payload({ all: [{ result: 2, index: 0, status: 'SUCCEEDED' }, { result: 4, index: 1, status: 'SUCCEEDED' }, { error: { ErrorType: 'ChildContextError', ErrorMessage: 'no price for 3' }, index: 2, status: 'FAILED' }], completionReason: 'ALL_COMPLETED' }),
  }),
  ev('ContextStarted', 1.3, FANOUT),
  ev('ContextStarted', 1.31, LEFT_BRANCH),
  ev('ContextStarted', 1.31, RIGHT_BRANCH),
  ev('StepStarted', 1.32, LEFT),
  ev('WaitStarted', 1.32, RIGHT, { Duration: 5, ScheduledEndTimestamp: new Date((T + 6.32) * 1000).toISOString() }),
  ev('StepSucceeded', 1.33, LEFT, { Result: payload(1), RetryDetails: {} }),
  ev('WaitSucceeded', 6.4, RIGHT, { Duration: 5 }),
  ev('ContextSucceeded', 6.41, LEFT_BRANCH, { Result: payload({ left: 1 }) }),
  ev('ContextSucceeded', 6.41, RIGHT_BRANCH, { Result: payload({ right: [2, 4] }) }),
  ev('ContextSucceeded', 6.42, FANOUT, { Result: payload({ all: [{ result: { left: 1 }, index: 0, status: 'SUCCEEDED' }, { result: { right: [2, 4] }, index: 1, status: 'SUCCEEDED' }], completionReason: 'ALL_COMPLETED' }) }),
  ev('WaitStarted', 6.5, COOL, { Duration: 10, ScheduledEndTimestamp: new Date((T + 16.5) * 1000).toISOString() }),
  ev('WaitSucceeded', 16.5, COOL, { Duration: 10 }),
  ev('ContextStarted', 16.6, APPROVE),
  ev('CallbackStarted', 16.61, CALLBACK, { CallbackId: CALLBACK_ID, Timeout: 3600 }),
  ev('StepStarted', 16.62, SUBMITTER),
  ev('StepSucceeded', 16.63, SUBMITTER, { Result: {}, RetryDetails: {} }),
  invocation(16.7),
];

/** Answered, and the run finished. */
export const finished: HistoryEvent[] = [
  ...untilApproval,
  ev('CallbackSucceeded', 40, CALLBACK, { Result: payload({ approved: true }) }),
  ev('ContextSucceeded', 40.1, APPROVE, { Result: payload(JSON.stringify({ approved: true })) }),
  ev('StepStarted', 40.2, RESULT),
  ev('StepSucceeded', 40.3, RESULT, { Result: payload({ approved: true }), RetryDetails: {} }),
  ev('ExecutionSucceeded', 40.4, EXEC, { Result: payload({ approved: true }) }),
];

/** Stopped by a person while the approval waited. */
export const stopped: HistoryEvent[] = [...untilApproval, ev('ExecutionStopped', 30, EXEC, {})];
