import { type Block, type BlockType, DEFAULT_BRANCH } from '../../shared/workflow/schema.ts';
import { formatSeconds } from '../executions/time-format.ts';

/** What the palette and the cards say about each block type. */
export interface BlockKind {
  type: BlockType;
  label: string;
  /** One sentence for the palette's hover. */
  description: string;
  /** The name a new block of this type starts from. */
  baseName: string;
}

export const BLOCK_KINDS: readonly BlockKind[] = [
  { type: 'input', label: 'Input', description: 'Where a run starts: the event it was given, with a sample to run with.', baseName: 'input' },
  { type: 'lambda', label: 'Lambda', description: 'Invokes a workspace function with the data, then shapes its result or catches its errors.', baseName: 'call' },
  { type: 'transform', label: 'Transform', description: 'Reshapes the data with a CEL expression.', baseName: 'transform' },
  { type: 'condition', label: 'Condition', description: 'Takes the first branch whose CEL condition holds, or "default".', baseName: 'choose' },
  { type: 'parallel', label: 'Parallel', description: 'Runs the separate chains inside it at the same time and gathers their results.', baseName: 'parallel' },
  { type: 'map', label: 'Map', description: 'Runs the blocks inside it once for each item of a list.', baseName: 'each' },
  { type: 'wait', label: 'Wait', description: 'Pauses the run for a while without using compute.', baseName: 'wait' },
  { type: 'approval', label: 'Approval', description: 'Waits for a person to approve or reject, with instructions.', baseName: 'approval' },
  { type: 'output', label: 'Output', description: 'The result of the run.', baseName: 'output' },
];

const BY_TYPE = new Map(BLOCK_KINDS.map((k) => [k.type, k]));

export function blockKind(type: BlockType): BlockKind {
  return BY_TYPE.get(type) ?? BLOCK_KINDS[0]!;
}

export function isBlockType(value: string): value is BlockType {
  return BY_TYPE.has(value as BlockType);
}

/** The size a container gets when it is dropped, and never less than when resized. */
export const CONTAINER_SIZE = { width: 380, height: 220 } as const;
export const CONTAINER_MIN = { width: 220, height: 120 } as const;

/** A new block of a type with the defaults the schema would fill in. */
export function newBlock(type: BlockType, id: string, position: { x: number; y: number }, parent?: string): Block {
  const base = { id, position, ...(parent === undefined ? {} : { parent }) };
  switch (type) {
    case 'input':
      return { ...base, type, sample: {} };
    case 'lambda':
      return { ...base, type, function: '', returns: [], catches: [] };
    case 'transform':
      return { ...base, type, expression: 'data' };
    case 'condition':
      return { ...base, type, branches: [{ id: 'yes', when: 'true' }] };
    case 'parallel':
      return { ...base, type, size: { ...CONTAINER_SIZE } };
    case 'map':
      return { ...base, type, size: { ...CONTAINER_SIZE }, items: 'data', toleratedFailures: 0 };
    case 'wait':
      return { ...base, type, seconds: 60 };
    case 'approval':
      return { ...base, type, instructions: '' };
    case 'output':
      return { ...base, type };
  }
}

function shorten(text: string, max = 40): string {
  const line = text.replace(/\s+/g, ' ').trim();
  return line.length > max ? `${line.slice(0, max - 1)}…` : line;
}

/** The one line of configuration a card shows under its name. */
export function blockSummary(block: Block): string {
  switch (block.type) {
    case 'input':
      return block.sample === undefined ? 'no sample event' : `sample ${shorten(JSON.stringify(block.sample), 34)}`;
    case 'lambda':
      return block.function === '' ? 'no function picked' : block.function;
    case 'transform':
      return shorten(block.expression);
    case 'condition':
      return `${block.branches.length} ${block.branches.length === 1 ? 'branch' : 'branches'} + ${DEFAULT_BRANCH}`;
    case 'parallel':
      return 'each chain inside runs at once';
    case 'map':
      return `over ${shorten(block.items, 24)}${block.maxConcurrency === undefined ? '' : ` · ${block.maxConcurrency} at a time`}`;
    case 'wait':
      return formatSeconds(block.seconds);
    case 'approval':
      return block.instructions === '' ? 'waits for a person' : shorten(block.instructions);
    case 'output':
      return block.expression === undefined ? 'data as it arrives' : shorten(block.expression);
  }
}
