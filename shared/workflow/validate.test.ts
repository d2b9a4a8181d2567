import { describe, expect, it } from 'vitest';
import { type Edge, WorkflowGraph, type WorkflowGraphInput } from './schema.ts';
import { describeProblem, validateWorkflow, type WorkflowProblem } from './validate.ts';

const at = { x: 0, y: 0 };
type BlockInput = WorkflowGraphInput['blocks'][number];

function edges(...pairs: Array<[string, string, string?]>): Edge[] {
  return pairs.map(([source, target, sourceHandle], i) => ({ id: `e${i}`, source, target, ...(sourceHandle === undefined ? {} : { sourceHandle }) }));
}

function problemsOf(blocks: BlockInput[], edgeList: Edge[], functions?: string[]): string[] {
  const graph = WorkflowGraph.parse({ blocks, edges: edgeList });
  return validateWorkflow(graph, functions === undefined ? {} : { functions }).map(describeProblem);
}

/** A valid graph: Input → Lambda `call` → Output; tests change one thing at a time. */
const input: BlockInput = { id: 'start', type: 'input', position: at };
const call: BlockInput = { id: 'call', type: 'lambda', position: at, function: 'charge' };
const output: BlockInput = { id: 'done', type: 'output', position: at };
const line = edges(['start', 'call'], ['call', 'done']);

describe('validateWorkflow', () => {
  it('accepts a graph that can run', () => {
    expect(problemsOf([input, call, output], line, ['charge'])).toEqual([]);
  });

  it('rejects a cycle, naming each block in it', () => {
    const loop: BlockInput = { id: 'again', type: 'transform', position: at };
    const problems = problemsOf([input, call, loop, output], [...line, ...edges(['call', 'again'], ['again', 'call'])]);
    expect(problems).toContain('Block "call": is part of a cycle; workflows run forward only');
    expect(problems).toContain('Block "again": is part of a cycle; workflows run forward only');
  });

  it('rejects a cycle inside a Map', () => {
    const blocks: BlockInput[] = [
      input,
      { id: 'each', type: 'map', position: at },
      { id: 'one', type: 'transform', parent: 'each', position: at },
      { id: 'two', type: 'transform', parent: 'each', position: at },
      output,
    ];
    const problems = problemsOf(blocks, edges(['start', 'each'], ['each', 'done'], ['one', 'two'], ['two', 'one']));
    expect(problems).toEqual(expect.arrayContaining(['Block "one": is part of a cycle; workflows run forward only', 'Block "two": is part of a cycle; workflows run forward only']));
  });

  it('rejects a block not connected to the Input', () => {
    const stray: BlockInput = { id: 'stray', type: 'transform', position: at };
    expect(problemsOf([input, call, stray, output], line)).toEqual(['Block "stray": is not connected to the Input, so it would never run']);
  });

  it('rejects a Lambda block without a function, or with one the workspace does not have', () => {
    expect(problemsOf([input, { ...call, function: '' }, output], line)).toEqual(['Block "call" (function): pick the function this block runs']);
    expect(problemsOf([input, call, output], line, ['refund'])).toEqual(['Block "call" (function): runs function "charge", which is not in the workspace']);
  });

  it('rejects a Condition without a default branch', () => {
    const decide: BlockInput = { id: 'decide', type: 'condition', position: at, branches: [{ id: 'big', when: 'data.n > 1' }] };
    const problems = problemsOf([input, decide, output], edges(['start', 'decide'], ['decide', 'done', 'big']));
    expect(problems).toEqual(['Block "decide" (default): has no default branch; connect "default" to the block that runs when no branch matches']);
    expect(problemsOf([input, decide, output], edges(['start', 'decide'], ['decide', 'done', 'big'], ['decide', 'done', 'default']))).toEqual([]);
  });

  it('rejects CEL that does not parse, naming the block and the setting', () => {
    const problems = problemsOf([input, { ...call, returns: [{ when: 'result.n >', body: 'result' }] }, output], line);
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatch(/^Block "call" \(returns\[0\]\.when\): the expression does not parse: /);
  });

  it('rejects CEL naming a block that does not exist', () => {
    const problems = problemsOf([input, call, { ...output, expression: 'blocks.ghost' }], line);
    expect(problems).toEqual(['Block "done" (expression): names block "ghost", which does not exist']);
  });

  it('rejects CEL naming a block that does not run before it', () => {
    const later: BlockInput = { id: 'later', type: 'transform', position: at, expression: 'data' };
    const early: BlockInput = { ...call, input: 'blocks.later' };
    const problems = problemsOf([input, early, later, output], edges(['start', 'call'], ['call', 'later'], ['later', 'done']));
    expect(problems).toEqual(['Block "call" (input): names block "later", which does not run before this block']);
  });

  it('lets a block inside a Map read blocks before the Map, not blocks inside another item or the Map itself', () => {
    const blocks: BlockInput[] = [
      input,
      call,
      { id: 'each', type: 'map', position: at, items: 'blocks.call.items' },
      { id: 'first', type: 'transform', parent: 'each', position: at, expression: '{"item": data, "order": blocks.call}' },
      { id: 'second', type: 'transform', parent: 'each', position: at, expression: 'blocks.first' },
      { id: 'peek', type: 'transform', parent: 'each', position: at, expression: 'blocks.each' },
      output,
    ];
    const problems = problemsOf(blocks, edges(['start', 'call'], ['call', 'each'], ['each', 'done'], ['first', 'second']));
    expect(problems).toEqual(['Block "peek" (expression): names block "each", which does not run before this block']);
  });

  it('rejects variables an expression cannot read, but not names a macro binds', () => {
    const problems = problemsOf([input, { ...call, input: 'data.items.map(x, x + limit)' }, output], line);
    expect(problems).toEqual(['Block "call" (input): names "limit", which is not known here (use data, blocks, input)']);
  });

  it('rejects `data.<name>` on a block with several inputs when no input has that name', () => {
    const blocks: BlockInput[] = [
      input,
      { id: 'left', type: 'transform', position: at },
      { id: 'right', type: 'transform', position: at },
      { id: 'both', type: 'transform', position: at, expression: 'data.left + data.middle' },
      output,
    ];
    const problems = problemsOf(blocks, edges(['start', 'left'], ['start', 'right'], ['left', 'both'], ['right', 'both'], ['both', 'done']));
    expect(problems).toEqual(['Block "both" (expression): names "data.middle", but this block\'s inputs are left, right']);
  });

  it('every problem about a block names it', () => {
    const blocks: BlockInput[] = [
      input,
      { ...call, function: '' },
      { id: 'decide', type: 'condition', position: at, branches: [{ id: 'x', when: 'nope(' }] },
      { id: 'stray', type: 'wait', position: at },
      { ...output, expression: 'blocks.stray' },
    ];
    const graph = WorkflowGraph.parse({ blocks, edges: edges(['start', 'call'], ['call', 'decide'], ['decide', 'done', 'x']) });
    const problems: WorkflowProblem[] = validateWorkflow(graph);
    expect(problems.length).toBeGreaterThanOrEqual(4);
    for (const problem of problems) {
      expect(problem.blockId).toBeDefined();
      expect(describeProblem(problem)).toContain(`Block "${problem.blockId}"`);
    }
  });

  it('asks for one Input and one Output', () => {
    expect(problemsOf([call], [])).toEqual(['The workflow needs an Input block.', 'The workflow needs an Output block.']);
  });
});
