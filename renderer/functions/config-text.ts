import { describeIssues } from '../../shared/contract/errors.ts';
import { FunctionConfig } from '../../shared/workspace/function-config.ts';

export type ParsedConfigText = { ok: true; config: FunctionConfig } | { ok: false; error: string };

/** Reads function.json text the way the host does, with a readable reason when it cannot. */
export function parseConfigText(text: string): ParsedConfigText {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    return { ok: false, error: `function.json is not valid JSON: ${error instanceof Error ? error.message : String(error)}` };
  }
  const parsed = FunctionConfig.safeParse(json);
  if (!parsed.success) return { ok: false, error: `function.json does not match the expected settings:\n${describeIssues(parsed.error)}` };
  return { ok: true, config: parsed.data };
}

/** function.json as the studio writes it: two-space JSON and a final newline. */
export function configToText(config: FunctionConfig): string {
  return `${JSON.stringify(config, null, 2)}\n`;
}
