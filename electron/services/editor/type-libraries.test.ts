import { readFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';
import { createTypeLibraries } from './type-libraries.ts';

const root = join(import.meta.dirname, '..', '..', '..');
const libraries = createTypeLibraries({ nodeModulesDir: join(root, 'node_modules') });

/**
 * Type-checks `source` the way the editor does: only the served files exist, under
 * `file:///`, plus TypeScript's own standard library.
 */
async function checkInEditorWorld(source: string): Promise<string[]> {
  const files = new Map((await libraries.load()).map((lib) => [lib.path.replace('file://', ''), lib.content]));
  files.set('/main.ts', source);
  const libDir = dirname(ts.getDefaultLibFilePath({ target: ts.ScriptTarget.ESNext }));
  const options: ts.CompilerOptions = {
    strict: true,
    noEmit: true,
    // As the editor sets it up: ESNext with the default (DOM) library; library files are checked too.
    target: ts.ScriptTarget.ESNext,
    module: ts.ModuleKind.ESNext,
    moduleResolution: ts.ModuleResolutionKind.Bundler,
    typeRoots: ['/node_modules/@types'],
  };
  const host: ts.CompilerHost = {
    ...ts.createCompilerHost(options),
    getCurrentDirectory: () => '/',
    fileExists: (name) => files.has(name) || (name.startsWith(libDir) && ts.sys.fileExists(name)),
    readFile: (name) => files.get(name) ?? (name.startsWith(libDir) ? ts.sys.readFile(name) : undefined),
    directoryExists: (name) => name.startsWith(libDir) || [...files.keys()].some((file) => file.startsWith(`${name.replace(/\/$/, '')}/`)),
    getDirectories: () => [],
    realpath: (name) => name,
    getSourceFile: (name, version) => {
      const text = files.get(name) ?? (name.startsWith(libDir) ? ts.sys.readFile(name) : undefined);
      return text === undefined ? undefined : ts.createSourceFile(name, text, version);
    },
  };
  // The editor hands every library to its TypeScript worker as a root file; do the same.
  const roots = [...files.keys()].filter((name) => name.endsWith('.ts'));
  const program = ts.createProgram(roots, options, host);
  return ts.getPreEmitDiagnostics(program).map((d) => `${d.file?.fileName ?? ''}: ${ts.flattenDiagnosticMessageText(d.messageText, '\n')}`);
}

describe('editor type libraries', () => {
  it('serves aws-lambda and the durable SDK with their package.json files', async () => {
    const loaded = await libraries.load();
    const paths = loaded.map((lib) => lib.path);
    expect(paths).toContain('file:///node_modules/@types/aws-lambda/package.json');
    expect(paths).toContain('file:///node_modules/@types/aws-lambda/handler.d.ts');
    expect(paths).toContain('file:///node_modules/@aws/durable-execution-sdk-js/package.json');
    expect(paths.every((path) => path.startsWith('file:///node_modules/'))).toBe(true);
    expect(paths.some((path) => path.endsWith('.test.d.ts'))).toBe(false);
    const context = loaded.find((lib) => lib.path.endsWith('@aws/durable-execution-sdk-js/dist-types/types/durable-context.d.ts'));
    expect(context?.content).toMatch(/\bstep<TOutput>\(name: string \| undefined, fn: StepFunc/);
    expect(context?.content).toMatch(/waitForCallback<TOutput/);
  });

  it('finds packages in extra folders and says which one is missing', async () => {
    const split = createTypeLibraries({ nodeModulesDir: join(root, 'no-such-dir'), extraDirs: [join(root, 'node_modules')] });
    expect((await split.load()).length).toBe((await libraries.load()).length);
    const missing = createTypeLibraries({ nodeModulesDir: join(root, 'no-such-dir') });
    await expect(missing.load()).rejects.toThrow(/type declarations of @types\/aws-lambda are missing/);
  });

  it('is read once and then served from memory', async () => {
    expect(await libraries.load()).toBe(await libraries.load());
  });

  it('resolves a durable handler and an aws-lambda handler with no errors', async () => {
    const template = await readFile(join(root, 'resources', 'templates', 'durable-ts', 'index.ts'), 'utf8');
    expect(await checkInEditorWorld(template)).toEqual([]);
    const plain = await readFile(join(root, 'resources', 'templates', 'node-ts', 'index.ts'), 'utf8');
    expect(await checkInEditorWorld(plain)).toEqual([]);
  });

  it('still catches a real type error, so the check above means something', async () => {
    const wrong = [
      "import { withDurableExecution } from '@aws/durable-execution-sdk-js';",
      'export const handler = withDurableExecution(async (_event: unknown, context) => {',
      "  const n: number = await context.step('s', async () => 'text');",
      '  return n;',
      '});',
    ].join('\n');
    const errors = await checkInEditorWorld(wrong);
    expect(errors.join('\n')).toMatch(/Type 'string' is not assignable to type 'number'/);
  });
});
