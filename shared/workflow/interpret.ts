import { catchError, RuleError, shapeResult } from '../rules/response-rules.ts';
import { evaluateCel, evaluateCelBool } from './cel.ts';
import { branchesOf, type GraphIndex, indexGraph, type Scope, scopeOf, sinksOf, topologicalOrder } from './graph.ts';
import { type Block, type BlockOf, DEFAULT_BRANCH, type WorkflowGraph } from './schema.ts';

/**
 * Runs a workflow graph on a durable context. The runner hands in the official SDK's context
 * through a thin adapter; each block is one operation named after the block, started in a
 * fixed order, so replays line up with the checkpoints.
 */

/** An error as a block sees it: Lambda's error type, message and data. */
export interface FlowError {
  type: string;
  message: string;
  data?: unknown;
}

/** The outcome of one item or branch of a Map or Parallel. */
export type FlowItem = { ok: true; value: unknown } | { ok: false; error: FlowError };

/** The operations a workflow needs, in the shape the interpreter uses them. */
export interface FlowContext {
  /** A step that is never retried: expressions give the same answer every time. */
  step(name: string, fn: () => unknown): Promise<unknown>;
  invoke(name: string, functionName: string, payload: unknown): Promise<FlowItem>;
  wait(name: string, seconds: number): Promise<void>;
  /** Resolves with the callback's result text; rejects with the failure it was sent. */
  waitForCallback(name: string, config: { timeoutSeconds?: number; heartbeatSeconds?: number; instructions: string }): Promise<string | undefined>;
  map(
    name: string,
    items: unknown[],
    fn: (child: FlowContext, item: unknown, index: number) => Promise<unknown>,
    config: { maxConcurrency?: number; toleratedFailures: number },
  ): Promise<FlowItem[]>;
  parallel(name: string, branches: { name: string; fn: (child: FlowContext) => Promise<unknown> }[]): Promise<FlowItem[]>;
}

/** A block failed: the workflow fails with this, naming the block. */
export class WorkflowBlockError extends Error {
  readonly blockId: string;
  readonly errorType: string;
  readonly data: unknown;
  constructor(blockId: string, errorType: string, message: string, data?: unknown) {
    super(message);
    this.name = errorType;
    this.blockId = blockId;
    this.errorType = errorType;
    this.data = data;
  }
}

/** Why evaluating one of a block's expressions failed. */
function expressionError(block: Block, field: string, error: unknown): WorkflowBlockError {
  const reason = error instanceof Error ? error.message : String(error);
  return new WorkflowBlockError(block.id, 'WorkflowExpressionError', `Block "${block.id}" (${field}): ${reason}`);
}

function evalIn(block: Block, field: string, source: string, vars: Record<string, unknown>): unknown {
  try {
    return evaluateCel(source, vars);
  } catch (error) {
    throw expressionError(block, field, error);
  }
}

function evalBoolIn(block: Block, field: string, source: string, vars: Record<string, unknown>): boolean {
  try {
    return evaluateCelBool(source, vars);
  } catch (error) {
    throw expressionError(block, field, error);
  }
}

/** What a run knows while it goes: each finished block's output, and each Condition's branch. */
interface RunState {
  index: GraphIndex;
  workflow: string;
  input: unknown;
  outputs: Map<string, unknown>;
  branches: Map<string, string>;
}

function visibleOutputs(state: RunState): Record<string, unknown> {
  return Object.fromEntries(state.outputs);
}

async function runLambda(ctx: FlowContext, state: RunState, block: BlockOf<'lambda'>, data: unknown): Promise<unknown> {
  const common = { data, blocks: visibleOutputs(state), input: state.input };
  const sent = block.input === undefined ? data : evalIn(block, 'input', block.input, common);
  const event = { data: sent };
  const context = { workflow: state.workflow, block: block.id, function: block.function };
  const outcome = await ctx.invoke(block.id, block.function, event);
  try {
    if (!outcome.ok) {
      const error = { code: outcome.error.type, type: outcome.error.type, message: outcome.error.message, data: outcome.error.data ?? null };
      const caught = catchError(block.catches, { ...common, event, context, error });
      if (!caught.caught) throw new WorkflowBlockError(block.id, outcome.error.type, `Block "${block.id}": ${outcome.error.message}`, outcome.error.data);
      return caught.value;
    }
    return shapeResult(block.returns, { ...common, event, context, result: outcome.value });
  } catch (error) {
    throw error instanceof RuleError ? expressionError(block, error.field, error.reason) : error;
  }
}

/** The result of a sub-flow: its one last block's output, or each last block's output by name. */
function resultOf(scope: Scope, outputs: Map<string, unknown>): unknown {
  const sinks = sinksOf(scope);
  if (sinks.length === 1 && sinks[0] !== undefined) return outputs.get(sinks[0].id) ?? null;
  const result: Record<string, unknown> = {};
  for (const sink of sinks) if (outputs.has(sink.id)) result[sink.id] = outputs.get(sink.id);
  return result;
}

/** The error type of a Map item or Parallel branch that never finished: its block stopped once too many had failed. */
export const NOT_FINISHED = 'WorkflowItemNotFinished';

function failureOf(block: Block, items: FlowItem[], tolerated: number): void {
  const failed = items.flatMap((item, i) => (item.ok ? [] : [{ i, error: item.error }]));
  if (failed.length <= tolerated) return;
  // Items cut short are counted apart, and the first real failure is the one to report.
  const real = failed.filter((f) => f.error.type !== NOT_FINISHED);
  const first = real[0] ?? failed[0];
  const noun = block.type === 'map' ? 'items' : 'branches';
  const cut = failed.length - real.length;
  const what = `${real.length} of ${items.length} ${noun} failed${cut === 0 ? '' : ` (${cut} more did not finish)`}`;
  throw new WorkflowBlockError(block.id, first?.error.type ?? 'WorkflowError', `Block "${block.id}": ${what}${first === undefined ? '' : `; the first (${first.i}): ${first.error.message}`}`);
}

async function runBlock(ctx: FlowContext, state: RunState, block: Block, data: unknown): Promise<unknown> {
  const vars = () => ({ data, blocks: visibleOutputs(state), input: state.input });
  switch (block.type) {
    case 'input':
      return state.input;
    case 'lambda':
      return runLambda(ctx, state, block, data);
    case 'transform':
      return ctx.step(block.id, () => evalIn(block, 'expression', block.expression, vars()));
    case 'condition': {
      const branch = await ctx.step(block.id, () => {
        for (const [i, candidate] of block.branches.entries()) {
          if (evalBoolIn(block, `branches[${i}].when`, candidate.when, vars())) return candidate.id;
        }
        return DEFAULT_BRANCH;
      });
      state.branches.set(block.id, String(branch));
      return data;
    }
    case 'wait':
      await ctx.wait(block.id, block.seconds);
      return data;
    case 'approval': {
      const text = await ctx.waitForCallback(block.id, {
        instructions: block.instructions,
        ...(block.timeoutSeconds === undefined ? {} : { timeoutSeconds: block.timeoutSeconds }),
        ...(block.heartbeatSeconds === undefined ? {} : { heartbeatSeconds: block.heartbeatSeconds }),
      });
      if (text === undefined || text === '') return null;
      try {
        return JSON.parse(text) as unknown;
      } catch {
        return text;
      }
    }
    case 'map': {
      const items = evalIn(block, 'items', block.items, vars());
      if (!Array.isArray(items)) throw new WorkflowBlockError(block.id, 'WorkflowExpressionError', `Block "${block.id}" (items): must give a list, gave ${JSON.stringify(items)}`);
      const sub = scopeOf(state.index, block.id);
      const results = await ctx.map(block.id, items, (child, item) => runScope(child, state, sub, item), {
        ...(block.maxConcurrency === undefined ? {} : { maxConcurrency: block.maxConcurrency }),
        toleratedFailures: block.toleratedFailures,
      });
      failureOf(block, results, block.toleratedFailures);
      return results.map((r) => (r.ok ? r.value : null));
    }
    case 'parallel': {
      const sub = scopeOf(state.index, block.id);
      const branches = branchesOf(sub);
      const results = await ctx.parallel(
        block.id,
        branches.map((branch) => ({
          name: branch.blocks[0]?.id ?? block.id,
          // A branch answers with its last blocks' outputs by name, so they can be put together.
          fn: async (child: FlowContext) => {
            const { state: after } = await runScopeWith(child, state, branch, data);
            return Object.fromEntries(sinksOf(branch).filter((b) => after.outputs.has(b.id)).map((b) => [b.id, after.outputs.get(b.id)]));
          },
        })),
      );
      failureOf(block, results, 0);
      const outputs = new Map<string, unknown>();
      for (const r of results) if (r.ok && r.value !== null && typeof r.value === 'object') for (const [k, v] of Object.entries(r.value)) outputs.set(k, v);
      return resultOf(sub, outputs);
    }
    case 'output':
      return ctx.step(block.id, () => (block.expression === undefined ? data : evalIn(block, 'expression', block.expression, vars())));
  }
}

/** An edge carries data when its source ran in this scope and, leaving a Condition, is the branch it chose. */
function edgeActive(state: RunState, ran: Map<string, unknown>, edge: { source: string; sourceHandle?: string | undefined }): boolean {
  if (!ran.has(edge.source)) return false;
  const chosen = state.branches.get(edge.source);
  return chosen === undefined || chosen === edge.sourceHandle;
}

/**
 * Runs one scope: each block once its inputs are known, in a fixed order. A block runs when
 * it has no inputs (it gets the scope's data) or at least one of its inputs ran and, for a
 * Condition, chose the branch it hangs on; otherwise it is skipped, and so are blocks after it.
 * A block with one input gets that block's output as `data`; with several, an object holding
 * the output of each input that ran under that block's name.
 */
async function runScopeWith(ctx: FlowContext, parentState: RunState, scope: Scope, scopeData: unknown): Promise<{ result: unknown; state: RunState }> {
  // Each scope keeps its own outputs on top of its parents', so branches never see each other.
  const state: RunState = { ...parentState, outputs: new Map(parentState.outputs), branches: new Map(parentState.branches) };
  const order = topologicalOrder(scope);
  if (order === undefined) throw new WorkflowBlockError(scope.parent ?? 'workflow', 'WorkflowGraphError', 'The workflow has a cycle.');
  const ran = new Map<string, unknown>();
  for (const block of order) {
    const incoming = scope.edges.filter((e) => e.target === block.id);
    const active = incoming.filter((e) => edgeActive(state, ran, e));
    if (incoming.length > 0 && active.length === 0) continue;
    let data: unknown = scopeData;
    if (incoming.length === 1 && incoming[0] !== undefined) data = ran.get(incoming[0].source);
    else if (incoming.length > 1) data = Object.fromEntries(active.map((e) => [e.source, ran.get(e.source)]));
    const output = await runBlock(ctx, state, block, data);
    ran.set(block.id, output);
    state.outputs.set(block.id, output);
  }
  return { result: resultOf(scope, ran), state };
}

async function runScope(ctx: FlowContext, state: RunState, scope: Scope, scopeData: unknown): Promise<unknown> {
  return (await runScopeWith(ctx, state, scope, scopeData)).result;
}

/** Runs the whole graph on `ctx` with the workflow's event; resolves with the Output block's output (null when it was skipped). */
export async function runWorkflow(ctx: FlowContext, graph: WorkflowGraph, input: unknown, workflow: string): Promise<unknown> {
  const index = indexGraph(graph);
  const start: RunState = { index, workflow, input, outputs: new Map(), branches: new Map() };
  const top = scopeOf(index, undefined);
  const { state } = await runScopeWith(ctx, start, top, input);
  const output = top.blocks.find((b) => b.type === 'output');
  return output === undefined ? null : (state.outputs.get(output.id) ?? null);
}
