import { describeIssues } from '../contract/errors.ts';
import { describeJsonProblem, parseJsonText } from '../workspace/json-text.ts';
import { type BlockOf, type BlockType, WorkflowGraph, type WorkflowGraphInput } from './schema.ts';

/**
 * The text of a `workflows/<name>.workflow.json` file. Every object is written with its keys in
 * a fixed order (and free-form JSON such as an Input block's `sample` with its keys sorted), so
 * saving the same graph always gives the same bytes and a change in the canvas is a small diff.
 */

/** Every block's first keys, in this order. */
const BLOCK_HEAD = ['id', 'type', 'parent', 'position', 'size'] as const;
/** Every block's last key. */
const BLOCK_TAIL = ['note'] as const;

/** The keys of each block type between its head and its tail, in file order. */
export const BLOCK_FIELD_ORDER = {
  input: ['sample'],
  lambda: ['function', 'input', 'returns', 'catches'],
  transform: ['expression'],
  condition: ['branches'],
  parallel: [],
  map: ['items', 'maxConcurrency', 'toleratedFailures'],
  wait: ['seconds'],
  approval: ['instructions', 'timeoutSeconds', 'heartbeatSeconds'],
  output: ['expression'],
} as const satisfies { [T in BlockType]: readonly Exclude<keyof BlockOf<T>, (typeof BLOCK_HEAD)[number] | (typeof BLOCK_TAIL)[number]>[] };

const GRAPH_ORDER = ['version', 'description', 'blocks', 'edges'];
const EDGE_ORDER = ['id', 'source', 'sourceHandle', 'target'];
/** Key orders of the objects nested in a block, by the key that holds them. */
const NESTED_ORDER: Record<string, readonly string[]> = {
  position: ['x', 'y'],
  size: ['width', 'height'],
  returns: ['when', 'body'],
  catches: ['error', 'when', 'body'],
  branches: ['id', 'when'],
};

type JsonObject = Record<string, unknown>;

function isObject(value: unknown): value is JsonObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Code-unit order, the same on every machine whatever its locale. */
function byCodeUnit(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/**
 * The key order of the object at `path` (array indexes included), or undefined for free-form
 * JSON, whose keys are sorted.
 */
function keyOrderAt(path: readonly string[], object: JsonObject): readonly string[] | undefined {
  const [area, , field, , extra] = path;
  if (path.length === 0) return GRAPH_ORDER;
  if (area === 'edges' && path.length === 2) return EDGE_ORDER;
  if (area !== 'blocks') return undefined;
  if (path.length === 2) {
    const type = object['type'];
    const fields: readonly string[] = typeof type === 'string' && Object.hasOwn(BLOCK_FIELD_ORDER, type) ? BLOCK_FIELD_ORDER[type as BlockType] : [];
    return [...BLOCK_HEAD, ...fields, ...BLOCK_TAIL];
  }
  if (field === 'sample' || extra !== undefined || field === undefined) return undefined;
  // position and size sit right under the block; rules and branches one array level deeper.
  const arrayHeld = field === 'returns' || field === 'catches' || field === 'branches';
  return path.length === (arrayHeld ? 4 : 3) ? NESTED_ORDER[field] : undefined;
}

/** Known keys in their order, then any others sorted; undefined members are left out, as JSON.stringify does. */
function orderedKeys(object: JsonObject, order: readonly string[] | undefined): string[] {
  const present = Object.keys(object).filter((key) => object[key] !== undefined);
  const known = (order ?? []).filter((key) => present.includes(key));
  const rest = present.filter((key) => !known.includes(key)).sort(byCodeUnit);
  return [...known, ...rest];
}

/** JSON.stringify's two-space layout, with the key order chosen per object. */
function write(value: unknown, path: string[], indent: string): string {
  if (Array.isArray(value)) {
    if (value.length === 0) return '[]';
    const inner = `${indent}  `;
    const items = value.map((item, i) => `${inner}${item === undefined ? 'null' : write(item, [...path, String(i)], inner)}`);
    return `[\n${items.join(',\n')}\n${indent}]`;
  }
  if (isObject(value)) {
    const keys = orderedKeys(value, keyOrderAt(path, value));
    if (keys.length === 0) return '{}';
    const inner = `${indent}  `;
    const members = keys.map((key) => `${inner}${JSON.stringify(key)}: ${write(value[key], [...path, key], inner)}`);
    return `{\n${members.join(',\n')}\n${indent}}`;
  }
  // Numbers that JSON cannot hold (NaN, Infinity) become null, as with JSON.stringify.
  return JSON.stringify(value) ?? 'null';
}

/**
 * The file text of a graph: checked against the schema (defaults filled in), keys in the file's
 * fixed order, two-space indent and a final newline. Throws the schema's error for an invalid graph.
 */
export function formatWorkflow(graph: WorkflowGraphInput): string {
  return `${write(WorkflowGraph.parse(graph), [], '')}\n`;
}

/** What reading a workflow file gives: the graph, or a sentence naming what is wrong with the file. */
export type WorkflowReading = { graph: WorkflowGraph; error?: undefined } | { graph: null; error: string };

/** Parses and checks the text of a workflow file; never throws. */
export function readWorkflow(text: string): WorkflowReading {
  const json = parseJsonText(text);
  if (!json.ok) return { graph: null, error: describeJsonProblem('The file', json.problem) };
  const parsed = WorkflowGraph.safeParse(json.value);
  if (!parsed.success) return { graph: null, error: `The file does not fit the workflow format: ${describeIssues(parsed.error).replaceAll('\n', '; ')}` };
  return { graph: parsed.data };
}
