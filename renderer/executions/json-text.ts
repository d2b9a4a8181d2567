/** A payload as the views show it: pretty JSON when it parses, the text as it is otherwise. */
export function prettyPayload(text: string | undefined): { text: string; json: boolean } {
  if (text === undefined) return { text: '', json: false };
  try {
    return { text: JSON.stringify(JSON.parse(text), null, 2), json: true };
  } catch {
    return { text, json: false };
  }
}

/** Where JSON text is wrong, in words with line and column, or undefined when it parses. */
export function jsonProblem(text: string): string | undefined {
  if (text.trim() === '') return 'Enter a JSON value, for example {"approved": true}.';
  try {
    JSON.parse(text);
    return undefined;
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    const at = /position (\d+)/.exec(message);
    if (at === null) return `Not valid JSON: ${message}`;
    const position = Number(at[1]);
    const before = text.slice(0, position).split('\n');
    const line = before.length;
    const column = (before.at(-1)?.length ?? 0) + 1;
    return `Not valid JSON at line ${line}, column ${column}: ${message.replace(/ in JSON at position \d+.*$/, '').replace(/\s*\(line \d+ column \d+\)$/, '')}`;
  }
}
