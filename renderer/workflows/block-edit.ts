import type { BlockOf, BlockType } from '../../shared/workflow/schema.ts';
import { renameBlock, renameProblem, updateBlock } from './graph-ops.ts';
import { useGraph } from './graph-store.ts';

/** Changes one block's settings, typed by its kind. */
export function patchBlock<T extends BlockType>(id: string, type: T, patch: (block: BlockOf<T>) => BlockOf<T>): void {
  useGraph.getState().edit((graph) => updateBlock(graph, id, (b) => (b.type === type ? patch(b as BlockOf<T>) : b)));
}

/** Renames a block (edges follow) and keeps it selected; returns why not, when it can't. */
export function renameSelected(from: string, to: string): string | undefined {
  const graph = useGraph.getState().graph;
  if (graph === null) return undefined;
  const problem = renameProblem(graph, from, to);
  if (problem !== undefined) return problem;
  useGraph.getState().edit((g) => renameBlock(g, from, to));
  useGraph.getState().select([to]);
  return undefined;
}

/** `undefined` for an empty field, so optional settings drop out of the file. */
export function optional(text: string): string | undefined {
  return text.trim() === '' ? undefined : text;
}

/** An object without the keys whose value is undefined (the file never holds them). */
export function compact<T extends object>(value: T): T {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as T;
}
