import { printParseErrorCode, visit } from 'jsonc-parser';

/** The parser's error codes by name (its enum is a const enum, which this build cannot read). */
type ErrorName = ReturnType<typeof printParseErrorCode>;

/** The first mistake in JSON text: where it starts, how far it reaches and why. */
export interface JsonError {
  /** Offset of the first character of the wrong token (a misspelt `tru` is placed at its `t`). */
  offset: number;
  /** How many characters the wrong token spans (0 at the end of the text). */
  length: number;
  /** 1-based line and column of `offset`, counted as people count them in an editor. */
  line: number;
  column: number;
  /** A short lower-case phrase: `expected , or }`, `a string is not closed`. */
  reason: string;
}

interface Found {
  code: ErrorName;
  offset: number;
  length: number;
  /** The innermost object or array the parser was in when it found the mistake. */
  container: '{' | '[' | undefined;
}

/** JSON's white space; jsonc-parser also skips other spaces (no-break, vertical tab) that JSON.parse refuses. */
const JSON_WHITESPACE = /[ \t\n\r]/;

/**
 * Where and why JSON text first goes wrong, or undefined when `JSON.parse` takes it. V8's message
 * names no position for an unexpected token in a value's place and echoes the whole text for long
 * inputs; Monaco's own parser (jsonc-parser, held to strict JSON) walks the text once and gives the
 * token, so a person reads "line 3, column 8: expected a value".
 */
export function findJsonError(text: string): JsonError | undefined {
  let parseMessage: string;
  try {
    JSON.parse(text);
    return undefined;
  } catch (error) {
    parseMessage = error instanceof Error ? error.message : String(error);
  }
  const found = firstMistakes(text);
  const first = found[0];
  if (first === undefined) return notWhitespace(text) ?? fallback(text, parseMessage);
  return at(text, first.offset, first.length, reasonFor(text, first, found[1]));
}

function firstMistakes(text: string): Found[] {
  const found: Found[] = [];
  const containers: ('{' | '[')[] = [];
  try {
    visit(
      text,
      {
        onObjectBegin: () => void containers.push('{'),
        onObjectEnd: () => void containers.pop(),
        onArrayBegin: () => void containers.push('['),
        onArrayEnd: () => void containers.pop(),
        // The first mistake is the answer; the second tells what the parser wanted in place of an unknown word.
        onError: (code, offset, length) => {
          if (found.length < 2) found.push({ code: printParseErrorCode(code), offset, length, container: containers.at(-1) });
        },
      },
      { disallowComments: true, allowTrailingComma: false, allowEmptyContent: false },
    );
  } catch (error) {
    // Nesting deeper than the stack: V8's own message is all there is to say.
    if (!(error instanceof RangeError)) throw error;
    return [];
  }
  return found;
}

function reasonFor(text: string, first: Found, next: Found | undefined): string {
  const token = text.slice(first.offset, first.offset + first.length);
  const afterComma = /,\s*$/.test(text.slice(0, first.offset));
  switch (first.code) {
    case 'InvalidSymbol':
      if (next?.code === 'PropertyNameExpected') return 'expected a property name in double quotes';
      if (token.startsWith("'")) return 'strings need double quotes';
      if (next?.code === 'EndOfFileExpected' || (next === undefined && first.container === undefined)) {
        return 'unexpected text after the end of the JSON value';
      }
      return 'expected a value';
    case 'ValueExpected':
      if (first.offset >= text.length) return 'the text ends where a value should be';
      if (token === ']' && afterComma) return 'a trailing comma before ]';
      return 'expected a value';
    case 'PropertyNameExpected':
      if (token === '}' && afterComma) return 'a trailing comma before }';
      return 'expected a property name in double quotes';
    case 'ColonExpected':
      return 'expected : after the property name';
    case 'CommaExpected':
      return first.container === '[' ? 'expected , or ]' : 'expected , or }';
    // The parser asks for a closing bracket only at the end of the text.
    case 'CloseBraceExpected':
      return 'the text ends before the object is closed with }';
    case 'CloseBracketExpected':
      return 'the text ends before the array is closed with ]';
    case 'EndOfFileExpected':
      return 'unexpected text after the end of the JSON value';
    case 'UnexpectedEndOfString':
      return 'a string is not closed';
    case 'InvalidEscapeCharacter':
      return 'unknown escape in a string';
    case 'InvalidUnicode':
      return 'a \\u escape needs four hex digits';
    case 'InvalidCharacter':
      return 'a string cannot hold a raw line break or control character';
    case 'InvalidNumberFormat':
    case 'UnexpectedEndOfNumber':
      return 'a number is not complete';
    case 'InvalidCommentToken':
    case 'UnexpectedEndOfComment':
      return 'JSON has no comments';
    default:
      return 'expected a value';
  }
}

/** The first character outside strings that jsonc-parser skipped as white space but JSON does not. */
function notWhitespace(text: string): JsonError | undefined {
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const char = text[i] ?? '';
    if (inString) {
      if (char === '\\') i++;
      else if (char === '"') inString = false;
    } else if (char === '"') inString = true;
    else if (/\s|\uFEFF/.test(char) && !JSON_WHITESPACE.test(char)) return at(text, i, 1, 'a space character JSON does not allow');
  }
  return undefined;
}

function fallback(text: string, message: string): JsonError {
  const position = /at position (\d+)/.exec(message)?.[1];
  const reason = message.replace(/\s*\(line \d+ column \d+\)/, '').replace(/\s*in JSON at position \d+/, '').replace(/, ".*" is not valid JSON$/s, '');
  return at(text, position !== undefined ? Number(position) : 0, 0, reason);
}

function at(text: string, offset: number, length: number, reason: string): JsonError {
  const before = text.slice(0, offset);
  return { offset, length, line: before.split('\n').length, column: offset - before.lastIndexOf('\n'), reason };
}
