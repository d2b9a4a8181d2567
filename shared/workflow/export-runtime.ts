/**
 * The helpers an exported handler carries, as source text: a small CEL evaluator over the same
 * library and number rules as the studio's runner, and the block rules (returns/catches, Map and
 * Parallel failures) written once so the generated body stays one call per block. Only the
 * helpers a graph uses are written out, so the file compiles with unused-code checks on.
 */

export interface RuntimePart {
  /** The identifier the generated body calls it by. */
  name: string;
  /** Parts it calls itself. */
  needs: string[];
  source: string;
}

export const RUNTIME_PARTS: RuntimePart[] = [
  {
    name: 'WorkflowBlockError',
    needs: [],
    source: `class WorkflowBlockError extends Error {
  constructor(readonly blockId: string, readonly errorType: string, message: string, readonly data?: unknown) {
    super(message);
    this.name = errorType;
  }
}`,
  },
  {
    name: 'cel',
    needs: ['WorkflowBlockError'],
    source: `const celEnv = new Environment({ unlistedVariablesAreDyn: true, homogeneousAggregateLiterals: false, enableOptionalTypes: true });

/** JSON whole numbers become CEL ints (so \`data.n + 1\` works); results come back as JSON. */
function toCel(value: unknown): unknown {
  if (typeof value === 'number') return Number.isSafeInteger(value) ? BigInt(value) : value;
  if (Array.isArray(value)) return value.map(toCel);
  if (value !== null && typeof value === 'object') return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, toCel(v)]));
  return value;
}
function fromCel(value: unknown): unknown {
  if (typeof value === 'bigint') return Number(value);
  if (Array.isArray(value)) return value.map(fromCel);
  if (value instanceof Map) return Object.fromEntries([...value].map(([k, v]) => [String(k), fromCel(v)]));
  if (value !== null && typeof value === 'object') {
    const optional = value as { hasValue?: () => boolean; value?: () => unknown };
    if (typeof optional.hasValue === 'function') return optional.hasValue() ? fromCel(optional.value?.()) : null;
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, fromCel(v)]));
  }
  return value;
}

/** Evaluates one of a block's expressions; a failure names the block and the setting. */
function cel(block: string, field: string, expression: string, vars: Record<string, unknown>): unknown {
  try {
    return fromCel(celEnv.evaluate(expression, Object.fromEntries(Object.entries(vars).map(([k, v]) => [k, toCel(v)]))));
  } catch (error) {
    const reason = (error instanceof Error ? error.message : String(error)).split('\\n')[0]?.trim();
    throw new WorkflowBlockError(block, 'WorkflowExpressionError', \`Block "\${block}" (\${field}): \${reason}\`);
  }
}`,
  },
  {
    name: 'celBool',
    needs: ['cel'],
    source: `function celBool(block: string, field: string, expression: string, vars: Record<string, unknown>): boolean {
  const value = cel(block, field, expression, vars);
  if (typeof value !== 'boolean') throw new WorkflowBlockError(block, 'WorkflowExpressionError', \`Block "\${block}" (\${field}): must give true or false, gave \${JSON.stringify(value)}\`);
  return value;
}`,
  },
  {
    name: 'flowErrorOf',
    needs: [],
    source: `interface FlowError { type: string; message: string; data?: unknown }

/**
 * The error a failed operation carries. The SDK wraps a failure once per operation it crosses
 * and keeps the original type as the innermost cause's name; a cause named plain \`Error\` says nothing.
 */
function flowErrorOf(error: unknown, knownType?: string): FlowError {
  let type = 'Error';
  if (error instanceof Error) {
    let node: Error = error;
    for (let depth = 0; depth < 10; depth++) {
      const errorType = (node as { errorType?: unknown }).errorType;
      if (typeof errorType !== 'string') { type = node.name; break; }
      const cause = node.cause;
      const causeIsPlain = cause instanceof Error && typeof (cause as { errorType?: unknown }).errorType !== 'string' && (cause.name === 'Error' || cause.name === '');
      if (!(cause instanceof Error) || causeIsPlain) { type = errorType; break; }
      node = cause;
      type = node.name;
    }
  }
  const raw = (error as { errorData?: unknown }).errorData;
  let data: unknown = raw;
  if (typeof raw === 'string') {
    try { data = JSON.parse(raw) as unknown; } catch { data = raw; }
  }
  return { type: knownType ?? type, message: error instanceof Error ? error.message : String(error), ...(data === undefined ? {} : { data }) };
}`,
  },
  {
    name: 'NO_RETRY',
    needs: [],
    source: `/** Expressions give the same answer every time: a retry could only fail again. */
const NO_RETRY = { retryStrategy: () => ({ shouldRetry: false }) };`,
  },
  {
    name: 'lambdaBlock',
    needs: ['cel', 'celBool', 'flowErrorOf', 'WorkflowBlockError'],
    source: `interface Rule { error?: string; when?: string; body: string }

/** The first rule whose \`when\` holds; failing that, the first without \`when\`. */
function pickRule(block: string, field: string, rules: Rule[], vars: Record<string, unknown>, errorType?: string): { rule: Rule; at: number } | undefined {
  const fits = (rule: Rule) => errorType === undefined || rule.error === undefined || rule.error === errorType;
  for (const [at, rule] of rules.entries()) if (rule.when !== undefined && fits(rule) && celBool(block, \`\${field}[\${at}].when\`, rule.when, vars)) return { rule, at };
  for (const [at, rule] of rules.entries()) if (rule.when === undefined && fits(rule)) return { rule, at };
  return undefined;
}

interface Scope {
  blocks: Record<string, unknown>;
  input: unknown;
  workflow: string;
  /** The operations this block runs inside (a Map and its item…), and where failed calls' error types are found. */
  path?: string[];
  failureType?: (path: string[]) => string | undefined;
}

/** A Lambda block: invokes the function with \`{ data }\`, then shapes the result or error with its rules. */
async function lambdaBlock(ctx: DurableContext, block: string, functionName: string, data: unknown, scope: Scope, rules: { input?: string; returns: Rule[]; catches: Rule[] }): Promise<unknown> {
  const common = { data, blocks: { ...scope.blocks }, input: scope.input };
  const event = { data: rules.input === undefined ? data : cel(block, 'input', rules.input, common) };
  const context = { workflow: scope.workflow, block, function: functionName };
  let result: unknown;
  try {
    result = await ctx.invoke(block, functionName, event);
  } catch (thrown) {
    const failure = flowErrorOf(thrown, scope.failureType?.([...(scope.path ?? []), block]));
    const error = { code: failure.type, type: failure.type, message: failure.message, data: failure.data ?? null };
    const vars = { ...common, event, context, error };
    const caught = pickRule(block, 'catches', rules.catches, vars, failure.type);
    if (caught === undefined) throw new WorkflowBlockError(block, failure.type, \`Block "\${block}": \${failure.message}\`, failure.data);
    return cel(block, \`catches[\${caught.at}].body\`, caught.rule.body, vars);
  }
  if (rules.returns.length === 0) return result;
  const vars = { ...common, event, context, result };
  const chosen = pickRule(block, 'returns', rules.returns, vars);
  return chosen === undefined ? result : cel(block, \`returns[\${chosen.at}].body\`, chosen.rule.body, vars);
}`,
  },
  {
    name: 'outcomes',
    needs: ['flowErrorOf', 'WorkflowBlockError'],
    source: `type Outcome = { ok: true; value: unknown } | { ok: false; error: FlowError };

/**
 * Map and Parallel results in item order (an item the batch never finished counts as failed);
 * fails the block when more failed than it tolerates, reporting the first real failure.
 */
function outcomes(block: string, kind: 'items' | 'branches', batch: { all: Array<{ index: number; result?: unknown; error?: unknown; status: string }> }, count: number, tolerated: number): Outcome[] {
  const byIndex = new Map(batch.all.map((item) => [item.index, item]));
  const all = Array.from({ length: count }, (_, index): Outcome => {
    const item = byIndex.get(index);
    if (item?.status === 'SUCCEEDED') return { ok: true, value: item.result ?? null };
    if (item?.status === 'FAILED' && item.error !== undefined) return { ok: false, error: flowErrorOf(item.error) };
    return { ok: false, error: { type: 'WorkflowItemNotFinished', message: 'did not finish: the block stopped after too many failures' } };
  });
  const failed = all.flatMap((item, i) => (item.ok ? [] : [{ i, error: item.error }]));
  if (failed.length > tolerated) {
    const real = failed.filter((f) => f.error.type !== 'WorkflowItemNotFinished');
    const first = real[0] ?? failed[0];
    const cut = failed.length - real.length;
    const what = \`\${real.length} of \${count} \${kind} failed\${cut === 0 ? '' : \` (\${cut} more did not finish)\`}\`;
    throw new WorkflowBlockError(block, first?.error.type ?? 'WorkflowError', \`Block "\${block}": \${what}\${first === undefined ? '' : \`; the first (\${first.i}): \${first.error.message}\`}\`);
  }
  return all;
}`,
  },
  {
    name: 'operationLog',
    needs: [],
    source: `/**
 * Error types the SDK drops: it keeps only the message of a failed invoke, so the handler reads
 * the invoked function's error type from the operation state the backend returns (AWS and the
 * studio both send it), by listening in on the SDK's own transport.
 */
interface SeenOperation {
  Id?: string | undefined;
  ParentId?: string | undefined;
  Name?: string | undefined;
  Type?: string | undefined;
  ChainedInvokeDetails?: { Error?: { ErrorType?: string | undefined } | undefined } | undefined;
  CallbackDetails?: { Error?: { ErrorType?: string | undefined } | undefined } | undefined;
}

interface OperationLog {
  reset(): void;
  observe(operations: readonly SeenOperation[] | undefined): void;
  /** The error type recorded for the failed operation whose chain of names from the top is \`path\`. */
  failureType(path: readonly string[], type: string): string | undefined;
}

function operationLog(): OperationLog {
  const entries = new Map<string, { name?: string | undefined; parentId?: string | undefined; type?: string | undefined; errorType?: string | undefined }>();
  const chainMatches = (parentId: string | undefined, names: readonly string[]): boolean => {
    let current = parentId;
    for (let i = names.length - 1; i >= 0; i--) {
      const parent = current === undefined ? undefined : entries.get(current);
      if (parent === undefined || parent.name !== names[i]) return false;
      current = parent.parentId;
    }
    return current === undefined;
  };
  return {
    reset: () => entries.clear(),
    observe(operations) {
      for (const op of operations ?? []) {
        if (op.Id === undefined) continue;
        const known = entries.get(op.Id);
        const errorType = (op.ChainedInvokeDetails?.Error ?? op.CallbackDetails?.Error)?.ErrorType;
        entries.set(op.Id, { name: op.Name ?? known?.name, parentId: op.ParentId ?? known?.parentId, type: op.Type ?? known?.type, errorType: errorType ?? known?.errorType });
      }
    },
    failureType(path, type) {
      for (const [id, entry] of entries) {
        if (entry.name !== path.at(-1) || !chainMatches(entry.parentId, path.slice(0, -1))) continue;
        if (entry.type === type && entry.errorType !== undefined) return entry.errorType;
        for (const child of entries.values()) if (child.parentId === id && child.type === type && child.errorType !== undefined) return child.errorType;
      }
      return undefined;
    },
  };
}

/** The SDK's transport with the log listening in. */
function observingClient(inner: DurableExecutionClient, log: OperationLog): DurableExecutionClient {
  return {
    async getExecutionState(params, logger) {
      const response = await inner.getExecutionState(params, logger);
      log.observe(response.Operations);
      return response;
    },
    async checkpoint(params, logger) {
      log.observe(params.Updates);
      const response = await inner.checkpoint(params, logger);
      log.observe(response.NewExecutionState?.Operations);
      return response;
    },
  };
}`,
  },
  {
    name: 'lastOutputs',
    needs: [],
    source: `/** A sub-flow's result: its one last block's output, or each last block's output by name. */
function lastOutputs(blocks: Record<string, unknown>, sinks: string[]): unknown {
  if (sinks.length === 1) return blocks[sinks[0] as string] ?? null;
  return Object.fromEntries(sinks.filter((id) => id in blocks).map((id) => [id, blocks[id]]));
}`,
  },
  {
    name: 'answerOf',
    needs: [],
    source: `/** An approval's answer: its JSON, or the text as it came. */
function answerOf(text: string | undefined): unknown {
  if (text === undefined || text === '') return null;
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return text;
  }
}`,
  },
];

/** The source of the parts `body` calls, each once, in a fixed order. */
export function runtimeFor(body: string): string {
  const wanted = new Set<string>();
  const want = (name: string): void => {
    if (wanted.has(name)) return;
    wanted.add(name);
    for (const need of RUNTIME_PARTS.find((p) => p.name === name)?.needs ?? []) want(need);
  };
  for (const part of RUNTIME_PARTS) if (new RegExp(`\\b${part.name}\\b`).test(body)) want(part.name);
  const chosen = RUNTIME_PARTS.filter((p) => wanted.has(p.name));
  if (chosen.length === 0) return '';
  return ['// ---- Helpers: the same rules the studio\'s workflow runner follows ----', '', ...chosen.map((p) => p.source)].join('\n\n') + '\n';
}
