import { WorkflowGraph } from './schema.ts';

/**
 * Graphs the workflow tests share: the runner and the exported handler must agree on each.
 * Lambda blocks name functions the tests deploy themselves.
 */

const at = { x: 0, y: 0 };

/** Every control block without Lambda calls: Map with a Condition inside, Parallel, Approval, a join, Output. */
export const CONTROL_FLOW_GRAPH = WorkflowGraph.parse({
  blocks: [
    { id: 'order', type: 'input', position: at, sample: { items: [1, 2, 3], total: 120 } },
    { id: 'each', type: 'map', position: at, items: 'blocks.order.items', maxConcurrency: 2 },
    { id: 'double', type: 'transform', parent: 'each', position: at, expression: 'data * 2' },
    { id: 'check', type: 'condition', parent: 'each', position: at, branches: [{ id: 'big', when: 'data > 2' }] },
    { id: 'bigone', type: 'transform', parent: 'each', position: at, expression: '"big"' },
    { id: 'small', type: 'transform', parent: 'each', position: at, expression: '"small"' },
    { id: 'both', type: 'parallel', position: at },
    { id: 'left', type: 'transform', parent: 'both', position: at, expression: 'size(data)' },
    { id: 'right', type: 'transform', parent: 'both', position: at, expression: 'data[0]' },
    { id: 'route', type: 'condition', position: at, branches: [{ id: 'many', when: 'data.left > 2' }] },
    { id: 'a', type: 'transform', position: at, expression: '"many"' },
    { id: 'b', type: 'transform', position: at, expression: '"few"' },
    { id: 'join', type: 'transform', position: at, expression: 'data' },
    { id: 'done', type: 'output', position: at, expression: '{"join": data, "each": blocks.each, "both": blocks.both}' },
  ],
  edges: [
    { id: 'e1', source: 'order', target: 'each' },
    { id: 'e2', source: 'double', target: 'check' },
    { id: 'e3', source: 'check', target: 'bigone', sourceHandle: 'big' },
    { id: 'e4', source: 'check', target: 'small', sourceHandle: 'default' },
    { id: 'e5', source: 'each', target: 'both' },
    { id: 'e6', source: 'both', target: 'route' },
    { id: 'e7', source: 'route', target: 'a', sourceHandle: 'many' },
    { id: 'e8', source: 'route', target: 'b', sourceHandle: 'default' },
    { id: 'e9', source: 'a', target: 'join' },
    { id: 'e10', source: 'b', target: 'join' },
    { id: 'e11', source: 'join', target: 'done' },
  ],
});

/**
 * Lambda blocks with input mapping, `returns` and `catches`, a Wait and an Approval. Needs the
 * functions `wf-echo` (answers `event.data`) and `wf-fail` (throws an error of type
 * `event.data.type`).
 */
export const LAMBDA_GRAPH = WorkflowGraph.parse({
  blocks: [
    { id: 'start', type: 'input', position: at, sample: { n: 2 } },
    {
      id: 'echo',
      type: 'lambda',
      position: at,
      function: 'wf-echo',
      input: '{"n": data.n + 1}',
      returns: [
        { body: '{"fallback": result}' },
        { when: 'result.n > 2', body: '{"big": result.n}' },
      ],
    },
    {
      id: 'fails',
      type: 'lambda',
      position: at,
      function: 'wf-fail',
      input: '{"type": "Declined"}',
      catches: [
        { error: 'Other', body: '"wrong rule"' },
        { body: '{"caughtAny": error.code}' },
        { error: 'Declined', when: 'error.message != ""', body: '{"declined": error.message}' },
      ],
    },
    { id: 'pause', type: 'wait', position: at, seconds: 3600 },
    { id: 'ok', type: 'approval', position: at, instructions: 'Approve the order?' },
    { id: 'out', type: 'output', position: at, expression: '{"echo": blocks.echo, "fails": blocks.fails, "ok": blocks.ok}' },
  ],
  edges: [
    { id: 'e1', source: 'start', target: 'echo' },
    { id: 'e2', source: 'echo', target: 'fails' },
    { id: 'e3', source: 'fails', target: 'pause' },
    { id: 'e4', source: 'pause', target: 'ok' },
    { id: 'e5', source: 'ok', target: 'out' },
  ],
});
