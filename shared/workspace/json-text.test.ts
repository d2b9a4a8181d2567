import { describe, expect, it } from 'vitest';
import { locateJsonError } from './json-locate.ts';
import { describeJsonProblem, parseJsonText } from './json-text.ts';

describe('JSON text', () => {
  it('finds the place of a mistake where JSON.parse gives none', () => {
    expect(locateJsonError('{ "blocks": [ }')).toBe(14);
    expect(locateJsonError('{"a": tru}')).toBe(9);
    expect(locateJsonError('abc')).toBe(0);
    expect(locateJsonError('{"a":')).toBe(5);
  });

  it('agrees with JSON.parse about what is valid', () => {
    for (const text of ['{"a":[1,{"b":null}],"c":"\\u00e9","d":-1.5e3}', ' 3 ', '"x"', '[]', '{}', 'true']) {
      expect(locateJsonError(text), text).toBeUndefined();
    }
    for (const text of ['[01]', '[1.]', '"\\q"', '"x', '[1,]', '{"a" 1}', '1 2', '"\u0001"']) {
      expect(() => JSON.parse(text), text).toThrow();
      expect(locateJsonError(text), text).toBeTypeOf('number');
    }
  });

  it('describes a problem with line and column', () => {
    const reading = parseJsonText('{\n  "a": 1\n  "b": 2\n}');
    expect(reading.ok).toBe(false);
    if (reading.ok) return;
    expect(describeJsonProblem('The payload', reading.problem)).toBe("The payload is not valid JSON at line 3, column 3: Expected ',' or '}' after property value");
    const token = parseJsonText('{\n  "a": }');
    expect(token.ok ? '' : describeJsonProblem('The payload', token.problem)).toBe("The payload is not valid JSON at line 2, column 8: Unexpected token '}'");
    expect(parseJsonText('{"a":1}')).toEqual({ ok: true, value: { a: 1 } });
  });
});
