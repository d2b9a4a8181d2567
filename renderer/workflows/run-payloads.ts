import { WorkflowGraph } from '../../shared/workflow/schema.ts';

/** JSON text → value, or undefined when it is not JSON. */
export function parseJson(text: string | undefined): unknown {
  if (text === undefined || text === '') return undefined;
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return undefined;
  }
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/**
 * The runner's event carries the graph and the workflow's input side by side; a run shows
 * the input, and keeps the graph it ran with (the file may have changed since).
 */
export function readRunnerInput(payload: string | undefined): { input: string | undefined; graph: WorkflowGraph | undefined } {
  const value = parseJson(payload);
  if (!isRecord(value) || !('graph' in value)) return { input: payload, graph: undefined };
  const graph = WorkflowGraph.safeParse(value['graph']);
  return { input: JSON.stringify(value['input'] ?? null), graph: graph.success ? asDrawn(graph.data) : undefined };
}

/**
 * On an AWS target the runner's graph calls `<function>:live` (the alias the deploy published);
 * the canvas names the workspace function, so the same graph does not read as changed.
 */
export function asDrawn(graph: WorkflowGraph): WorkflowGraph {
  if (!graph.blocks.some((b) => b.type === 'lambda' && b.function.endsWith(':live'))) return graph;
  return { ...graph, blocks: graph.blocks.map((b) => (b.type === 'lambda' && b.function.endsWith(':live') ? { ...b, function: b.function.slice(0, -':live'.length) } : b)) };
}

/**
 * What a Map or Parallel handed on, from the SDK's batch result (`{all: [{result, status}…]}`):
 * a Map's list of item results, a Parallel's branch results merged by block name.
 */
export function batchOutput(kind: 'map' | 'parallel', result: string | undefined): { output: string | undefined; total: number | undefined; failed: number } {
  const value = parseJson(result);
  if (!isRecord(value) || !Array.isArray(value['all'])) return { output: result, total: undefined, failed: 0 };
  const items = value['all'].filter(isRecord);
  const failed = items.filter((i) => i['status'] === 'FAILED' || i['error'] !== undefined).length;
  if (kind === 'map') return { output: JSON.stringify(items.map((i) => i['result'] ?? null)), total: items.length, failed };
  const merged: Record<string, unknown> = {};
  for (const item of items) if (isRecord(item['result'])) Object.assign(merged, item['result']);
  return { output: JSON.stringify(merged), total: items.length, failed };
}

/** Several upstream outputs (JSON texts) as the one object a block receives, keyed by block name. */
export function mergeInputs(entries: readonly (readonly [string, string | undefined])[]): string {
  return JSON.stringify(Object.fromEntries(entries.map(([id, text]) => [id, parseJson(text) ?? null])));
}
