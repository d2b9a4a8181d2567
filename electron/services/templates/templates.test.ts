import { build } from 'esbuild';
import { execFileSync } from 'node:child_process';
import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';
import { TemplateId } from '../../../shared/contract/functions.ts';
import { FunctionConfig } from '../../../shared/workspace/function-config.ts';
import { createTemplates, TEMPLATE_CATALOG, TEMPLATE_SAMPLE_EVENTS } from './templates.ts';

const templatesDir = join(import.meta.dirname, '..', '..', '..', 'resources', 'templates');
const templates = createTemplates(templatesDir);
const scripted = TEMPLATE_CATALOG.filter((t) => t.language !== 'python').map((t) => t.id);

async function configOf(id: TemplateId): Promise<FunctionConfig> {
  return FunctionConfig.parse(JSON.parse(await readFile(join(templates.folderOf(id), 'function.json'), 'utf8')));
}

/** The file a `file.export` handler names, among the template's files. */
async function entryOf(id: TemplateId): Promise<string> {
  const config = await configOf(id);
  const base = config.handler.slice(0, config.handler.lastIndexOf('.'));
  const files = await readdir(templates.folderOf(id));
  const entry = files.find((file) => file.replace(/\.(ts|mjs|js|py)$/, '') === base);
  if (entry === undefined) throw new Error(`${id}: no file for handler ${config.handler}`);
  return join(templates.folderOf(id), entry);
}

describe('template catalog', () => {
  it('has one entry and one folder with a valid function.json per template id', async () => {
    expect(TEMPLATE_CATALOG.map((t) => t.id).sort()).toEqual([...TemplateId.options].sort());
    for (const id of TemplateId.options) {
      const config = await configOf(id);
      expect(config.handler).toMatch(id === 'python' ? /^lambda_function\.handler$/ : /^index\.handler$/);
      expect(config.runtime).toBe(id === 'python' ? 'python3.13' : 'nodejs22.x');
      expect(config.durable?.enabled === true).toBe(id === 'durable-ts');
    }
  });

  it('copies a template and names the function in its description', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'studio-tpl-'));
    try {
      await templates.copyTo('node-ts', join(dir, 'fn'), 'my-fn');
      expect((await configOf('node-ts')).description).toContain('__FUNCTION_NAME__');
      const copied = JSON.parse(await readFile(join(dir, 'fn', 'function.json'), 'utf8')) as FunctionConfig;
      expect(copied.description).toBe('my-fn: a TypeScript handler');
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});

describe.each(scripted)('template %s', (id) => {
  it('typechecks strictly against the real packages', async () => {
    const entry = await entryOf(id);
    const program = ts.createProgram([entry], {
      strict: true,
      noEmit: true,
      target: ts.ScriptTarget.ES2022,
      module: ts.ModuleKind.ESNext,
      moduleResolution: ts.ModuleResolutionKind.Bundler,
      lib: ['lib.es2023.d.ts'],
      types: ['node'],
      allowJs: true,
      checkJs: true,
      skipLibCheck: true,
      noUncheckedIndexedAccess: true,
      typeRoots: [join(templatesDir, '..', '..', 'node_modules', '@types')],
    });
    const diagnostics = ts.getPreEmitDiagnostics(program).map((d) => ts.flattenDiagnosticMessageText(d.messageText, '\n'));
    expect(diagnostics).toEqual([]);
    // The handler really was checked (not skipped as an unresolved file).
    expect(program.getSourceFile(entry)).toBeDefined();
  });

  it('bundles with esbuild into a module exporting the handler', async () => {
    const result = await build({
      entryPoints: [await entryOf(id)],
      bundle: true,
      platform: 'node',
      format: 'esm',
      target: 'node22',
      write: false,
      logLevel: 'silent',
    });
    expect(result.errors).toEqual([]);
    const code = result.outputFiles[0]?.text ?? '';
    expect(code).toMatch(/export\s*\{[^}]*handler/);
  });
});

describe('plain handlers run', () => {
  it.each(['node-ts', 'node-js'] as const)('%s greets the sample event by name', async (id) => {
    const dir = await mkdtemp(join(tmpdir(), 'studio-run-'));
    try {
      const outfile = join(dir, 'index.mjs');
      await build({ entryPoints: [await entryOf(id)], bundle: true, platform: 'node', format: 'esm', outfile, logLevel: 'silent' });
      const mod = (await import(pathToFileURL(outfile).href)) as { handler: (e: unknown, c: unknown) => Promise<unknown> };
      const event: unknown = JSON.parse(TEMPLATE_SAMPLE_EVENTS[id]);
      await expect(mod.handler(event, { awsRequestId: 'req-1' })).resolves.toEqual({ message: 'Hello, Ada!', requestId: 'req-1' });
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });

  it('workflow-block-ts turns event.data of its sample into the block output', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'studio-run-'));
    try {
      const outfile = join(dir, 'index.mjs');
      await build({ entryPoints: [await entryOf('workflow-block-ts')], bundle: true, platform: 'node', format: 'esm', outfile, logLevel: 'silent' });
      const mod = (await import(pathToFileURL(outfile).href)) as { handler: (e: unknown, c: unknown) => Promise<unknown> };
      const event: unknown = JSON.parse(TEMPLATE_SAMPLE_EVENTS['workflow-block-ts']);
      await expect(mod.handler(event, {})).resolves.toEqual({ orderId: 'order-1001', itemCount: 5, total: 28.6 });
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });

  it('python answers with the greeting', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'studio-py-'));
    try {
      const script = join(dir, 'run.py');
      await writeFile(
        script,
        [
          'import json, sys, types',
          `sys.path.insert(0, ${JSON.stringify(templates.folderOf('python'))})`,
          'import lambda_function',
          "print(json.dumps(lambda_function.handler({'name': 'Ada'}, types.SimpleNamespace(aws_request_id='req-1'))))",
        ].join('\n'),
      );
      const output = execFileSync('python3', ['-B', script], { encoding: 'utf8' }).trim().split('\n').at(-1) ?? '';
      expect(JSON.parse(output)).toEqual({ message: 'Hello, Ada!', requestId: 'req-1', received: { name: 'Ada' } });
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});
