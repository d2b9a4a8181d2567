import { z } from 'zod';
import { FunctionConfig, FunctionName } from '../workspace/function-config.ts';
import { Done, method, NoInput } from './define.ts';

/** Templates offered by "New function". */
export const TemplateId = z.enum(['node-ts', 'node-js', 'durable-ts', 'workflow-block-ts', 'python']);
export type TemplateId = z.infer<typeof TemplateId>;

export const TemplateInfo = z.object({
  id: TemplateId,
  label: z.string(),
  description: z.string(),
  language: z.enum(['typescript', 'javascript', 'python']),
});
export type TemplateInfo = z.infer<typeof TemplateInfo>;

/** A function as the list shows it; a broken `function.json` is reported, never hidden. */
export const FunctionSummary = z.object({
  name: z.string(),
  runtime: z.string().optional(),
  durable: z.boolean(),
  configError: z.string().optional(),
});
export type FunctionSummary = z.infer<typeof FunctionSummary>;

/** Everything the editor needs to open a function. */
export const FunctionDetail = z.object({
  name: z.string(),
  /** Parsed config, or null when `function.json` is missing or invalid. */
  config: FunctionConfig.nullable(),
  /** The file's text as it is on disk, so an invalid one can still be shown and fixed. */
  configText: z.string(),
  configError: z.string().optional(),
  /** Paths relative to the function folder, `/`-separated, sorted; `function.json` included. */
  files: z.array(z.string()),
});
export type FunctionDetail = z.infer<typeof FunctionDetail>;

/** A path inside a function folder: relative, no `..`, no absolute paths. */
export const RelativePath = z
  .string()
  .min(1)
  .refine((p) => !p.startsWith('/') && !p.includes('\\') && !p.split('/').includes('..'), 'must be a relative path inside the function');

const ByName = z.object({ name: FunctionName }).strict();

export const functionsMethods = {
  'templates.list': method(NoInput, z.array(TemplateInfo)),
  'functions.list': method(NoInput, z.array(FunctionSummary)),
  'functions.get': method(ByName, FunctionDetail),
  'functions.create': method(z.object({ name: FunctionName, template: TemplateId }).strict(), FunctionDetail),
  'functions.rename': method(z.object({ from: FunctionName, to: FunctionName }).strict(), FunctionDetail),
  'functions.delete': method(ByName, Done),
  'functions.readFile': method(z.object({ name: FunctionName, path: RelativePath }).strict(), z.object({ content: z.string() })),
  'functions.writeFile': method(z.object({ name: FunctionName, path: RelativePath, content: z.string() }).strict(), Done),
  /** Writes `function.json` from the form; the config is validated before anything is written. */
  'functions.saveConfig': method(z.object({ name: FunctionName, config: FunctionConfig }).strict(), FunctionDetail),
};
