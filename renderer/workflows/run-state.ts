import type { HistoryEvent } from '../../shared/contract/executions.ts';
import { type Block, type WorkflowGraph } from '../../shared/workflow/schema.ts';
import { fromHistory } from '../executions/from-history.ts';
import { type ErrorInfo, isDone, type OperationView } from '../executions/model.ts';
import { executionLook } from '../executions/status-look.ts';
import { batchOutput, mergeInputs, parseJson, readRunnerInput } from './run-payloads.ts';

/** How a block stands in a run; each also has a word (`label`) and, on the card, an icon. */
export type BlockStatus = 'pending' | 'running' | 'waiting' | 'succeeded' | 'failed' | 'skipped';

export interface BlockRun {
  status: BlockStatus;
  label: string;
  /** JSON text of what the block received, when known. */
  input?: string | undefined;
  output?: string | undefined;
  /**
   * A Lambda block with return or catch rules: what the function answered. The rules then shape
   * the block's output outside any operation, so the history does not hold it (`output` stays empty).
   */
  result?: string | undefined;
  error?: ErrorInfo | undefined;
  /** A Map's items, or a block inside a Map: how many of its runs are done, failed, and started. */
  progress?: { done: number; failed: number; total: number } | undefined;
  /** An Approval waiting for its answer. */
  callbackId?: string | undefined;
  /** The branch a Condition took. */
  branch?: string | undefined;
  attempts?: number | undefined;
  startMs?: number | undefined;
  endMs?: number | undefined;
}

export interface RunView {
  status: string;
  name: string;
  startMs: number;
  endMs?: number | undefined;
  /** The workflow's input (not the runner's whole event). */
  input?: string | undefined;
  result?: string | undefined;
  error?: ErrorInfo | undefined;
  blocks: Record<string, BlockRun>;
  /** Edges that carried data in this run. */
  takenEdges: string[];
  /** The graph the run started with, when its event holds one. */
  runGraph?: WorkflowGraph | undefined;
}

/** Operations that are part of how the SDK does a block, not the block itself. */
function isHelper(op: OperationView, byId: ReadonlyMap<string, OperationView>): boolean {
  if (op.type === 'CALLBACK' || op.subType === 'MapIteration' || op.subType === 'ParallelBranch') return true;
  const parent = op.parentId === undefined ? undefined : byId.get(op.parentId);
  return parent?.subType === 'WaitForCallback';
}

function opRun(op: OperationView, children: readonly OperationView[], executionDone: boolean, executionStatus: string): BlockRun {
  const base = { startMs: op.startMs, endMs: op.endMs, attempts: op.attempts.length > 1 ? op.attempts.length : undefined };
  switch (op.status) {
    case 'SUCCEEDED':
      return { ...base, status: 'succeeded', label: 'Succeeded', output: op.result };
    case 'FAILED':
      return { ...base, status: 'failed', label: 'Failed', error: op.error };
    case 'TIMED_OUT':
      return { ...base, status: 'failed', label: 'Timed out', error: op.error };
    case 'CANCELLED':
    case 'STOPPED':
      return { ...base, status: 'skipped', label: op.status === 'STOPPED' ? 'Stopped' : 'Cancelled' };
  }
  if (executionDone) return { ...base, status: 'skipped', label: executionLook(executionStatus).label };
  if (op.status === 'PENDING') return { ...base, status: 'waiting', label: 'Retry scheduled', error: op.attempts.at(-1)?.error };
  if (op.type === 'WAIT') return { ...base, status: 'waiting', label: 'Waiting' };
  const callback = children.find((c) => c.type === 'CALLBACK');
  if (op.subType === 'WaitForCallback') {
    return callback !== undefined && !isDone(callback.status) ? { ...base, status: 'waiting', label: 'Waiting for approval', callbackId: callback.callbackId } : { ...base, status: 'running', label: 'Starting' };
  }
  return { ...base, status: 'running', label: 'Running' };
}

/** A block inside a Map runs once per item: one state for all of its runs. */
function combine(runs: readonly BlockRun[]): BlockRun {
  const done = runs.filter((r) => r.status === 'succeeded').length;
  const failed = runs.filter((r) => r.status === 'failed').length;
  const progress = { done, failed, total: runs.length };
  const last = runs.at(-1) as BlockRun;
  const live = runs.find((r) => r.status === 'running' || r.status === 'waiting');
  if (live !== undefined) return { ...live, progress };
  const firstFailure = runs.find((r) => r.status === 'failed');
  if (firstFailure !== undefined) return { ...last, status: 'failed', label: `${failed} of ${runs.length} failed`, error: firstFailure.error, progress };
  return { ...last, progress };
}

function blockFromOps(block: Block, ops: readonly OperationView[], childrenOf: (id: string) => OperationView[], done: boolean, status: string): BlockRun {
  const runs = ops.map((op) => {
    const run = opRun(op, childrenOf(op.id), done, status);
    if (block.type === 'approval') {
      const callback = childrenOf(op.id).find((c) => c.type === 'CALLBACK');
      if (callback?.result !== undefined) run.output = callback.result;
      if (run.error === undefined && callback?.error !== undefined) run.error = callback.error;
    }
    if (block.type === 'lambda') {
      if (op.input !== undefined && op.input !== '') run.input = op.input;
      if (block.returns.length > 0 || block.catches.length > 0) {
        run.result = run.output;
        run.output = undefined;
      }
    }
    if (block.type === 'condition' && op.result !== undefined) run.branch = String(parseJson(op.result) ?? '');
    if (block.type === 'map' || block.type === 'parallel') {
      const items = childrenOf(op.id).filter((c) => c.subType === 'MapIteration' || c.subType === 'ParallelBranch');
      const batch = batchOutput(block.type, op.result);
      if (op.result !== undefined) run.output = batch.output;
      const finished = items.filter((c) => c.status === 'SUCCEEDED').length;
      const failed = items.filter((c) => c.status === 'FAILED' || c.status === 'TIMED_OUT').length;
      if (block.type === 'map') run.progress = { done: finished, failed, total: batch.total ?? items.length };
    }
    return run;
  });
  return runs.length === 1 ? (runs[0] as BlockRun) : combine(runs);
}

/**
 * Each block's state in a run, from the execution's history: a block's operation is the one
 * named after it (its helpers, such as an approval's callback, are folded into it). Blocks
 * that have not run are pending while the run goes on, or skipped when a Condition sent the
 * run elsewhere or the run has ended.
 */
export function deriveRunView(graph: WorkflowGraph, events: readonly HistoryEvent[]): RunView {
  const { operations, execution } = fromHistory(events);
  const byId = new Map(operations.map((o) => [o.id, o]));
  const children = new Map<string, OperationView[]>();
  for (const op of operations) if (op.parentId !== undefined) children.set(op.parentId, [...(children.get(op.parentId) ?? []), op]);
  const childrenOf = (id: string) => children.get(id) ?? [];
  const byName = new Map<string, OperationView[]>();
  for (const op of operations) if (!isHelper(op, byId)) byName.set(op.name, [...(byName.get(op.name) ?? []), op]);

  const done = isDone(execution.status);
  const runner = readRunnerInput(execution.input);
  const blocks: Record<string, BlockRun> = {};
  for (const block of graph.blocks) {
    const ops = byName.get(block.id) ?? [];
    if (block.type === 'input' && ops.length === 0) {
      blocks[block.id] = { status: 'succeeded', label: 'Started', output: runner.input, startMs: execution.startMs };
    } else if (ops.length > 0) {
      blocks[block.id] = blockFromOps(block, ops, childrenOf, done, execution.status);
    }
  }
  settleCaughtErrors(graph, blocks, execution.status);
  const takenEdges = markUnreached(graph, blocks, done);
  fillInputs(graph, blocks, runner.input);
  return {
    status: execution.status,
    name: execution.name,
    startMs: execution.startMs,
    endMs: execution.endMs,
    input: runner.input,
    result: execution.result,
    error: execution.error,
    blocks,
    takenEdges,
    runGraph: runner.graph,
  };
}

/**
 * A Lambda block whose function failed but whose catch rule took the error succeeded: the run
 * went on past it (a later block ran, or the run succeeded).
 */
function settleCaughtErrors(graph: WorkflowGraph, blocks: Record<string, BlockRun>, executionStatus: string): void {
  for (const block of graph.blocks) {
    const run = blocks[block.id];
    if (block.type !== 'lambda' || block.catches.length === 0 || run?.status !== 'failed') continue;
    const wentOn = executionStatus === 'SUCCEEDED' || graph.edges.some((e) => e.source === block.id && blocks[e.target] !== undefined);
    if (wentOn) Object.assign(run, { status: 'succeeded', label: `Caught ${run.error?.type ?? 'an error'}` });
  }
}

function edgeCarries(source: BlockRun | undefined, handle: string | undefined): boolean {
  if (source === undefined || source.status !== 'succeeded') return false;
  return source.branch === undefined || source.branch === handle;
}

/** Gives blocks that have not run a state; returns the edges that carried data. */
function markUnreached(graph: WorkflowGraph, blocks: Record<string, BlockRun>, done: boolean): string[] {
  const taken = graph.edges.filter((e) => edgeCarries(blocks[e.source], e.sourceHandle)).map((e) => e.id);
  // A block no path can reach any more is skipped; repeat until nothing changes (the graph is small).
  // Blocks on a path a Condition did not take: skipped for good, whatever else happens.
  const bypassed = new Set<string>();
  let changed = true;
  while (changed) {
    changed = false;
    for (const block of graph.blocks) {
      if (blocks[block.id] !== undefined) continue;
      const incoming = graph.edges.filter((e) => e.target === block.id);
      const container = block.parent === undefined ? undefined : blocks[block.parent];
      const containerOver = container !== undefined && container.status !== 'running' && container.status !== 'waiting' && container.status !== 'pending';
      const dead =
        incoming.length > 0 &&
        incoming.every((e) => {
          const source = blocks[e.source];
          return bypassed.has(e.source) || (source?.status === 'succeeded' && !edgeCarries(source, e.sourceHandle));
        });
      if (dead) bypassed.add(block.id);
      if (done || dead || containerOver) {
        blocks[block.id] = { status: 'skipped', label: dead ? 'Skipped' : 'Not run' };
        changed = true;
      }
    }
  }
  for (const block of graph.blocks) blocks[block.id] ??= { status: 'pending', label: 'Not started' };
  return taken;
}

/** Blocks whose output is the data they were given. */
const PASS_THROUGH = new Set(['condition', 'wait']);

/**
 * What each block received: its one input's output, several inputs by name, or the run's input
 * (a Parallel's chains start from the Parallel's). Conditions and Waits hand on what they got.
 */
function fillInputs(graph: WorkflowGraph, blocks: Record<string, BlockRun>, workflowInput: string | undefined): void {
  const byId = new Map(graph.blocks.map((b) => [b.id, b]));
  const done = new Set<string>();
  const resolve = (id: string, depth: number): void => {
    const block = byId.get(id);
    const run = blocks[id];
    if (block === undefined || run === undefined || done.has(id) || depth > graph.blocks.length) return;
    done.add(id);
    const incoming = graph.edges.filter((e) => e.target === id);
    for (const e of incoming) resolve(e.source, depth + 1);
    if (block.parent !== undefined) resolve(block.parent, depth + 1);
    if (run.status === 'pending' || run.status === 'skipped' || block.type === 'input') return;
    if (run.input === undefined) {
      if (incoming.length === 0) {
        const parent = block.parent === undefined ? undefined : byId.get(block.parent);
        if (parent === undefined) run.input = workflowInput;
        else if (parent.type === 'parallel') run.input = blocks[parent.id]?.input;
      } else if (incoming.length === 1) {
        run.input = blocks[incoming[0]!.source]?.output;
      } else {
        const active = incoming.filter((e) => edgeCarries(blocks[e.source], e.sourceHandle));
        run.input = mergeInputs(active.map((e) => [e.source, blocks[e.source]?.output] as const));
      }
    }
    if (PASS_THROUGH.has(block.type) && run.status === 'succeeded') run.output = run.input;
  };
  for (const block of graph.blocks) resolve(block.id, 0);
}
