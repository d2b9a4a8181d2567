import type { Edge, Node } from '@xyflow/react';
import type { Block, BlockType } from '../../shared/workflow/schema.ts';

/**
 * A block as React Flow holds it. `data` is the block itself, nothing else: run states and
 * problems are read from their stores by id, so nodes stay plain, serializable values.
 */
export type BlockNodeData = { block: Block };
export type BlockNode = Node<BlockNodeData, BlockType>;
export type BlockEdge = Edge;

export interface XY {
  x: number;
  y: number;
}

export interface Size {
  width: number;
  height: number;
}
