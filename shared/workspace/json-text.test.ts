import { describe, expect, it } from 'vitest';
import { describeJsonProblem, parseJsonText } from './json-text.ts';

describe('JSON text', () => {
  it('finds the place of a mistake where JSON.parse gives none, with the scanner\'s words', () => {
    const place = (text: string) => {
      const reading = parseJsonText(text);
      return reading.ok ? undefined : reading.problem;
    };
    expect(place('{ "blocks": [ }')).toEqual({ line: 1, column: 15, reason: 'expected a value' });
    // A misspelt literal is placed at the start of the word, as in the invoke panel.
    expect(place('{"a": tru}')).toEqual({ line: 1, column: 7, reason: 'expected a value' });
    expect(place('abc')).toMatchObject({ line: 1, column: 1 });
  });

  it('describes a problem with line and column', () => {
    const reading = parseJsonText('{\n  "a": 1\n  "b": 2\n}');
    expect(reading.ok).toBe(false);
    if (reading.ok) return;
    expect(describeJsonProblem('The payload', reading.problem)).toBe("The payload is not valid JSON at line 3, column 3: Expected ',' or '}' after property value");
    const token = parseJsonText('{\n  "a": }');
    expect(token.ok ? '' : describeJsonProblem('The payload', token.problem)).toBe("The payload is not valid JSON at line 2, column 8: expected a value");
    expect(parseJsonText('{"a":1}')).toEqual({ ok: true, value: { a: 1 } });
  });
});
