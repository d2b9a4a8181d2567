import { cp, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { StudioError } from '../../../shared/contract/errors.ts';
import type { TemplateId, TemplateInfo } from '../../../shared/contract/functions.ts';

/** What "New function" offers, in menu order; each id has a folder under `resources/templates/`. */
export const TEMPLATE_CATALOG: readonly TemplateInfo[] = [
  {
    id: 'node-ts',
    label: 'TypeScript',
    description: 'A plain Node.js handler in TypeScript, typed with the aws-lambda definitions.',
    language: 'typescript',
  },
  {
    id: 'node-js',
    label: 'JavaScript',
    description: 'A plain Node.js handler as an ES module.',
    language: 'javascript',
  },
  {
    id: 'durable-ts',
    label: 'Durable function (TypeScript)',
    description: 'An order approval: a validate step, a wait for an approval callback, then a process step with retries.',
    language: 'typescript',
  },
  {
    id: 'workflow-block-ts',
    label: 'Workflow block (TypeScript)',
    description: 'A Lambda block for a workflow: reads the block input from event.data and returns the block output.',
    language: 'typescript',
  },
  {
    id: 'python',
    label: 'Python',
    description: 'A plain Python 3.13 handler.',
    language: 'python',
  },
];

/**
 * A first saved test event per template, so a new function can be invoked straight away.
 * It is the event the template's handler expects.
 */
export const TEMPLATE_SAMPLE_EVENTS: Record<TemplateId, string> = {
  'node-ts': '{\n  "name": "Ada"\n}\n',
  'node-js': '{\n  "name": "Ada"\n}\n',
  'durable-ts': '{\n  "orderId": "order-1001",\n  "amount": 42.5,\n  "customerEmail": "ada@example.com"\n}\n',
  'workflow-block-ts': '{\n  "data": {\n    "orderId": "order-1001",\n    "items": [\n      { "sku": "book", "quantity": 2, "unitPrice": 12.5 },\n      { "sku": "pen", "quantity": 3, "unitPrice": 1.2 }\n    ]\n  }\n}\n',
  python: '{\n  "name": "Ada"\n}\n',
};

/** Written in place of this text in a template's `function.json`. */
const NAME_PLACEHOLDER = '__FUNCTION_NAME__';

/** The handler templates shipped in `resources/templates/`. */
export interface Templates {
  list(): TemplateInfo[];
  /** The folder holding a template's files. */
  folderOf(id: TemplateId): string;
  /** Copies a template's files into `target` (which must not exist yet) for a function called `name`. */
  copyTo(id: TemplateId, target: string, name: string): Promise<void>;
}

/** Templates read from `templatesDir` (normally `resources/templates`). */
export function createTemplates(templatesDir: string): Templates {
  const folderOf = (id: TemplateId) => join(templatesDir, id);
  return {
    list: () => TEMPLATE_CATALOG.map((template) => ({ ...template })),
    folderOf,
    async copyTo(id, target, name) {
      if (!TEMPLATE_CATALOG.some((template) => template.id === id)) {
        throw new StudioError('BAD_INPUT', `There is no template "${id}".`);
      }
      await cp(folderOf(id), target, { recursive: true, errorOnExist: true, force: false });
      const configPath = join(target, 'function.json');
      const config = await readFile(configPath, 'utf8');
      await writeFile(configPath, config.replaceAll(NAME_PLACEHOLDER, name));
    },
  };
}
