import { type Block, type BlockType, type Edge, isContainer, type WorkflowGraph } from '../../shared/workflow/schema.ts';
import { blockKind, newBlock } from './block-catalog.ts';
import type { Size, XY } from './flow-types.ts';

/**
 * Pure edits of a workflow graph. Each returns a new graph (unchanged blocks keep their
 * identity, so the canvas re-renders only what changed) or the same graph when nothing changes.
 */

const ID_RULE = /^[A-Za-z_][A-Za-z0-9_]*$/;

/** `base`, else `base_2`, `base_3`…: the first name nobody uses. */
export function uniqueId(base: string, taken: ReadonlySet<string>): string {
  const clean = ID_RULE.test(base) ? base : `b_${base.replace(/[^A-Za-z0-9_]/g, '_')}`;
  if (!taken.has(clean)) return clean;
  const stem = clean.replace(/_\d+$/, '');
  for (let n = 2; ; n++) {
    const candidate = `${stem}_${n}`;
    if (!taken.has(candidate)) return candidate;
  }
}

export function blockIds(graph: WorkflowGraph): Set<string> {
  return new Set(graph.blocks.map((b) => b.id));
}

/** An edge id that says what it joins, unique in the graph. */
export function edgeId(edge: Omit<Edge, 'id'>, taken: ReadonlySet<string>): string {
  const base = `${edge.source}${edge.sourceHandle === undefined ? '' : `.${edge.sourceHandle}`}->${edge.target}`;
  if (!taken.has(base)) return base;
  for (let n = 2; ; n++) if (!taken.has(`${base}#${n}`)) return `${base}#${n}`;
}

/** Adds a block of `type` with a fresh name; returns the graph and the name it got. */
export function addBlock(graph: WorkflowGraph, type: BlockType, position: XY, parent?: string): { graph: WorkflowGraph; id: string } {
  const id = uniqueId(blockKind(type).baseName, blockIds(graph));
  const block = newBlock(type, id, { x: Math.round(position.x), y: Math.round(position.y) }, parent);
  // Containers go first so React Flow always meets a parent before its children.
  const blocks = isContainer(type) ? [block, ...graph.blocks] : [...graph.blocks, block];
  return { graph: { ...graph, blocks }, id };
}

/** Replaces one block's settings (not its name: see renameBlock). */
export function updateBlock(graph: WorkflowGraph, id: string, patch: (block: Block) => Block): WorkflowGraph {
  let changed = false;
  const blocks = graph.blocks.map((b) => {
    if (b.id !== id) return b;
    const next = patch(b);
    if (next !== b) changed = true;
    return next;
  });
  return changed ? { ...graph, blocks } : graph;
}

/** Why a block cannot take this name, or undefined when it can. */
export function renameProblem(graph: WorkflowGraph, from: string, to: string): string | undefined {
  if (to === from) return undefined;
  if (to === '') return 'A block needs a name.';
  if (to.length > 64) return 'At most 64 characters.';
  if (!ID_RULE.test(to)) return 'A letter or _, then letters, digits and _ (it is used in expressions as blocks.<name>).';
  if (graph.blocks.some((b) => b.id === to)) return `Another block is already called "${to}".`;
  return undefined;
}

/** Renames a block and everything that points at it: edges and the blocks inside it. */
export function renameBlock(graph: WorkflowGraph, from: string, to: string): WorkflowGraph {
  if (from === to || renameProblem(graph, from, to) !== undefined) return graph;
  const blocks = graph.blocks.map((b) => {
    if (b.id === from) return { ...b, id: to };
    if (b.parent === from) return { ...b, parent: to };
    return b;
  });
  const edges = graph.edges.map((e) => (e.source === from || e.target === from ? { ...e, source: e.source === from ? to : e.source, target: e.target === from ? to : e.target } : e));
  return { ...graph, blocks, edges };
}

/** The blocks and, for containers, everything nested inside them. */
export function withDescendants(graph: WorkflowGraph, ids: Iterable<string>): Set<string> {
  const found = new Set(ids);
  let grew = true;
  while (grew) {
    grew = false;
    for (const b of graph.blocks) {
      if (b.parent !== undefined && found.has(b.parent) && !found.has(b.id)) {
        found.add(b.id);
        grew = true;
      }
    }
  }
  return found;
}

/** Removes blocks (with what is inside them) and edges, and every edge left hanging. */
export function removeElements(graph: WorkflowGraph, blockIds: Iterable<string>, edgeIds: Iterable<string> = []): WorkflowGraph {
  const gone = withDescendants(graph, blockIds);
  const goneEdges = new Set(edgeIds);
  if (gone.size === 0 && goneEdges.size === 0) return graph;
  return {
    ...graph,
    blocks: graph.blocks.filter((b) => !gone.has(b.id)),
    edges: graph.edges.filter((e) => !goneEdges.has(e.id) && !gone.has(e.source) && !gone.has(e.target)),
  };
}

export interface Connection {
  source: string;
  target: string;
  sourceHandle?: string | null | undefined;
}

/** Why two blocks cannot be joined, or undefined when they can. */
export function connectionProblem(graph: WorkflowGraph, c: Connection): string | undefined {
  const source = graph.blocks.find((b) => b.id === c.source);
  const target = graph.blocks.find((b) => b.id === c.target);
  if (source === undefined || target === undefined) return 'Both ends must be blocks.';
  if (source.id === target.id) return 'A block cannot feed itself.';
  if (source.parent !== target.parent) return 'Blocks inside a Map or Parallel connect only to each other; connect the container instead.';
  if (target.type === 'input') return 'The Input block starts the run; nothing connects into it.';
  if (source.type === 'output') return 'The Output block ends the run; nothing leaves it.';
  const handle = c.sourceHandle ?? undefined;
  if (graph.edges.some((e) => e.source === c.source && e.target === c.target && (e.sourceHandle ?? undefined) === handle)) return 'These blocks are already connected.';
  return undefined;
}

/** Joins two blocks (a Condition from one of its branch handles); unchanged when it can't. */
export function connect(graph: WorkflowGraph, c: Connection): WorkflowGraph {
  if (connectionProblem(graph, c) !== undefined) return graph;
  const source = graph.blocks.find((b) => b.id === c.source);
  const handle = source?.type === 'condition' && c.sourceHandle != null ? c.sourceHandle : undefined;
  const bare = { source: c.source, target: c.target, ...(handle === undefined ? {} : { sourceHandle: handle }) };
  const edge: Edge = { id: edgeId(bare, new Set(graph.edges.map((e) => e.id))), ...bare };
  return { ...graph, edges: [...graph.edges, edge] };
}

/** Moves blocks to new positions (relative to their container, as stored). */
export function moveBlocks(graph: WorkflowGraph, positions: ReadonlyMap<string, XY>): WorkflowGraph {
  let changed = false;
  const blocks = graph.blocks.map((b) => {
    const p = positions.get(b.id);
    if (p === undefined) return b;
    const next = { x: Math.round(p.x), y: Math.round(p.y) };
    if (next.x === b.position.x && next.y === b.position.y) return b;
    changed = true;
    return { ...b, position: next };
  });
  return changed ? { ...graph, blocks } : graph;
}

/** A container's new size. */
export function resizeBlock(graph: WorkflowGraph, id: string, size: Size): WorkflowGraph {
  const rounded = { width: Math.round(size.width), height: Math.round(size.height) };
  return updateBlock(graph, id, (b) => {
    if (b.type !== 'map' && b.type !== 'parallel') return b;
    if (b.size?.width === rounded.width && b.size.height === rounded.height) return b;
    return { ...b, size: rounded };
  });
}

/**
 * Moves a block into a container (or out, with `parent` undefined) at `position` relative to
 * it. Its connections would cross the container's edge, so they go.
 */
export function reparent(graph: WorkflowGraph, id: string, parent: string | undefined, position: XY): WorkflowGraph {
  const block = graph.blocks.find((b) => b.id === id);
  if (block === undefined || block.parent === parent) return graph;
  if (parent !== undefined && withDescendants(graph, [id]).has(parent)) return graph;
  const { parent: _old, ...rest } = block;
  const moved: Block = { ...rest, position: { x: Math.round(position.x), y: Math.round(position.y) }, ...(parent === undefined ? {} : { parent }) } as Block;
  const others = graph.blocks.filter((b) => b.id !== id);
  // Keep parents before children: a block that moves into a container goes after it.
  const at = parent === undefined ? others.length : others.findIndex((b) => b.id === parent) + 1;
  const blocks = [...others.slice(0, at), moved, ...others.slice(at)];
  return { ...graph, blocks, edges: graph.edges.filter((e) => e.source !== id && e.target !== id) };
}

/** The graph's blocks sorted so every container comes before what it holds. */
export function parentsFirst(blocks: readonly Block[]): Block[] {
  const ids = new Set(blocks.map((b) => b.id));
  const depth = new Map<string, number>();
  const depthOf = (b: Block, seen: Set<string>): number => {
    const known = depth.get(b.id);
    if (known !== undefined) return known;
    if (b.parent === undefined || !ids.has(b.parent) || seen.has(b.id)) return 0;
    seen.add(b.id);
    const parent = blocks.find((p) => p.id === b.parent);
    const d = parent === undefined ? 0 : depthOf(parent, seen) + 1;
    depth.set(b.id, d);
    return d;
  };
  return blocks
    .map((b, i) => ({ b, i, d: depthOf(b, new Set()) }))
    .sort((x, y) => x.d - y.d || x.i - y.i)
    .map((x) => x.b);
}

/**
 * The first place at or below `point` where a new block covers no top-level block, so a block
 * added with a click never lands on top of another.
 */
export function freeSpot(graph: WorkflowGraph, point: XY, size: Size, gap = 24): XY {
  const top = graph.blocks.filter((b) => b.parent === undefined);
  const covers = (at: XY) =>
    top.some((b) => {
      const own = 'size' in b ? b.size : undefined;
      const w = own?.width ?? size.width;
      const h = own?.height ?? size.height;
      return at.x < b.position.x + w && b.position.x < at.x + size.width && at.y < b.position.y + h && b.position.y < at.y + size.height;
    });
  let at = point;
  for (let i = 0; i < 200 && covers(at); i++) at = { x: at.x, y: at.y + size.height + gap };
  return at;
}
