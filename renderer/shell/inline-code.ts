export interface TextPart {
  text: string;
  code: boolean;
}

/**
 * Splits a sentence at its `backtick` spans, so commands and names in messages (many come from
 * the host written that way) show as code rather than with literal backticks. An unpaired
 * backtick stays as it is.
 */
export function splitInlineCode(text: string): TextPart[] {
  const parts: TextPart[] = [];
  let rest = text;
  for (;;) {
    const open = rest.indexOf('`');
    const close = open === -1 ? -1 : rest.indexOf('`', open + 1);
    if (close === -1 || close === open + 1) break;
    if (open > 0) parts.push({ text: rest.slice(0, open), code: false });
    parts.push({ text: rest.slice(open + 1, close), code: true });
    rest = rest.slice(close + 1);
  }
  if (rest !== '') parts.push({ text: rest, code: false });
  return parts;
}
