/**
 * The messages a text stands for: with `eachItem`, a JSON array is one message per item (a string
 * item is the body as it is, any other item its JSON); otherwise, or when the text is no JSON
 * array, the text is one message's body.
 */
export function messageBodies(text: string, eachItem: boolean): string[] {
  if (!eachItem) return [text];
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    return [text];
  }
  if (!Array.isArray(parsed)) return [text];
  return parsed.map((item) => (typeof item === 'string' ? item : JSON.stringify(item)));
}
