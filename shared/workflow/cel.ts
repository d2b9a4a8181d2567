import { Environment } from '@marcbachmann/cel-js';

/**
 * CEL for workflow expressions, on a maintained evaluator. Values cross as JSON: whole numbers
 * go in as CEL `int` (so `data.total + 1` works as people expect) and come back as numbers;
 * fractional numbers are `double`.
 */

const env = new Environment({ unlistedVariablesAreDyn: true, homogeneousAggregateLiterals: false, enableOptionalTypes: true });

type Compiled = ReturnType<Environment['parse']>;
const cache = new Map<string, Compiled | Error>();

function compiled(source: string): Compiled | Error {
  let entry = cache.get(source);
  if (entry === undefined) {
    try {
      entry = env.parse(source);
    } catch (error) {
      entry = error instanceof Error ? error : new Error(String(error));
    }
    if (cache.size > 2000) cache.clear();
    cache.set(source, entry);
  }
  return entry;
}

/** The first line of a CEL error: the library adds a source excerpt on the lines after it. */
function firstLine(error: Error): string {
  return (error.message.split('\n')[0] ?? error.message).trim();
}

/** Why an expression does not parse, or undefined when it does. */
export function celSyntaxError(source: string): string | undefined {
  if (source.trim() === '') return 'the expression is empty';
  const entry = compiled(source);
  return entry instanceof Error ? firstLine(entry) : undefined;
}

/** An expression that failed to evaluate: the message is written for a person. */
export class CelError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'CelError';
  }
}

/** JSON in: safe integers become CEL ints. */
export function toCel(value: unknown): unknown {
  if (typeof value === 'number') return Number.isSafeInteger(value) ? BigInt(value) : value;
  if (Array.isArray(value)) return value.map(toCel);
  if (value !== null && typeof value === 'object') {
    const out: Record<string, unknown> = {};
    for (const [key, item] of Object.entries(value)) out[key] = toCel(item);
    return out;
  }
  return value;
}

/** CEL out: back to plain JSON values. */
export function fromCel(value: unknown): unknown {
  if (typeof value === 'bigint') return Number(value);
  if (Array.isArray(value)) return value.map(fromCel);
  if (value instanceof Map) {
    const out: Record<string, unknown> = {};
    for (const [key, item] of value) out[String(key)] = fromCel(item);
    return out;
  }
  if (value instanceof Uint8Array) return btoa(Array.from(value, (byte) => String.fromCharCode(byte)).join(''));
  if (value !== null && typeof value === 'object') {
    if (typeof (value as { hasValue?: unknown }).hasValue === 'function') {
      // A CEL optional that reached the result: its value, or null.
      const optional = value as { hasValue(): boolean; value(): unknown };
      return optional.hasValue() ? fromCel(optional.value()) : null;
    }
    const out: Record<string, unknown> = {};
    for (const [key, item] of Object.entries(value)) out[key] = fromCel(item);
    return out;
  }
  return value;
}

/** Evaluates `source` over JSON variables; throws a CelError that says what went wrong. */
export function evaluateCel(source: string, vars: Record<string, unknown>): unknown {
  const entry = compiled(source);
  if (entry instanceof Error) throw new CelError(`does not parse: ${firstLine(entry)}`);
  const context: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(vars)) context[key] = toCel(value);
  try {
    return fromCel(entry(context));
  } catch (error) {
    throw new CelError(firstLine(error instanceof Error ? error : new Error(String(error))));
  }
}

/** Evaluates a condition; anything but a boolean is an error, so a typo never reads as false. */
export function evaluateCelBool(source: string, vars: Record<string, unknown>): boolean {
  const value = evaluateCel(source, vars);
  if (typeof value !== 'boolean') throw new CelError(`must give true or false, gave ${JSON.stringify(value)}`);
  return value;
}

interface AstLike {
  op: string;
  args: unknown;
}

function isAst(value: unknown): value is AstLike {
  return value !== null && typeof value === 'object' && typeof (value as AstLike).op === 'string' && 'args' in value;
}

/** Macros and how many leading identifier arguments each binds for the rest of its arguments. */
const MACRO_VARIABLES: Record<string, number> = { map: 1, filter: 1, all: 1, exists: 1, exists_one: 1 };

/**
 * What an expression reads: the variables it names at the top, and for each of `roots` the
 * member names read off it (`blocks.charge` → `charge`). Empty when it does not parse.
 */
export function celReferences(source: string, roots: readonly string[]): { variables: Set<string>; members: Map<string, Set<string>> } {
  const variables = new Set<string>();
  const members = new Map<string, Set<string>>(roots.map((root) => [root, new Set<string>()]));
  const entry = compiled(source);
  if (entry instanceof Error) return { variables, members };
  const isId = (node: unknown): node is AstLike & { args: string } => isAst(node) && node.op === 'id' && typeof node.args === 'string';
  // `bound` holds the names a macro binds around the node being walked (`list.map(x, …)`): not variables of the workflow.
  const walk = (node: unknown, bound: ReadonlySet<string>): void => {
    if (Array.isArray(node)) {
      for (const child of node) walk(child, bound);
      return;
    }
    if (!isAst(node)) return;
    if (isId(node)) {
      if (!bound.has(node.args)) variables.add(node.args);
      return;
    }
    if ((node.op === '.' || node.op === '.?') && Array.isArray(node.args)) {
      const [target, name] = node.args as [unknown, unknown];
      if (isId(target) && !bound.has(target.args) && typeof name === 'string') members.get(target.args)?.add(name);
    }
    if (node.op === 'rcall' && Array.isArray(node.args)) {
      const [method, target, callArgs] = node.args as [unknown, unknown, unknown];
      if (Array.isArray(callArgs) && typeof method === 'string') {
        // `cel.bind(name, value, body)`: `cel` is a namespace and `name` holds `value` in `body` only.
        if (method === 'bind' && isId(target) && target.args === 'cel' && !bound.has('cel') && isId(callArgs[0])) {
          walk(callArgs[1], bound);
          walk(callArgs.slice(2), new Set([...bound, callArgs[0].args]));
          return;
        }
        const count = MACRO_VARIABLES[method] ?? 0;
        const names = callArgs.slice(0, count);
        if (count > 0 && names.every(isId)) {
          walk(target, bound);
          walk(callArgs.slice(count), new Set([...bound, ...names.map((n) => n.args)]));
          return;
        }
      }
    }
    walk(node.args, bound);
  };
  walk(entry.ast, new Set());
  return { variables, members };
}
