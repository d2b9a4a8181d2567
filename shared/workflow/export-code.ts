import { runtimeFor } from './export-runtime.ts';
import { branchesOf, type GraphIndex, indexGraph, type Scope, scopeOf, sinksOf, topologicalOrder } from './graph.ts';
import { type Block, type Edge, type WorkflowGraph } from './schema.ts';

/**
 * Turns a workflow graph into a readable TypeScript durable handler that does what the studio's
 * runner does: one `ctx.*` call per block, named after the block, in the runner's order, so the
 * exported function's timeline matches the workflow's. CEL stays CEL, evaluated by a small
 * helper over the same library.
 */
export function exportWorkflowCode(name: string, graph: WorkflowGraph): string {
  const index = indexGraph(graph);
  const top = scopeOf(index, undefined);
  const output = top.blocks.find((b) => b.type === 'output');
  const types = needsErrorTypes(graph);
  const handlerOpen = types
    ? [
        `// Error types of failed calls, which the SDK does not keep (see operationLog below).`,
        `const log = operationLog();`,
        ``,
        `const durable = withDurableExecution(async (event: unknown, ctx: DurableContext) => {`,
      ]
    : [`export const handler = withDurableExecution(async (event: unknown, ctx: DurableContext) => {`];
  const handlerClose = types
    ? [
        `}, { durableExecutionClient: observingClient(new DurableExecutionApiClient(), log) });`,
        ``,
        `export const handler: DurableLambdaHandler = async (event, context) => {`,
        `  log.reset();`,
        `  log.observe(event.InitialExecutionState?.Operations);`,
        `  return durable(event, context);`,
        `};`,
      ]
    : [`});`];
  const body = [
    ...handlerOpen,
    `  const input = event;`,
    `  const blocks: Record<string, unknown> = {};`,
    ...(types ? [`  const path: string[] = [];`, `  const failureType = (at: string[]) => log.failureType(at, 'CHAINED_INVOKE');`] : []),
    ...subScopeLocals(top, '  ', types),
    ...scopeBody(index, top, 'input', 1, types),
    `  return ${output === undefined ? 'null' : `blocks[${q(output.id)}] ?? null`};`,
    ...handlerClose,
  ].join('\n');
  const runtime = runtimeFor(body);
  const sdkImports = types ? '{ type DurableContext, DurableExecutionApiClient, type DurableExecutionClient, type DurableLambdaHandler, withDurableExecution }' : '{ type DurableContext, withDurableExecution }';
  return [
    `/**`,
    ` * The "${name}" workflow as a durable function. Generated from workflows/${name}.workflow.json;`,
    ` * it needs @aws/durable-execution-sdk-js${/\bcel\b/.test(runtime) ? ' and @marcbachmann/cel-js' : ''}. Each block is one durable`,
    ` * operation named after it. \`blocks\` holds each block's output once it has run.`,
    ` */`,
    `import ${sdkImports} from '@aws/durable-execution-sdk-js';`,
    ...(/\bcel\b/.test(runtime) ? [`import { Environment } from '@marcbachmann/cel-js';`] : []),
    ``,
    ...(/\bWORKFLOW\b/.test(body) ? [`const WORKFLOW = ${JSON.stringify(name)};`, ``] : []),
    body,
    ...(runtime === '' ? [] : ['', runtime]),
  ].join('\n');
}

/** Catches that match on an error type need the types the SDK drops, read back from the wire. */
function needsErrorTypes(graph: WorkflowGraph): boolean {
  return graph.blocks.some((b) => b.type === 'lambda' && b.catches.some((rule) => rule.error !== undefined));
}

function q(text: string): string {
  return JSON.stringify(text);
}

function pad(depth: number): string {
  return '  '.repeat(depth);
}

/** When an edge carries data: its source ran and, leaving a Condition, is the branch it chose. */
function edgeGuard(index: GraphIndex, edge: Edge): string {
  return index.byId.get(edge.source)?.type === 'condition' ? `branch[${q(edge.source)}] === ${q(edge.sourceHandle ?? '')}` : `${q(edge.source)} in blocks`;
}

/**
 * What a scope's blocks need beside `blocks`: Lambda blocks read the scope, Conditions note
 * their branch. Each Map item and Parallel branch has its own, as the runner gives them.
 */
function subScopeLocals(scope: Scope, indent: string, types: boolean): string[] {
  const typed = types ? ', path, failureType' : '';
  return [
    ...(scope.blocks.some((b) => b.type === 'lambda') ? [`${indent}const scope = { blocks, input, workflow: WORKFLOW${typed} };`] : []),
    ...(scope.blocks.some((b) => b.type === 'condition') ? [`${indent}const branch: Record<string, string> = {};`] : []),
  ];
}

/** The statements that run a scope's blocks in the runner's order. */
function scopeBody(index: GraphIndex, scope: Scope, scopeData: string, depth: number, types: boolean): string[] {
  const order = topologicalOrder(scope) ?? scope.blocks;
  const lines: string[] = [];
  for (const block of order) {
    const incoming = scope.edges.filter((e) => e.target === block.id);
    const guards = incoming.map((e) => edgeGuard(index, e));
    let data = scopeData;
    if (incoming.length === 1 && incoming[0] !== undefined) data = `blocks[${q(incoming[0].source)}]`;
    else if (incoming.length > 1) data = `{ ${incoming.map((e, i) => `...(${guards[i] ?? 'false'} ? { ${e.source}: blocks[${q(e.source)}] } : {})`).join(', ')} }`;
    lines.push('', `${pad(depth)}// ${describe(block)}`);
    const body = blockStatements(index, block, depth + 1, types);
    // Input and Approval blocks do not read their data.
    const declare = block.type === 'input' || block.type === 'approval' ? [] : [`${pad(depth + 1)}const data: unknown = ${data};`];
    lines.push(`${pad(depth)}${guards.length === 0 ? '{' : `if (${guards.join(' || ')}) {`}`, ...declare, ...body, `${pad(depth)}}`);
  }
  return lines;
}

function describe(block: Block): string {
  switch (block.type) {
    case 'lambda':
      return `${block.id}: Lambda ${block.function}`;
    case 'map':
      return `${block.id}: Map over ${block.items}`;
    case 'wait':
      return `${block.id}: Wait ${block.seconds} s`;
    default:
      return `${block.id}: ${block.type[0]?.toUpperCase() ?? ''}${block.type.slice(1)}`;
  }
}

const VARS = '{ data, blocks, input }';

function blockStatements(index: GraphIndex, block: Block, depth: number, types: boolean): string[] {
  const p = pad(depth);
  const set = (value: string) => `${p}blocks[${q(block.id)}] = ${value};`;
  switch (block.type) {
    case 'input':
      return [set('input')];
    case 'lambda': {
      const rules = [
        ...(block.input === undefined ? [] : [`input: ${q(block.input)}`]),
        `returns: ${JSON.stringify(block.returns)}`,
        `catches: ${JSON.stringify(block.catches)}`,
      ];
      return [set(`await lambdaBlock(ctx, ${q(block.id)}, ${q(block.function)}, data, scope, { ${rules.join(', ')} })`)];
    }
    case 'transform':
      return [set(`await ctx.step(${q(block.id)}, async () => cel(${q(block.id)}, 'expression', ${q(block.expression)}, ${VARS}), NO_RETRY)`)];
    case 'condition': {
      const tests = block.branches.map((b, i) => `${p}  if (celBool(${q(block.id)}, 'branches[${i}].when', ${q(b.when)}, ${VARS})) return ${q(b.id)};`);
      return [
        `${p}branch[${q(block.id)}] = String(await ctx.step(${q(block.id)}, async () => {`,
        ...tests,
        `${p}  return 'default';`,
        `${p}}, NO_RETRY));`,
        set('data'),
      ];
    }
    case 'wait':
      return [`${p}await ctx.wait(${q(block.id)}, { seconds: ${block.seconds} });`, set('data')];
    case 'approval': {
      const config = [
        ...(block.timeoutSeconds === undefined ? [] : [`timeout: { seconds: ${block.timeoutSeconds} }`]),
        ...(block.heartbeatSeconds === undefined ? [] : [`heartbeatTimeout: { seconds: ${block.heartbeatSeconds} }`]),
      ];
      return [
        `${p}const answer = await ctx.waitForCallback<string>(${q(block.id)}, async (callbackId, callbackCtx) => {`,
        `${p}  callbackCtx.logger.info(${q(block.instructions === '' ? 'Waiting for approval' : block.instructions)}, { callbackId });`,
        `${p}}${config.length === 0 ? '' : `, { ${config.join(', ')} }`});`,
        set('answerOf(answer)'),
      ];
    }
    case 'map': {
      const sub = scopeOf(index, block.id);
      const sinks = sinksOf(sub).map((b) => b.id);
      const config = [
        ...(block.maxConcurrency === undefined ? [] : [`maxConcurrency: ${block.maxConcurrency}`]),
        `completionConfig: { toleratedFailureCount: ${block.toleratedFailures} }`,
        // Items are named by position, as the studio's runner names them.
        `itemNamer: (_item: unknown, index: number) => \`${block.id}[\${index}]\``,
      ];
      return [
        `${p}const items = cel(${q(block.id)}, 'items', ${q(block.items)}, ${VARS});`,
        `${p}if (!Array.isArray(items)) throw new WorkflowBlockError(${q(block.id)}, 'WorkflowExpressionError', \`Block "${block.id}" (items): must give a list, gave \${JSON.stringify(items)}\`);`,
        `${p}const outer = { ...blocks };`,
        ...(types ? [`${p}const outerPath = path;`] : []),
        `${p}const batch = await ctx.map(${q(block.id)}, items, async (ctx, item${types ? ', index' : ''}) => {`,
        `${p}  const blocks: Record<string, unknown> = { ...outer };`,
        ...(types ? [`${p}  const path = [...outerPath, ${q(block.id)}, \`${block.id}[\${index}]\`];`] : []),
        ...subScopeLocals(sub, `${p}  `, types),
        ...scopeBody(index, sub, 'item', depth + 1, types),
        `${p}  return lastOutputs(blocks, ${JSON.stringify(sinks)});`,
        `${p}}, { ${config.join(', ')} });`,
        set(`outcomes(${q(block.id)}, 'items', batch, items.length, ${block.toleratedFailures}).map((o) => (o.ok ? o.value : null))`),
      ];
    }
    case 'parallel': {
      const sub = scopeOf(index, block.id);
      const branches = branchesOf(sub);
      const lines = [`${p}const outer = { ...blocks };`, ...(types ? [`${p}const outerPath = path;`] : []), `${p}const branchData = data;`, `${p}const batch = await ctx.parallel(${q(block.id)}, [`];
      for (const branch of branches) {
        const sinks = sinksOf(branch).map((b) => b.id);
        lines.push(
          `${p}  {`,
          `${p}    name: ${q(branch.blocks[0]?.id ?? block.id)},`,
          `${p}    func: async (ctx: DurableContext) => {`,
          `${p}      const blocks: Record<string, unknown> = { ...outer };`,
          ...(types ? [`${p}      const path = [...outerPath, ${q(block.id)}, ${q(branch.blocks[0]?.id ?? block.id)}];`] : []),
          ...subScopeLocals(branch, `${p}      `, types),
          ...scopeBody(index, branch, 'branchData', depth + 3, types),
          `${p}      return Object.fromEntries(${JSON.stringify(sinks)}.filter((id) => id in blocks).map((id) => [id, blocks[id]]));`,
          `${p}    },`,
          `${p}  },`,
        );
      }
      lines.push(
        `${p}]);`,
        `${p}const merged: Record<string, unknown> = {};`,
        `${p}for (const o of outcomes(${q(block.id)}, 'branches', batch, ${branches.length}, 0)) if (o.ok && o.value !== null && typeof o.value === 'object') Object.assign(merged, o.value);`,
        set(`lastOutputs(merged, ${JSON.stringify(sinksOf(sub).map((b) => b.id))})`),
      );
      return lines;
    }
    case 'output':
      return [set(`await ctx.step(${q(block.id)}, async () => ${block.expression === undefined ? 'data' : `cel(${q(block.id)}, 'expression', ${q(block.expression)}, ${VARS})`}, NO_RETRY)`)];
  }
}
