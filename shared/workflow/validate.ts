import { celReferences, celSyntaxError } from './cel.ts';
import { ancestorsOf, blocksInCycles, type GraphIndex, indexGraph, scopeOf } from './graph.ts';
import { type Block, DEFAULT_BRANCH, isContainer, type WorkflowGraph } from './schema.ts';

/** Something wrong with a graph, tied to the block (or edge) it is about. */
export interface WorkflowProblem {
  blockId?: string;
  edgeId?: string;
  /** The setting at fault, e.g. `expression`, `returns[1].when`. */
  field?: string;
  message: string;
}

/** One line for a person: the block, then what is wrong. */
export function describeProblem(problem: WorkflowProblem): string {
  const where = problem.blockId === undefined ? (problem.edgeId === undefined ? '' : `Edge "${problem.edgeId}"`) : `Block "${problem.blockId}"`;
  const field = problem.field === undefined ? '' : ` (${problem.field})`;
  return where === '' ? problem.message : `${where}${field}: ${problem.message}`;
}

/** The variables an expression may read, by where it stands. */
const BLOCK_VARS = ['data', 'blocks', 'input'];
const RETURN_VARS = [...BLOCK_VARS, 'event', 'context', 'result'];
const CATCH_VARS = [...BLOCK_VARS, 'event', 'context', 'error'];

export interface ValidateOptions {
  /** Workspace function names; when given, a Lambda block naming another is a problem. */
  functions?: readonly string[];
}

/** Everything wrong with a graph; empty when it can run. */
export function validateWorkflow(graph: WorkflowGraph, options: ValidateOptions = {}): WorkflowProblem[] {
  const problems: WorkflowProblem[] = [];
  const index = indexGraph(graph);
  checkIds(graph, problems);
  checkEdges(index, problems);
  checkScopes(index, problems);
  for (const block of graph.blocks) checkBlock(index, block, options, problems);
  return problems;
}

function checkIds(graph: WorkflowGraph, problems: WorkflowProblem[]): void {
  const seen = new Set<string>();
  for (const block of graph.blocks) {
    if (seen.has(block.id)) problems.push({ blockId: block.id, message: 'another block has the same name; names must be unique' });
    seen.add(block.id);
  }
  for (const block of graph.blocks) {
    if (block.parent === undefined) continue;
    const parent = graph.blocks.find((b) => b.id === block.parent);
    if (parent === undefined || !isContainer(parent.type)) {
      problems.push({ blockId: block.id, field: 'parent', message: `sits in "${block.parent}", which is not a Map or Parallel block` });
    }
    if (block.type === 'input' || block.type === 'output') {
      problems.push({ blockId: block.id, message: `an ${block.type === 'input' ? 'Input' : 'Output'} block belongs on the top level, not inside a Map or Parallel` });
    }
  }
}

function checkEdges(index: GraphIndex, problems: WorkflowProblem[]): void {
  const seen = new Set<string>();
  for (const edge of index.graph.edges) {
    const source = index.byId.get(edge.source);
    const target = index.byId.get(edge.target);
    if (source === undefined || target === undefined) {
      problems.push({ edgeId: edge.id, message: `connects a block that does not exist (${source === undefined ? edge.source : edge.target})` });
      continue;
    }
    if (edge.source === edge.target) problems.push({ blockId: source.id, edgeId: edge.id, message: 'is connected to itself' });
    if (source.parent !== target.parent) {
      problems.push({ blockId: target.id, edgeId: edge.id, message: `is connected to "${source.id}" across a Map or Parallel boundary; connect the container instead` });
    }
    if (target.type === 'input') problems.push({ blockId: target.id, edgeId: edge.id, message: 'the Input block cannot have incoming connections' });
    if (source.type === 'output') problems.push({ blockId: source.id, edgeId: edge.id, message: 'the Output block cannot have outgoing connections' });
    if (source.type === 'condition') {
      const handles = [...source.branches.map((b) => b.id), DEFAULT_BRANCH];
      if (edge.sourceHandle === undefined || !handles.includes(edge.sourceHandle)) {
        problems.push({ blockId: source.id, edgeId: edge.id, message: `a connection leaves from an unknown branch "${edge.sourceHandle ?? ''}"` });
      }
    }
    const key = `${edge.source}\u0000${edge.sourceHandle ?? ''}\u0000${edge.target}`;
    if (seen.has(key)) problems.push({ blockId: target.id, edgeId: edge.id, message: `is connected to "${source.id}" twice` });
    seen.add(key);
  }
}

function checkScopes(index: GraphIndex, problems: WorkflowProblem[]): void {
  const top = scopeOf(index, undefined);
  const inputs = top.blocks.filter((b) => b.type === 'input');
  const outputs = top.blocks.filter((b) => b.type === 'output');
  if (inputs.length === 0) problems.push({ message: 'The workflow needs an Input block.' });
  for (const extra of inputs.slice(1)) problems.push({ blockId: extra.id, message: 'a workflow has one Input block; remove this one' });
  if (outputs.length === 0) problems.push({ message: 'The workflow needs an Output block.' });
  for (const extra of outputs.slice(1)) problems.push({ blockId: extra.id, message: 'a workflow has one Output block; remove this one' });

  for (const scope of index.scopes.values()) {
    for (const id of blocksInCycles(scope)) problems.push({ blockId: id, message: 'is part of a cycle; workflows run forward only' });
  }
  // Every top-level block must be reachable from the Input, or it could never run.
  const start = inputs[0];
  if (start !== undefined) {
    const reached = new Set([start.id]);
    const stack = [start.id];
    while (stack.length > 0) {
      for (const edge of index.outgoing.get(stack.pop() as string) ?? []) {
        if (!reached.has(edge.target)) {
          reached.add(edge.target);
          stack.push(edge.target);
        }
      }
    }
    for (const block of top.blocks) {
      if (!reached.has(block.id)) problems.push({ blockId: block.id, message: 'is not connected to the Input, so it would never run' });
    }
  }
  for (const block of index.graph.blocks) {
    if (isContainer(block.type) && scopeOf(index, block.id).blocks.length === 0) {
      problems.push({ blockId: block.id, message: `has no blocks inside; drop the blocks each ${block.type === 'map' ? 'item' : 'branch'} runs into it` });
    }
  }
}

function checkExpression(
  index: GraphIndex,
  block: Block,
  field: string,
  source: string | undefined,
  allowed: readonly string[],
  problems: WorkflowProblem[],
): void {
  if (source === undefined) return;
  const syntax = celSyntaxError(source);
  if (syntax !== undefined) {
    problems.push({ blockId: block.id, field, message: `the expression does not parse: ${syntax}` });
    return;
  }
  const { variables, members } = celReferences(source, ['blocks', 'data']);
  for (const name of variables) {
    if (!allowed.includes(name)) problems.push({ blockId: block.id, field, message: `names "${name}", which is not known here (use ${allowed.join(', ')})` });
  }
  const known = ancestorsOf(index, block.id);
  for (const name of members.get('blocks') ?? []) {
    if (!index.byId.has(name)) problems.push({ blockId: block.id, field, message: `names block "${name}", which does not exist` });
    else if (!known.has(name)) problems.push({ blockId: block.id, field, message: `names block "${name}", which does not run before this block` });
  }
  // With several inputs, `data` holds one member per upstream block.
  const upstream = (index.incoming.get(block.id) ?? []).map((e) => e.source);
  if (upstream.length > 1) {
    for (const name of members.get('data') ?? []) {
      if (!upstream.includes(name)) problems.push({ blockId: block.id, field, message: `names "data.${name}", but this block's inputs are ${upstream.join(', ')}` });
    }
  }
}

function checkBlock(index: GraphIndex, block: Block, options: ValidateOptions, problems: WorkflowProblem[]): void {
  const expr = (field: string, source: string | undefined, allowed = BLOCK_VARS) => checkExpression(index, block, field, source, allowed, problems);
  switch (block.type) {
    case 'lambda':
      if (block.function === '') problems.push({ blockId: block.id, field: 'function', message: 'pick the function this block runs' });
      else if (options.functions !== undefined && !options.functions.includes(block.function)) {
        problems.push({ blockId: block.id, field: 'function', message: `runs function "${block.function}", which is not in the workspace` });
      }
      expr('input', block.input);
      block.returns.forEach((rule, i) => {
        expr(`returns[${i}].when`, rule.when, RETURN_VARS);
        expr(`returns[${i}].body`, rule.body, RETURN_VARS);
      });
      block.catches.forEach((rule, i) => {
        expr(`catches[${i}].when`, rule.when, CATCH_VARS);
        expr(`catches[${i}].body`, rule.body, CATCH_VARS);
      });
      break;
    case 'transform':
      expr('expression', block.expression);
      break;
    case 'condition': {
      const ids = new Set<string>();
      block.branches.forEach((branch, i) => {
        if (branch.id === DEFAULT_BRANCH) problems.push({ blockId: block.id, field: `branches[${i}].id`, message: `"${DEFAULT_BRANCH}" is the name of the default branch; pick another` });
        if (ids.has(branch.id)) problems.push({ blockId: block.id, field: `branches[${i}].id`, message: `two branches are named "${branch.id}"` });
        ids.add(branch.id);
        expr(`branches[${i}].when`, branch.when);
      });
      const out = index.outgoing.get(block.id) ?? [];
      if (!out.some((e) => e.sourceHandle === DEFAULT_BRANCH)) {
        problems.push({ blockId: block.id, field: 'default', message: 'has no default branch; connect "default" to the block that runs when no branch matches' });
      }
      break;
    }
    case 'map':
      expr('items', block.items);
      break;
    case 'output':
      expr('expression', block.expression);
      break;
    case 'approval':
      if (block.heartbeatSeconds !== undefined && block.timeoutSeconds !== undefined && block.heartbeatSeconds > block.timeoutSeconds) {
        problems.push({ blockId: block.id, field: 'heartbeatSeconds', message: 'the heartbeat timeout is longer than the timeout' });
      }
      break;
    case 'input':
    case 'parallel':
    case 'wait':
      break;
  }
}
