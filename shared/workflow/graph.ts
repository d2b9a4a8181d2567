import type { Block, Edge, WorkflowGraph } from './schema.ts';

/**
 * The graph's structure, read once: which blocks share a scope (the top level, or one
 * container's sub-flow), the edges between them, and a stable order to run them in.
 */
export interface Scope {
  /** The container's id, or undefined for the top level. */
  parent: string | undefined;
  blocks: Block[];
  edges: Edge[];
}

export interface GraphIndex {
  graph: WorkflowGraph;
  byId: Map<string, Block>;
  /** The scope of each container id, and of the top level under the key ''. */
  scopes: Map<string, Scope>;
  incoming: Map<string, Edge[]>;
  outgoing: Map<string, Edge[]>;
}

export function indexGraph(graph: WorkflowGraph): GraphIndex {
  const byId = new Map<string, Block>();
  for (const block of graph.blocks) if (!byId.has(block.id)) byId.set(block.id, block);
  const scopes = new Map<string, Scope>();
  const scopeOf = (parent: string | undefined): Scope => {
    const key = parent ?? '';
    let scope = scopes.get(key);
    if (scope === undefined) {
      scope = { parent, blocks: [], edges: [] };
      scopes.set(key, scope);
    }
    return scope;
  };
  scopeOf(undefined);
  for (const block of graph.blocks) scopeOf(block.parent).blocks.push(block);
  const incoming = new Map<string, Edge[]>();
  const outgoing = new Map<string, Edge[]>();
  for (const edge of graph.edges) {
    const source = byId.get(edge.source);
    const target = byId.get(edge.target);
    if (source === undefined || target === undefined || source.parent !== target.parent) continue;
    scopeOf(source.parent).edges.push(edge);
    incoming.set(edge.target, [...(incoming.get(edge.target) ?? []), edge]);
    outgoing.set(edge.source, [...(outgoing.get(edge.source) ?? []), edge]);
  }
  return { graph, byId, scopes, incoming, outgoing };
}

/** The sub-flow of a container (empty when it has none). */
export function scopeOf(index: GraphIndex, parent: string | undefined): Scope {
  return index.scopes.get(parent ?? '') ?? { parent, blocks: [], edges: [] };
}

/**
 * A topological order of a scope, ties broken by the blocks' order in the file so every run
 * (and every replay) starts the same operations in the same order. Undefined when it has a cycle.
 */
export function topologicalOrder(scope: Scope): Block[] | undefined {
  const pending = new Map<string, number>(scope.blocks.map((b) => [b.id, 0]));
  for (const edge of scope.edges) pending.set(edge.target, (pending.get(edge.target) ?? 0) + 1);
  const position = new Map(scope.blocks.map((b, i) => [b.id, i]));
  const ready = scope.blocks.filter((b) => pending.get(b.id) === 0);
  const order: Block[] = [];
  const byId = new Map(scope.blocks.map((b) => [b.id, b]));
  while (ready.length > 0) {
    ready.sort((a, b) => (position.get(a.id) ?? 0) - (position.get(b.id) ?? 0));
    const next = ready.shift() as Block;
    order.push(next);
    for (const edge of scope.edges) {
      if (edge.source !== next.id) continue;
      const left = (pending.get(edge.target) ?? 0) - 1;
      pending.set(edge.target, left);
      const target = byId.get(edge.target);
      if (left === 0 && target !== undefined) ready.push(target);
    }
  }
  return order.length === scope.blocks.length ? order : undefined;
}

/** Blocks of a cycle in the scope (empty when it has none): those a topological order never reaches. */
export function blocksInCycles(scope: Scope): string[] {
  const pending = new Map<string, number>(scope.blocks.map((b) => [b.id, 0]));
  for (const edge of scope.edges) pending.set(edge.target, (pending.get(edge.target) ?? 0) + 1);
  const queue = scope.blocks.filter((b) => pending.get(b.id) === 0).map((b) => b.id);
  const done = new Set<string>();
  while (queue.length > 0) {
    const id = queue.shift() as string;
    done.add(id);
    for (const edge of scope.edges) {
      if (edge.source !== id) continue;
      const left = (pending.get(edge.target) ?? 0) - 1;
      pending.set(edge.target, left);
      if (left === 0) queue.push(edge.target);
    }
  }
  return scope.blocks.filter((b) => !done.has(b.id)).map((b) => b.id);
}

/** Blocks of a scope with no edge out of them: their outputs make the sub-flow's result. */
export function sinksOf(scope: Scope): Block[] {
  const sources = new Set(scope.edges.map((e) => e.source));
  return scope.blocks.filter((b) => !sources.has(b.id));
}

/**
 * The parallel branches of a sub-flow: its weakly connected parts, each in file order. Each
 * runs in a branch of its own, named after its first block.
 */
export function branchesOf(scope: Scope): Scope[] {
  const parentOf = new Map(scope.blocks.map((b) => [b.id, b.id]));
  const find = (id: string): string => {
    let root = id;
    while (parentOf.get(root) !== root) root = parentOf.get(root) ?? root;
    parentOf.set(id, root);
    return root;
  };
  for (const edge of scope.edges) parentOf.set(find(edge.source), find(edge.target));
  const groups = new Map<string, Scope>();
  for (const block of scope.blocks) {
    const root = find(block.id);
    let group = groups.get(root);
    if (group === undefined) {
      group = { parent: scope.parent, blocks: [], edges: [] };
      groups.set(root, group);
    }
    group.blocks.push(block);
  }
  for (const edge of scope.edges) groups.get(find(edge.source))?.edges.push(edge);
  return [...groups.values()];
}

/**
 * Every block whose output is known when `id` runs: its ancestors in its own scope and, for a
 * block inside a container, the container's ancestors outward.
 */
export function ancestorsOf(index: GraphIndex, id: string): Set<string> {
  const found = new Set<string>();
  let current: string | undefined = id;
  while (current !== undefined) {
    const stack = [current];
    const seen = new Set<string>();
    while (stack.length > 0) {
      const next = stack.pop() as string;
      for (const edge of index.incoming.get(next) ?? []) {
        if (seen.has(edge.source)) continue;
        seen.add(edge.source);
        found.add(edge.source);
        stack.push(edge.source);
      }
    }
    current = index.byId.get(current)?.parent;
  }
  return found;
}
