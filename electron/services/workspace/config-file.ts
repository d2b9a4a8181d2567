import { describeIssues } from '../../../shared/contract/errors.ts';
import { FunctionConfig } from '../../../shared/workspace/function-config.ts';

/** What reading a `function.json` gives: the config, or a sentence saying what is wrong with it. */
export type ConfigReading = { config: FunctionConfig; error?: undefined } | { config: null; error: string };

/** Line and column (1-based) of a character offset, for JSON errors a person can find. */
function lineAndColumn(text: string, offset: number): string {
  const before = text.slice(0, offset);
  const line = before.split('\n').length;
  const column = offset - before.lastIndexOf('\n');
  return `line ${line}, column ${column}`;
}

function describeJsonError(text: string, error: unknown): string {
  const message = error instanceof Error ? error.message : String(error);
  const position = /at position (\d+)/.exec(message);
  // V8 sometimes adds its own "(line x column y)"; the offset is the part worth keeping.
  const reason = message.replace(/\s*\(line \d+ column \d+\)/, '').replace(/\s*in JSON at position \d+/, '');
  const where = position?.[1] === undefined ? '' : ` at ${lineAndColumn(text, Number(position[1]))}`;
  return `function.json is not valid JSON${where}: ${reason}. Fix the file (it has not been changed).`;
}

/** Parses and validates the text of a `function.json`; never throws. */
export function readFunctionConfig(text: string): ConfigReading {
  if (text.trim() === '') {
    return { config: null, error: 'function.json is empty. It needs at least "runtime" and "handler".' };
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    return { config: null, error: describeJsonError(text, error) };
  }
  const parsed = FunctionConfig.safeParse(json);
  if (!parsed.success) {
    return { config: null, error: `function.json has invalid settings: ${describeIssues(parsed.error).replaceAll('\n', '; ')}` };
  }
  return { config: parsed.data };
}

/** The text the studio writes for a config: two-space JSON with a final newline, as editors do. */
export function formatFunctionConfig(config: FunctionConfig): string {
  return `${JSON.stringify(config, null, 2)}\n`;
}
