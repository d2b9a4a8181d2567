import { z } from 'zod';
import { CatchRule, ReturnRule } from '../rules/response-rules.ts';

/**
 * `workflows/<name>.workflow.json`: a graph of blocks. A block's id is also its name on the
 * canvas, the key of its output for blocks downstream, and the name of its durable operation,
 * so a run, its timeline and the canvas always line up.
 */

/** Workflow names follow the function-name rule, which keeps them safe as file names. */
export const WorkflowName = z
  .string()
  .min(1, 'a name is required')
  .max(64, 'at most 64 characters')
  .regex(/^[A-Za-z0-9_-]+$/, 'letters, digits, - and _ only');

/** Block ids are CEL identifiers, so `data.<id>` and `blocks.<id>` read naturally in expressions. */
export const BlockId = z
  .string()
  .min(1, 'a block name is required')
  .max(64, 'at most 64 characters')
  .regex(/^[A-Za-z_][A-Za-z0-9_]*$/, 'a letter or _, then letters, digits and _');

export const BlockType = z.enum(['input', 'lambda', 'transform', 'condition', 'parallel', 'map', 'wait', 'approval', 'output']);
export type BlockType = z.infer<typeof BlockType>;

const Position = z.object({ x: z.number(), y: z.number() }).strict();
/** Containers (Map, Parallel) have a size; other blocks size themselves. */
const Size = z.object({ width: z.number().positive(), height: z.number().positive() }).strict();

const base = {
  id: BlockId,
  position: Position,
  /** The container (Map or Parallel) this block belongs to; positions are then relative to it. */
  parent: BlockId.optional(),
  /** A note shown on the block; no effect on a run. */
  note: z.string().max(1000).optional(),
};

/** A CEL expression, kept as typed; whether it parses is a validation problem, not a file error. */
const Cel = z.string().max(10_000);

// The Lambda block's rules are the ones a function's triggers take: one implementation.
export { CatchRule, ReturnRule } from '../rules/response-rules.ts';

export const InputBlock = z.object({ ...base, type: z.literal('input'), sample: z.unknown().optional() }).strict();
export const LambdaBlock = z
  .object({
    ...base,
    type: z.literal('lambda'),
    /** A workspace function's name; empty while the user has not picked one yet. */
    function: z.string().max(140).default(''),
    /** CEL over `data`, `blocks`, `input`: what becomes `event.data`; absent sends `data` as it is. */
    input: Cel.optional(),
    returns: z.array(ReturnRule).default([]),
    catches: z.array(CatchRule).default([]),
  })
  .strict();
export const TransformBlock = z.object({ ...base, type: z.literal('transform'), expression: Cel.default('data') }).strict();
export const ConditionBranch = z
  .object({
    /** The id of the outgoing handle; edges from it carry `sourceHandle: <id>`. */
    id: BlockId,
    when: Cel,
  })
  .strict();
export type ConditionBranch = z.infer<typeof ConditionBranch>;
/** The handle every Condition has for "no branch matched". */
export const DEFAULT_BRANCH = 'default';
export const ConditionBlock = z.object({ ...base, type: z.literal('condition'), branches: z.array(ConditionBranch).default([]) }).strict();
export const ParallelBlock = z.object({ ...base, type: z.literal('parallel'), size: Size.optional() }).strict();
export const MapBlock = z
  .object({
    ...base,
    type: z.literal('map'),
    size: Size.optional(),
    /** CEL giving the list to map over; `data` by default. */
    items: Cel.default('data'),
    maxConcurrency: z.number().int().min(1).max(1000).optional(),
    /** Items that may fail before the whole Map fails. */
    toleratedFailures: z.number().int().min(0).default(0),
  })
  .strict();
export const WaitBlock = z.object({ ...base, type: z.literal('wait'), seconds: z.number().int().min(1).max(31_622_400).default(60) }).strict();
export const ApprovalBlock = z
  .object({
    ...base,
    type: z.literal('approval'),
    /** Shown to whoever approves; CEL-free text. */
    instructions: z.string().max(4000).default(''),
    timeoutSeconds: z.number().int().min(1).max(31_622_400).optional(),
    heartbeatSeconds: z.number().int().min(1).max(31_622_400).optional(),
  })
  .strict();
export const OutputBlock = z.object({ ...base, type: z.literal('output'), expression: Cel.optional() }).strict();

export const Block = z.discriminatedUnion('type', [
  InputBlock,
  LambdaBlock,
  TransformBlock,
  ConditionBlock,
  ParallelBlock,
  MapBlock,
  WaitBlock,
  ApprovalBlock,
  OutputBlock,
]);
export type Block = z.infer<typeof Block>;
export type BlockOf<T extends BlockType> = Extract<Block, { type: T }>;

export const Edge = z
  .object({
    id: z.string().min(1).max(200),
    source: BlockId,
    target: BlockId,
    /** A Condition's branch id or `default`; absent for other blocks. */
    sourceHandle: z.string().min(1).max(64).optional(),
  })
  .strict();
export type Edge = z.infer<typeof Edge>;

export const WorkflowGraph = z
  .object({
    version: z.literal(1).default(1),
    description: z.string().max(1000).optional(),
    blocks: z.array(Block),
    edges: z.array(Edge).default([]),
  })
  .strict();
export type WorkflowGraph = z.infer<typeof WorkflowGraph>;
/** What a writer may hand over: defaults not yet filled in. */
export type WorkflowGraphInput = z.input<typeof WorkflowGraph>;

/** Block types that hold a sub-flow of their own. */
export function isContainer(type: BlockType): boolean {
  return type === 'map' || type === 'parallel';
}
