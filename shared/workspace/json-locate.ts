/** Thrown inside the scanner to stop at the first mistake. */
class Stop {
  readonly offset: number;
  constructor(offset: number) {
    this.offset = offset;
  }
}

const WHITESPACE = new Set([' ', '\t', '\n', '\r']);
const ESCAPES = new Set(['"', '\\', '/', 'b', 'f', 'n', 'r', 't']);
const NUMBER = /-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?/y;
const HEX4 = /[0-9a-fA-F]{4}/y;

/**
 * The offset of the first character that makes `text` invalid JSON, or undefined when it is
 * valid. `JSON.parse` says where for most mistakes but not all (an unexpected token in a value's
 * place comes without a position); this scanner follows the JSON grammar to find the place.
 */
export function locateJsonError(text: string): number | undefined {
  let i = 0;
  const stop = (): never => {
    throw new Stop(i);
  };
  const skipWhitespace = () => {
    while (i < text.length && WHITESPACE.has(text[i] ?? '')) i += 1;
  };
  const expect = (char: string) => {
    if (text[i] !== char) stop();
    i += 1;
  };
  const string = () => {
    expect('"');
    for (;;) {
      const char = text[i];
      if (char === undefined || char < ' ') stop();
      i += 1;
      if (char === '"') return;
      if (char !== '\\') continue;
      if (text[i] === 'u') {
        i += 1;
        HEX4.lastIndex = i;
        if (!HEX4.test(text)) stop();
        i += 4;
      } else {
        if (!ESCAPES.has(text[i] ?? '')) stop();
        i += 1;
      }
    }
  };
  const literal = (word: string) => {
    for (const char of word) expect(char);
  };
  const sequence = (close: string, member: () => void) => {
    i += 1;
    skipWhitespace();
    if (text[i] === close) {
      i += 1;
      return;
    }
    for (;;) {
      member();
      skipWhitespace();
      if (text[i] === close) {
        i += 1;
        return;
      }
      expect(',');
    }
  };
  const value = (): void => {
    skipWhitespace();
    const char = text[i];
    if (char === '{') {
      sequence('}', () => {
        skipWhitespace();
        string();
        skipWhitespace();
        expect(':');
        value();
      });
    } else if (char === '[') {
      sequence(']', value);
    } else if (char === '"') {
      string();
    } else if (char === 't') {
      literal('true');
    } else if (char === 'f') {
      literal('false');
    } else if (char === 'n') {
      literal('null');
    } else {
      NUMBER.lastIndex = i;
      if (!NUMBER.test(text)) stop();
      i = NUMBER.lastIndex;
    }
  };
  try {
    value();
    skipWhitespace();
    if (i < text.length) stop();
    return undefined;
  } catch (error) {
    if (error instanceof Stop) return error.offset;
    // Nesting deeper than the stack: JSON.parse's own message is all there is to say.
    if (error instanceof RangeError) return undefined;
    throw error;
  }
}
