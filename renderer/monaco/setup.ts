// Monaco, bundled with the app: only the editor core, TypeScript/JavaScript, JSON and Python
// colouring. Nothing is fetched from a CDN, so the studio works offline and under a strict CSP.
import { loader } from '@monaco-editor/react';
import * as monaco from 'monaco-editor/editor';
import 'monaco-editor/features/register.all';
import 'monaco-editor/languages/definitions/typescript/register';
import 'monaco-editor/languages/definitions/javascript/register';
import 'monaco-editor/languages/definitions/python/register';
import 'monaco-editor/languages/features/json/register';
import * as ts from 'monaco-editor/languages/features/typescript/register';
import EditorWorker from 'monaco-editor/editor/editor.worker?worker';
import JsonWorker from 'monaco-editor/languages/features/json/json.worker?worker';
import TsWorker from 'monaco-editor/languages/features/typescript/ts.worker?worker';
import { registerFunctionJsonSchema } from './function-json-schema.ts';

// Without getWorker the editor worker is looked up from a data: URL and fails to load.
self.MonacoEnvironment = {
  getWorker(_workerId: string, label: string): Worker {
    if (label === 'json') return new JsonWorker();
    if (label === 'typescript' || label === 'javascript') return new TsWorker();
    return new EditorWorker();
  },
};

// Any @monaco-editor/react component uses this instance instead of downloading one.
loader.config({ monaco: monaco as never });

const compilerOptions: ts.CompilerOptions = {
  target: ts.ScriptTarget.ESNext,
  module: ts.ModuleKind.ESNext,
  moduleResolution: ts.ModuleResolutionKind.NodeJs,
  strict: true,
  allowNonTsExtensions: true,
  allowJs: true,
  esModuleInterop: true,
  skipLibCheck: true,
  noEmit: true,
};
ts.typescriptDefaults.setCompilerOptions(compilerOptions);
ts.javascriptDefaults.setCompilerOptions({ ...compilerOptions, checkJs: false });
// Models that are not open still get diagnostics, so the Problems panel covers every file.
ts.typescriptDefaults.setEagerModelSync(true);
ts.javascriptDefaults.setEagerModelSync(true);

registerFunctionJsonSchema();

export { monaco, ts };
