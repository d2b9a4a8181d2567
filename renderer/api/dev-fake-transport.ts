// Development only (loaded with `?fake` under `vite dev`): an in-memory host so the
// interface can be worked on without `serve`. Never part of a build or of the tests.
import type { Transport } from '../../shared/contract/client.ts';
import type { WireResult } from '../../shared/contract/errors.ts';
import type { FunctionDetail, TemplateInfo } from '../../shared/contract/functions.ts';
import { FunctionConfig } from '../../shared/workspace/function-config.ts';

const files = new Map<string, Map<string, string>>();
const listeners = new Map<string, Set<(payload: unknown) => void>>();

const templates: TemplateInfo[] = [
  { id: 'node-ts', label: 'TypeScript', description: 'A plain handler in TypeScript.', language: 'typescript' },
  { id: 'durable-ts', label: 'Durable function (TypeScript)', description: 'Steps and waits with the durable execution SDK.', language: 'typescript' },
  { id: 'python', label: 'Python', description: 'A plain handler in Python.', language: 'python' },
];

function seed(name: string, durable: boolean): void {
  const config = { runtime: 'nodejs22.x', handler: 'index.handler', memorySize: 256, timeout: 10, environment: { STAGE: 'dev' }, ...(durable ? { durable: { enabled: true, executionTimeout: 3600, retentionPeriodInDays: 14 } } : {}), runner: 'process' };
  files.set(
    name,
    new Map([
      ['function.json', `${JSON.stringify(config, null, 2)}\n`],
      ['index.ts', "import type { Handler } from 'aws-lambda';\n\nexport const handler: Handler = async (event) => {\n  return { ok: true, event };\n};\n"],
    ]),
  );
}
seed('orders-api', false);
seed('checkout-flow', true);
files.set('broken', new Map([['function.json', '{ "runtime": "nodejs22.x", "memorySize": "lots" }\n'], ['index.js', 'export const handler = async () => 1;\n']]));

function detail(name: string): FunctionDetail {
  const folder = files.get(name);
  if (folder === undefined) throw new Error(`No function named ${name}`);
  const configText = folder.get('function.json') ?? '';
  let parsed: ReturnType<typeof FunctionConfig.safeParse> | undefined;
  try {
    parsed = FunctionConfig.safeParse(JSON.parse(configText));
  } catch {
    parsed = undefined;
  }
  const ok = parsed?.success === true;
  return {
    name,
    config: ok && parsed?.success ? parsed.data : null,
    configText,
    ...(ok ? {} : { configError: 'function.json is not valid: memorySize: expected number' }),
    files: [...folder.keys()].sort(),
  };
}

function emit(path: string, functionName: string): void {
  for (const listener of listeners.get('workspace.changed') ?? []) listener({ kind: 'change', path, functionName });
}

type Input = Record<string, unknown>;
const handlers: Record<string, (input: Input) => unknown> = {
  'app.info': () => ({ version: '0.1.0', workspace: '/home/dev/lambda-workspace', host: 'serve', platform: 'linux' }),
  'editor.typeLibraries': () => [],
  'templates.list': () => templates,
  'functions.list': () =>
    [...files.keys()].sort().map((name) => {
      const d = detail(name);
      return { name, runtime: d.config?.runtime, durable: d.config?.durable?.enabled === true, ...(d.configError ? { configError: d.configError } : {}) };
    }),
  'functions.get': (input) => detail(String(input.name)),
  'functions.create': (input) => {
    seed(String(input.name), input.template === 'durable-ts');
    emit(`functions/${String(input.name)}`, String(input.name));
    return detail(String(input.name));
  },
  'functions.rename': (input) => {
    const folder = files.get(String(input.from));
    if (folder === undefined) throw new Error('missing');
    files.delete(String(input.from));
    files.set(String(input.to), folder);
    return detail(String(input.to));
  },
  'functions.delete': (input) => {
    files.delete(String(input.name));
    return { ok: true };
  },
  'functions.readFile': (input) => ({ content: files.get(String(input.name))?.get(String(input.path)) ?? '' }),
  'functions.writeFile': (input) => {
    files.get(String(input.name))?.set(String(input.path), String(input.content));
    return { ok: true };
  },
  'functions.saveConfig': (input) => {
    files.get(String(input.name))?.set('function.json', `${JSON.stringify(input.config, null, 2)}\n`);
    return detail(String(input.name));
  },
};

export const devFakeTransport: Transport = {
  async invoke(method, input): Promise<WireResult> {
    await new Promise((resolve) => setTimeout(resolve, 60));
    const handler = handlers[method];
    if (handler === undefined) return { ok: false, error: { code: 'UNKNOWN_METHOD', message: `No method ${method}` } };
    try {
      return { ok: true, value: handler(input as Input) };
    } catch (error) {
      return { ok: false, error: { code: 'NOT_FOUND', message: String(error), details: error instanceof Error ? error.stack : undefined } };
    }
  },
  subscribe(event, listener) {
    const set = listeners.get(event) ?? new Set();
    set.add(listener);
    listeners.set(event, set);
    return () => set.delete(listener);
  },
};
