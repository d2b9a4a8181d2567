import { z } from 'zod';
import { jsonDefaults, type JSONSchema } from 'monaco-editor/languages/features/json/register';
import { FunctionConfig } from '../../shared/workspace/function-config.ts';

/**
 * The contract's FunctionConfig as a JSON schema for every function.json model, so the
 * raw text gets the same checks as the form: red squiggles, hover help and completion.
 */
export function registerFunctionJsonSchema(): void {
  const schema = z.toJSONSchema(FunctionConfig, { io: 'input', unrepresentable: 'any' }) as JSONSchema;
  jsonDefaults.setDiagnosticsOptions({
    validate: true,
    allowComments: false,
    enableSchemaRequest: false,
    // A config that fails the schema will not run: that is an error, not a style warning.
    schemaValidation: 'error',
    schemas: [{ uri: 'lambda-studio://schemas/function.json', fileMatch: ['**/functions/*/function.json'], schema }],
  });
}
